using System.Net;
using System.Net.Sockets;
using System.Text;
using Fpas.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace Fpas.IntegrationTests.Api;

/// <summary>A stop (SIGTERM, Ctrl-C) drains, then finishes every request in flight, uploads still arriving included.</summary>
[NonParallelizable]
public sealed class GracefulShutdownTests : DatabaseTest
{
    private static readonly TimeSpan DrainDelay = TimeSpan.FromSeconds(1);

    [TestCase(false)]
    [TestCase(true)]
    public async Task Stop_FinishesUploadsInFlight_AfterReadinessTurned503(bool withIdempotencyKey)
    {
        await using var factory = DrainingServer();
        using var client = factory.CreateClient();
        var port = client.BaseAddress!.Port;
        var bodies = Enumerable.Range(1, 4).Select(i => Encoding.UTF8.GetBytes($$"""{"name": "upload {{i}}", "description": "sent across the stop"}""")).ToList();

        // Headers and the first bytes of each body; the rest only after the stop has begun.
        var sockets = new List<Socket>();
        foreach (var (body, i) in bodies.Select((body, i) => (body, i)))
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(IPAddress.Loopback, port);
            // Keyed uploads are read whole by the idempotency filter before the action: the same stop must not cut them.
            var key = withIdempotencyKey ? $"Idempotency-Key: upload-{i}\r\n" : string.Empty;
            var head = Encoding.ASCII.GetBytes($"POST /items/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n{key}Content-Length: {body.Length}\r\n\r\n");
            await socket.SendAsync(head.Concat(body.Take(5)).ToArray());
            sockets.Add(socket);
        }

        await Task.Delay(200);
        var stopping = factory.Host!.StopAsync();
        await Task.Delay(200);
        using var ready = await client.GetAsync("/health/ready");

        await Task.Delay(DrainDelay + TimeSpan.FromMilliseconds(300));
        var answers = new List<string>();
        for (var i = 0; i < sockets.Count; i++)
        {
            await sockets[i].SendAsync(bodies[i].Skip(5).ToArray());
            answers.Add(await ReadStatusLineAsync(sockets[i]));
            sockets[i].Dispose();
        }

        await stopping;
        await using var context = TestDatabase.CreateDbContext();
        var stored = await context.Set<Fpas.Domain.Items.Item>().CountAsync();
        Assert.Multiple(() =>
        {
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "readiness during the drain");
            Assert.That(answers, Is.All.StartsWith("HTTP/1.1 200"), "every upload in flight is answered");
            Assert.That(stored, Is.EqualTo(bodies.Count), "every upload in flight is stored");
        });
    }

    [Test]
    public async Task Stop_AfterTheDrain_AcceptsNoNewConnection()
    {
        await using var factory = DrainingServer();
        using var client = factory.CreateClient();
        var port = client.BaseAddress!.Port;

        var stopping = factory.Host!.StopAsync();
        await Task.Delay(200);
        using var duringDrain = await client.GetAsync("/health/live");
        await stopping;

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        Assert.Multiple(() =>
        {
            Assert.That(duringDrain.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the app serves during the drain");
            Assert.That(async () => await socket.ConnectAsync(IPAddress.Loopback, port), Throws.InstanceOf<SocketException>());
        });
    }

    private static ApiFactory DrainingServer() =>
        new(TestDatabase.ConnectionString, new Dictionary<string, string> { ["Shutdown:DrainDelay"] = DrainDelay.ToString() });

    private static async Task<string> ReadStatusLineAsync(Socket socket)
    {
        var buffer = new byte[4096];
        var received = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!received.ToString().Contains("\r\n", StringComparison.Ordinal))
        {
            int count;
            try
            {
                count = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            }
            catch (SocketException exception)
            {
                return $"socket error {exception.SocketErrorCode}";
            }

            if (count == 0)
            {
                return received.Length == 0 ? "closed without an answer" : received.ToString();
            }

            received.Append(Encoding.ASCII.GetString(buffer, 0, count));
        }

        return received.ToString()[..received.ToString().IndexOf("\r\n", StringComparison.Ordinal)];
    }
}
