using System.Net;
using System.Net.Sockets;
using System.Text;
using Fpas.IntegrationTests.Support;

namespace Fpas.IntegrationTests.Api;

/// <summary>Every 4xx is an RFC 9457 problem with status and title, and none leaks internals.</summary>
public sealed class ErrorResponseTests : ApiTest
{
    private const int OneMebibyte = 1024 * 1024;

    [Test]
    public async Task UnknownRoute_Returns404Problem() =>
        await AssertProblemAsync(await Client.GetAsync("/no/such/route"), HttpStatusCode.NotFound);

    [TestCase("PATCH", "/items/1")]
    [TestCase("DELETE", "/items/")]
    [TestCase("POST", "/items/1")]
    [TestCase("POST", "/health/live")]
    public async Task WrongMethod_Returns405Problem(string method, string path) =>
        await AssertProblemAsync(await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)), HttpStatusCode.MethodNotAllowed);

    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    public async Task Create_WithNonJsonContentType_Returns415Problem(string mediaType) =>
        await AssertProblemAsync(
            await Client.PostAsync("/items/", new StringContent("""{"name": "x"}""", Encoding.UTF8, mediaType)),
            HttpStatusCode.UnsupportedMediaType);

    [Test]
    public async Task Create_WithoutContentType_Returns415Problem()
    {
        var content = new ByteArrayContent("""{"name": "x"}"""u8.ToArray());

        await AssertProblemAsync(await Client.PostAsync("/items/", content), HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Create_WithBodyOver1MiB_AndContentLength_Returns413Problem()
    {
        var content = JsonBody(OversizedJson());

        await AssertProblemAsync(await Client.PostAsync("/items/", content), HttpStatusCode.RequestEntityTooLarge);
        Assert.That(await CountItemsAsync(), Is.Zero);
    }

    [Test]
    public async Task Create_WithBodyOver1MiB_SentAfterTheHeaders_Gets413_NotAResetConnection()
    {
        // A client that sends the body a moment after the headers, and reads only when done sending.
        var body = Encoding.UTF8.GetBytes(OversizedJson());
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Client.BaseAddress!.Host, Client.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /items/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n"));
        await Task.Delay(TimeSpan.FromMilliseconds(200));

        await stream.WriteAsync(body);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync();

        Assert.That(statusLine, Does.StartWith("HTTP/1.1 413 "));
    }

    [Test]
    public async Task Create_WithChunkedBodyOver1MiB_Returns413Problem()
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(OversizedJson())));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/items/") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        await AssertProblemAsync(await Client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
        Assert.That(await CountItemsAsync(), Is.Zero);
    }

    [Test]
    public async Task Update_WithBodyOver1MiB_Returns413Problem()
    {
        var item = await CreateItemAsync("x");

        await AssertProblemAsync(await Client.PutAsync($"/items/{item.Id}", JsonBody(OversizedJson())), HttpStatusCode.RequestEntityTooLarge);
    }

    [Test]
    public async Task Create_WithBodyJustUnder1MiB_IsNotRejectedForSize()
    {
        var padding = new string(' ', OneMebibyte - 100);

        using var response = await Client.PostAsync("/items/", JsonBody($$"""{"name": "padded"{{padding}}}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AUniqueIndexThatStatesNoMessage_IsA409ProblemWithoutDetails()
    {
        await TestDatabase.ExecuteAsync("CREATE UNIQUE INDEX item_description_test_uix ON item (description)");
        try
        {
            using var first = await Client.PostAsync("/items/", JsonBody("""{"name": "a", "description": "same"}"""));
            using var second = await Client.PostAsync("/items/", JsonBody("""{"name": "b", "description": "same"}"""));
            var text = await second.Content.ReadAsStringAsync();

            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            await AssertProblemAsync(second, HttpStatusCode.Conflict);
            Assert.That(text, Does.Not.Contain("item_description_test_uix").And.Not.Contain("same"));
        }
        finally
        {
            await TestDatabase.ExecuteAsync("DROP INDEX item_description_test_uix");
        }
    }

    [Test]
    public async Task Problems_CarryNoStackTraceOrSql()
    {
        using var malformed = await Client.PostAsync("/items/", JsonBody("""{"name": """));
        using var duplicate1 = await Client.PostAsync("/items/", JsonBody("""{"name": "dup"}"""));
        using var duplicate2 = await Client.PostAsync("/items/", JsonBody("""{"name": "dup"}"""));

        foreach (var response in new[] { malformed, duplicate2 })
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.That((int)response.StatusCode, Is.InRange(400, 499), text);
            Assert.That(text, Does.Not.Match(@"\bat [\w.]+\(").And.Not.Contain("INSERT").And.Not.Contain("Exception").And.Not.Contain("Host="));
        }
    }

    private static string OversizedJson() => $$"""{"name": "big", "description": "{{new string('a', OneMebibyte + 10)}}"}""";

    private async Task<int> CountItemsAsync()
    {
        using var response = await Client.GetAsync("/items/?limit=1000");
        return (await ReadJsonAsync(response)).GetArrayLength();
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(status), text);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
            var body = System.Text.Json.JsonDocument.Parse(text).RootElement;
            Assert.Multiple(() =>
            {
                Assert.That(body.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
                Assert.That(body.GetProperty("title").GetString(), Is.Not.Empty);
            });
        }
    }
}
