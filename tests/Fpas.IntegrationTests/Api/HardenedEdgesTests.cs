using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Fpas.Application.Common.Persistence;
using Fpas.Domain.Items;
using Fpas.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fpas.IntegrationTests.Api;

/// <summary>Whatever a client sends, the answer is a 4xx problem in UTF-8, never a 5xx.</summary>
public sealed class HardenedEdgesTests : ApiTest
{
    [TestCase("application/json; charset=utf-16")]
    [TestCase("application/json; charset=UTF-16LE")]
    [TestCase("application/json; charset=\"utf-16\"")]
    [TestCase("application/json; charset=latin1")]
    [TestCase("application/json; charset=")]
    [TestCase("application/json; charset=\"")]
    [TestCase("application/json; charset=utf8")]
    public async Task Create_WithACharsetOtherThanUtf8_Returns415Problem(string contentType)
    {
        // Bytes that are not UTF-16 either: the transcoding reader used to throw DecoderFallbackException (500).
        var content = new ByteArrayContent("{\"name\":\"\u00ff\"}"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        await ErrorResponseTests.AssertProblemAsync(await Client.PostAsync("/items/", content), HttpStatusCode.UnsupportedMediaType);
    }

    [TestCase("application/json; charset=utf-8")]
    [TestCase("application/json; charset=UTF-8")]
    [TestCase("application/json; charset=\"utf-8\"")]
    [TestCase("application/json")]
    public async Task Create_WithUtf8OrNoCharset_IsAccepted(string contentType)
    {
        var content = new ByteArrayContent("""{"name": "caf\u00e9"}"""u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await Client.PostAsync("/items/", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Create_WithBytesThatAreNotUtf8_Returns422Problem()
    {
        var content = new ByteArrayContent([.. "{\"name\": \""u8, 0xFF, 0xFE, .. "\"}"u8]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        await ErrorResponseTests.AssertProblemAsync(await Client.PostAsync("/items/", content), HttpStatusCode.UnprocessableEntity);
    }

    [TestCase("/items/999999")]
    [TestCase("/items/0")]
    public async Task Problems_AreUtf8_WhateverAcceptCharsetAsks(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Charset", "utf-16");

        using var response = await Client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.CharSet ?? "utf-8", Is.EqualTo("utf-8").IgnoreCase);
            Assert.That(bytes[0], Is.EqualTo((byte)'{'), "UTF-8 JSON starts with '{', UTF-16 with a BOM or a zero byte");
        });
    }

    [Test]
    public async Task Items_AreUtf8_WhateverAcceptCharsetAsks()
    {
        var item = await CreateItemAsync("caf\u00e9");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/items/{item.Id}");
        request.Headers.TryAddWithoutValidation("Accept-Charset", "utf-16, iso-8859-1");

        using var response = await Client.SendAsync(request);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());

        Assert.That(text, Does.Contain("caf\u00e9"));
    }

    [TestCase("LINK", "/items/1", HttpStatusCode.MethodNotAllowed)]
    [TestCase("PROPFIND", "/items/", HttpStatusCode.MethodNotAllowed)]
    [TestCase("BREW", "/", HttpStatusCode.MethodNotAllowed)]
    [TestCase("GET", "/no/such/route", HttpStatusCode.NotFound)]
    [TestCase("POST", "/anything", HttpStatusCode.NotFound)]
    [TestCase("DELETE", "/openapi.json", HttpStatusCode.MethodNotAllowed)]
    [TestCase("GET", "/openapi/other.json", HttpStatusCode.NotFound)]
    public async Task AnyMethodOnAnyPath_ErrorsAreProblems_WhateverTheClientAccepts(string method, string path, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Accept.ParseAdd("text/html");

        await ErrorResponseTests.AssertProblemAsync(await Client.SendAsync(request), status);
    }

    [Test]
    public async Task NotJson_WithAcceptTextPlain_Is415Problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/items/") { Content = new StringContent("x", Encoding.UTF8, "text/plain") };
        request.Headers.Accept.ParseAdd("text/plain");

        await ErrorResponseTests.AssertProblemAsync(await Client.SendAsync(request), HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Head_OnAMissingItem_IsA404ProblemWithoutBody()
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/items/12345"));

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Empty);
        });
    }

    [Test]
    public async Task Head_OnAnItem_IsAnsweredLikeGet_WithoutBody()
    {
        var item = await CreateItemAsync("head");

        using var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/items/{item.Id}"));

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Empty);
        });
    }

    [TestCase("/items/999999")]
    [TestCase("/items/abc")]
    public async Task Problems_CarryTheW3CTraceId_AndNoStore(string path)
    {
        using var response = await Client.GetAsync(path);
        var body = await ReadJsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("traceId").GetString(), Does.Match("^[0-9a-f]{32}$"));
            Assert.That(body.TryGetProperty("trace_id", out _), Is.False);
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        });
    }

    [TestCase("/")]
    [TestCase("/items/999999")]
    [TestCase("/health/live")]
    public async Task EveryResponse_SaysNoSniff(string path)
    {
        using var response = await Client.GetAsync(path);

        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
    }

    [Test]
    public async Task AnUnexpectedFailure_Is500Problem_LoggedOnce_AndLeaksNothing()
    {
        var logs = new LogCapture();
        await using var factory = new ApiFactory(TestDatabase.ConnectionString, services: services =>
        {
            services.AddSingleton<IRepository<Item>, FailingRepository<Item>>();
            services.AddSingleton<ILoggerProvider>(logs);
        });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/items/1");
        var text = await response.Content.ReadAsStringAsync();

        var failures = logs.Records.Where(record => record.Exception?.Message == FailingRepository<Item>.SecretMessage).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(text, Does.Not.Contain("boom").And.Not.Contain("SELECT").And.Not.Contain("Host=").And.Not.Contain("Password")
                .And.Not.Contain("Exception").And.Not.Contain("FailingRepository").And.Not.Match(@"\bat [\w.]+\("));
            Assert.That(failures, Has.Count.EqualTo(1), string.Join(Environment.NewLine, logs.Records.Select(record => $"{record.Category}: {record.Message}")));
        });
    }

    [Test]
    public async Task HalfSentRequestLine_GetsNoAnswerButDoesNotDisturbOthers()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, Client.BaseAddress!.Port);
        await socket.SendAsync("GET /items/ HT"u8.ToArray());

        using var response = await Client.GetAsync("/health/live");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("10000000000000000")]
    [TestCase("fffffffffffffffffffff")]
    [TestCase("111111111111111111111111")]
    public async Task Create_WithAChunkSizeThatOverflows_Is400Problem_AndNothingIsStored(string chunkSize)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, Client.BaseAddress!.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes(
            "POST /items/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + chunkSize + "\r\n{\"name\": \"x\"}\r\n0\r\n\r\n"));

        var answer = new StringBuilder();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!answer.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) is > 0 and var read)
        {
            answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        Assert.Multiple(async () =>
        {
            Assert.That(answer.ToString(), Does.StartWith("HTTP/1.1 400 "));
            Assert.That(answer.ToString(), Does.Contain("Content-Type: application/problem+json"));
            Assert.That(await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM item"), Is.Zero);
        });
    }
}
