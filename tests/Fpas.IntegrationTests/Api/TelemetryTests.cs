using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Fpas.IntegrationTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;

namespace Fpas.IntegrationTests.Api;

/// <summary>The OpenTelemetry wiring, proven end to end: spans in memory, and all three signals over real OTLP/HTTP.</summary>
public sealed class TelemetryTests : DatabaseTest
{
    private const string ItemName = "secret-parameter-value";

    [Test]
    public async Task ARequest_GivesAServerSpanNamedByRoute_WithADatabaseChildSpan_InOneTrace_WithoutParametersOrConnectionString()
    {
        var spans = new ConcurrentQueue<Activity>();
        await using var factory = InMemoryTracing(spans);
        using var client = factory.CreateClient();
        var id = await CreateAsync(client, spans);
        spans.Clear();

        using var response = await client.GetAsync($"/items/{id}");

        var server = await WaitForAsync(spans, span => span.Kind == ActivityKind.Server && span.DisplayName.StartsWith("GET", StringComparison.Ordinal));
        var database = spans.Where(span => span.Source.Name == "Npgsql" && span.TraceId == server.TraceId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(server.DisplayName, Is.EqualTo("GET /items/{id}"));
            Assert.That(database, Is.Not.Empty, "a database span in the request's trace");
            Assert.That(database.Select(span => span.ParentSpanId), Has.All.EqualTo(server.SpanId), "database spans are children of the server span");
            Assert.That(database.SelectMany(span => span.TagObjects).Select(tag => tag.Value?.ToString()),
                Has.Some.Contains("SELECT"), "statement text is recorded");
        });
        AssertNoSecrets(spans);
    }

    [Test]
    public async Task APut_IsOneServerSpan_WithItsSingleUpdateStatementAsChild()
    {
        var spans = new ConcurrentQueue<Activity>();
        await using var factory = InMemoryTracing(spans);
        using var client = factory.CreateClient();
        var id = await CreateAsync(client, spans);
        spans.Clear();

        using var response = await client.PutAsJsonAsync($"/items/{id}", new { description = "changed" });

        var server = await WaitForAsync(spans, span => span.Kind == ActivityKind.Server && span.DisplayName.StartsWith("PUT", StringComparison.Ordinal));
        var children = spans.Where(span => span.ParentSpanId == server.SpanId).ToList();
        TestContext.Out.WriteLine(SpanTree(server, spans));
        Assert.Multiple(() =>
        {
            Assert.That(server.DisplayName, Is.EqualTo("PUT /items/{id}"));
            Assert.That(children.Select(span => span.Source.Name), Is.EqualTo(new[] { "Npgsql" }), "one statement: no read before the write");
            Assert.That(children.Single().TagObjects.Select(tag => tag.Value?.ToString()), Has.Some.StartsWith("UPDATE"));
        });
    }

    [Test]
    public async Task ProblemBodies_CarryTheTraceIdOfTheServerSpan()
    {
        var spans = new ConcurrentQueue<Activity>();
        await using var factory = InMemoryTracing(spans);
        using var client = factory.CreateClient();

        using var notFound = await client.GetAsync("/items/424242");
        var notFoundSpan = await WaitForAsync(spans, span => span.Kind == ActivityKind.Server && span.DisplayName.StartsWith("GET", StringComparison.Ordinal));
        using var invalid = await client.PostAsync("/items/", new StringContent("""{"name": ""}""", Encoding.UTF8, "application/json"));
        var invalidSpan = await WaitForAsync(spans, span => span.Kind == ActivityKind.Server && span.DisplayName.StartsWith("POST", StringComparison.Ordinal));

        Assert.Multiple(async () =>
        {
            Assert.That(await TraceIdOfAsync(notFound), Is.EqualTo(notFoundSpan.TraceId.ToHexString()));
            Assert.That(await TraceIdOfAsync(invalid), Is.EqualTo(invalidSpan.TraceId.ToHexString()));
            Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        });
    }

    [Test]
    public async Task AnIncomingTraceparent_IsContinued_ByTheServerSpan_TheDatabaseSpans_AndTheProblemBody()
    {
        var spans = new ConcurrentQueue<Activity>();
        await using var factory = InMemoryTracing(spans);
        using var client = PlainClient(factory);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var parent = ActivitySpanId.CreateRandom().ToHexString();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/items/424242");
        request.Headers.Add("traceparent", $"00-{traceId}-{parent}-01");
        using var response = await client.SendAsync(request);

        var server = await WaitForAsync(spans, span => span.Kind == ActivityKind.Server && span.TraceId.ToHexString() == traceId);
        Assert.Multiple(async () =>
        {
            Assert.That(server.TraceId.ToHexString(), Is.EqualTo(traceId));
            Assert.That(server.ParentSpanId.ToHexString(), Is.EqualTo(parent));
            Assert.That(spans.Where(span => span.Source.Name == "Npgsql").Select(span => span.TraceId.ToHexString()), Has.Some.EqualTo(traceId));
            Assert.That(await TraceIdOfAsync(response), Is.EqualTo(traceId));
        });
    }

    [Test]
    public async Task WithNoExporter_TheTraceparentIsStillContinued_InTheProblemBody()
    {
        using var client = PlainClient(ApiHost.Factory);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/items/424242");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await client.SendAsync(request);

        Assert.That(await TraceIdOfAsync(response), Is.EqualTo(traceId));
    }

    [Test]
    public async Task ConfiguredOnlyByOtelVariables_TheAppSendsTracesMetricsAndLogs_OverOtlpHttp_WithItsServiceName()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var variables = new EnvironmentVariables(new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Url,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "fpas-otlp-test",
            ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment=test",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        });
        // A quick success is logged at Debug (RequestLogging).
        await using var factory = new ApiFactory(TestDatabase.ConnectionString, new Dictionary<string, string> { ["Logging:LogLevel:Fpas"] = "Debug" });
        using var client = PlainClient(factory);
        var traceId = ActivityTraceId.CreateRandom();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/items/") { Content = JsonContent.Create(new { name = "otlp" }) };
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var created = await client.SendAsync(request);

        var serviceName = Encoding.UTF8.GetBytes("fpas-otlp-test");
        var traceIdBytes = Convert.FromHexString(traceId.ToHexString());
        foreach (var signal in new[] { "traces", "metrics", "logs" })
        {
            var payload = await receiver.WaitForAsync(signal, body => body.AsSpan().IndexOf(serviceName) >= 0);
            Assert.That(payload, Is.Not.Null, $"no {signal} with the service name arrived");
        }

        Assert.Multiple(async () =>
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await receiver.WaitForAsync("traces", body => body.AsSpan().IndexOf(traceIdBytes) >= 0), Is.Not.Null, "the request's span");
            Assert.That(await receiver.WaitForAsync("logs", body => body.AsSpan().IndexOf(traceIdBytes) >= 0), Is.Not.Null, "a log record of the request, with its trace id");
            Assert.That(await receiver.WaitForAsync("metrics", body => body.AsSpan().IndexOf("fpas.entity.operations"u8) >= 0), Is.Not.Null, "Fpas's own meter");
            Assert.That(await receiver.WaitForAsync("metrics", body => body.AsSpan().IndexOf("http.server.request.duration"u8) >= 0), Is.Not.Null, "ASP.NET Core's meter");
            Assert.That(receiver.Everything().Any(body => body.AsSpan().IndexOf("otlp"u8) >= 0 && body.AsSpan().IndexOf("Password"u8) >= 0), Is.False);
        });
    }

    [Test]
    public async Task EachRequest_IsLoggedOnce_WithMethodRouteStatusAndDuration_ErrorsAtInformation_SuccessesAndProbesAtDebug()
    {
        var logs = new LogCapture(LogLevel.Debug);
        await using var factory = new ApiFactory(TestDatabase.ConnectionString,
            new Dictionary<string, string> { ["Logging:LogLevel:Fpas.Api.Telemetry"] = "Debug" },
            services => services.AddSingleton<ILoggerProvider>(logs));
        using var client = factory.CreateClient();

        using var missing = await client.GetAsync("/items/424242");
        using var list = await client.GetAsync("/items/");
        using var probe = await client.GetAsync("/health/live");
        await Task.Delay(100);

        Assert.Multiple(() =>
        {
            Assert.That(RequestLevels(logs, "GET /items/{id} responded 404 in "), Is.EqualTo(new[] { LogLevel.Information }));
            Assert.That(RequestLevels(logs, "GET /items responded 200 in "), Is.EqualTo(new[] { LogLevel.Debug }));
            Assert.That(RequestLevels(logs, "GET /health/live responded 200 in "), Is.EqualTo(new[] { LogLevel.Debug }));
        });
    }

    [Test]
    public async Task ASuccessSlowerThanTheThreshold_IsLoggedAtInformation()
    {
        var logs = new LogCapture(LogLevel.Debug);
        await using var factory = new ApiFactory(TestDatabase.ConnectionString,
            new Dictionary<string, string>
            {
                ["Logging:LogLevel:Fpas.Api.Telemetry"] = "Debug",
                ["RequestLogging:SlowRequestThreshold"] = "00:00:00",
            },
            services => services.AddSingleton<ILoggerProvider>(logs));
        using var client = factory.CreateClient();

        using var list = await client.GetAsync("/items/");
        await Task.Delay(100);

        Assert.That(RequestLevels(logs, "GET /items responded 200 in "), Is.EqualTo(new[] { LogLevel.Information }));
    }

    private static List<LogLevel> RequestLevels(LogCapture logs, string messageStart) =>
        logs.Records
            .Where(record => record.Category == "Fpas.Api.Telemetry.RequestLogging" && record.Message.StartsWith(messageStart, StringComparison.Ordinal))
            .Select(record => record.Level)
            .ToList();

    [Test]
    public void OutsideDevelopment_TheConsoleWritesOneJsonObjectPerLine_WithScopes()
    {
        var console = ApiHost.Factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var json = ApiHost.Factory.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;

        Assert.Multiple(() =>
        {
            Assert.That(console.FormatterName, Is.EqualTo(ConsoleFormatterNames.Json));
            Assert.That(json.IncludeScopes, Is.True, "trace and span ids travel in the request's scope");
            Assert.That(json.JsonWriterOptions.Indented, Is.False, "one object per line");
        });
    }

    private static string SpanTree(Activity root, IEnumerable<Activity> spans)
    {
        var all = spans.ToList();
        var lines = new List<string>();
        void Add(Activity span, int depth)
        {
            var statement = span.TagObjects.FirstOrDefault(tag => tag.Key is "db.query.text" or "db.statement").Value;
            lines.Add($"{new string(' ', depth * 2)}{span.DisplayName} [{span.Source.Name}, {span.Kind}, {span.Duration.TotalMilliseconds:0.0} ms]"
                + (statement is null ? string.Empty : $" {statement}"));
            foreach (var child in all.Where(candidate => candidate.ParentSpanId == span.SpanId))
            {
                Add(child, depth + 1);
            }
        }

        Add(root, 0);
        return string.Join('\n', lines);
    }

    /// <summary>
    /// A client that sends only the headers a test sets: the default handler would add a <c>traceparent</c> of the test
    /// process's own (instrumented) HttpClient span next to the test's.
    /// </summary>
    private static HttpClient PlainClient(ApiFactory factory)
    {
        using var probe = factory.CreateClient();
        return new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = probe.BaseAddress };
    }

    private static ApiFactory InMemoryTracing(ConcurrentQueue<Activity> spans) =>
        new(TestDatabase.ConnectionString, services: services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .SetSampler(new AlwaysOnSampler())
            .AddInMemoryExporter(new QueueCollection(spans))));

    /// <summary>Creates an item and waits for its server span, so that a test's later spans cannot be confused with it.</summary>
    private static async Task<long> CreateAsync(HttpClient client, ConcurrentQueue<Activity> spans)
    {
        using var response = await client.PostAsJsonAsync("/items/", new { name = ItemName, description = ItemName });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await WaitForAsync(spans, span => span.Kind == ActivityKind.Server && span.DisplayName == "POST /items");
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt64();
    }

    private static async Task<Activity> WaitForAsync(ConcurrentQueue<Activity> spans, Func<Activity, bool> match)
    {
        for (var i = 0; i < 100; i++)
        {
            if (spans.FirstOrDefault(match) is { } span)
            {
                return span;
            }

            await Task.Delay(20);
        }

        Assert.Fail("the span did not arrive");
        return null!;
    }

    private static async Task<string?> TraceIdOfAsync(HttpResponseMessage response) =>
        System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("traceId").GetString();

    private static void AssertNoSecrets(IEnumerable<Activity> spans)
    {
        var values = spans.SelectMany(span => span.TagObjects.Select(tag => tag.Value?.ToString() ?? string.Empty)
            .Concat(span.Events.SelectMany(e => e.Tags.Select(tag => tag.Value?.ToString() ?? string.Empty)))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(values, Has.None.Contains(ItemName), "a parameter value reached a span");
            Assert.That(values.Where(value => value.Contains("Username=", StringComparison.OrdinalIgnoreCase)
                || value.Contains("Host=", StringComparison.OrdinalIgnoreCase)
                || value.Contains("Password", StringComparison.OrdinalIgnoreCase)), Is.Empty, "a connection string reached a span");
        });
    }

    /// <summary>Adapts the in-memory exporter's <see cref="ICollection{T}"/> to a queue that tests can read while the app writes.</summary>
    private sealed class QueueCollection(ConcurrentQueue<Activity> queue) : ICollection<Activity>
    {
        public int Count => queue.Count;

        public bool IsReadOnly => false;

        public void Add(Activity item) => queue.Enqueue(item);

        public void Clear() => queue.Clear();

        public bool Contains(Activity item) => queue.Contains(item);

        public void CopyTo(Activity[] array, int arrayIndex) => queue.CopyTo(array, arrayIndex);

        public bool Remove(Activity item) => throw new NotSupportedException();

        public IEnumerator<Activity> GetEnumerator() => queue.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Sets process environment variables for the life of one test, as a deployment would set them.</summary>
    private sealed class EnvironmentVariables : IDisposable
    {
        private readonly Dictionary<string, string?> _previous = [];

        public EnvironmentVariables(Dictionary<string, string> values)
        {
            foreach (var (name, value) in values)
            {
                _previous[name] = Environment.GetEnvironmentVariable(name);
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        public void Dispose()
        {
            foreach (var (name, value) in _previous)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }

    /// <summary>An OTLP/HTTP receiver: keeps the body of every export per signal (traces, metrics, logs) and answers 200.</summary>
    private sealed class OtlpReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentDictionary<string, ConcurrentQueue<byte[]>> _received = new();

        private OtlpReceiver(WebApplication app) => _app = app;

        public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        public static async Task<OtlpReceiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var receiver = new OtlpReceiver(app);
            app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                receiver._received.GetOrAdd(signal, _ => new ConcurrentQueue<byte[]>()).Enqueue(body.ToArray());
                return Results.Ok();
            });
            await app.StartAsync();
            return receiver;
        }

        public IEnumerable<byte[]> Everything() => _received.Values.SelectMany(queue => queue);

        public async Task<byte[]?> WaitForAsync(string signal, Func<byte[], bool> match)
        {
            for (var i = 0; i < 150; i++)
            {
                if (_received.TryGetValue(signal, out var bodies) && bodies.FirstOrDefault(match) is { } body)
                {
                    return body;
                }

                await Task.Delay(50);
            }

            return null;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
