using System.Diagnostics;
using System.Net;
using Fpas.IntegrationTests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fpas.IntegrationTests.Api;

/// <summary>The app as a process: a configuration error is one line on stderr and exit code 1, before serving.</summary>
public sealed class StartupConfigurationTests
{
    [Test]
    public async Task Production_WithoutBearerConfiguration_RefusesToStart()
    {
        var (exitCode, stderr) = await RunApiAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = TestDatabase.ConnectionString,
        });

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1), stderr);
            Assert.That(stderr, Does.Contain("Authentication:Schemes:Bearer").And.Contain("Authentication:AllowAnonymousWrites"));
        });
    }

    [TestCase("RateLimiting__Writes__TokensPerPeriod", "5", "RateLimiting: each bucket configured needs TokenLimit")]
    [TestCase("ApiVersioning__Deprecated__2__Since", "2027-01-01", "ApiVersioning:Deprecated:2: the current version cannot be deprecated")]
    [TestCase("ApiVersioning__Deprecated__1__Sunset", "2027-01-01", "ApiVersioning:Deprecated:1:Since is required")]
    public async Task AnUnusableSetting_RefusesToStart_InOneLine(string key, string value, string message)
    {
        var (exitCode, stderr) = await RunApiAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = TestDatabase.ConnectionString,
            ["Authentication__AllowAnonymousWrites"] = "true",
            [key] = value,
        });

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1), stderr);
            Assert.That(stderr, Does.StartWith("Configuration error: ").And.Contain(message));
        });
    }

    [Test]
    public async Task MissingConnectionString_RefusesToStart()
    {
        var (exitCode, stderr) = await RunApiAsync(new Dictionary<string, string>
        {
            ["Authentication__AllowAnonymousWrites"] = "true",
        });

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1), stderr);
            Assert.That(stderr, Does.Contain("ConnectionStrings:Default"));
        });
    }

    /// <summary>The rules the start-up check applies (<see cref="MissingConnectionString_RefusesToStart"/> shows that check stops the process).</summary>
    [TestCase("Idempotency:Retention", "00:00:00")]
    [TestCase("Idempotency:CleanupInterval", "00:00:00")]
    [TestCase("Idempotency:CleanupBatchSize", "0")]
    public async Task InvalidIdempotencySettings_FailTheStartUpCheck(string key, string value)
    {
        await using var factory = new ApiFactory(TestDatabase.ConnectionString, new Dictionary<string, string> { [key] = value });
        var check = factory.Services.GetRequiredService<IStartupValidator>();

        Assert.That(check.Validate, Throws.InstanceOf<OptionsValidationException>()
            .With.Message.Contains("Idempotency:Retention and Idempotency:CleanupInterval must be positive durations"));
    }

    [TestCase("RateLimiting:Writes:TokensPerPeriod", "5")]
    [TestCase("RateLimiting:Reads:TokenLimit", "5")]
    public async Task ARateLimitBucketMissingAValue_FailsTheStartUpCheck(string key, string value)
    {
        await using var factory = new ApiFactory(TestDatabase.ConnectionString, new Dictionary<string, string> { [key] = value });

        Assert.That(() => factory.Services.GetRequiredService<IStartupValidator>().Validate(), Throws.InstanceOf<OptionsValidationException>()
            .With.Message.Contains("each bucket configured needs TokenLimit and TokensPerPeriod of at least 1"));
    }

    [Test]
    public async Task AllowAnonymousWrites_StartsWithAWarning()
    {
        var logs = new LogCapture();
        await using var factory = new ApiFactory(TestDatabase.ConnectionString, services: services => services.AddSingleton<ILoggerProvider>(logs));

        using var client = factory.CreateClient();

        Assert.That(logs.Records.Where(record => record.Level == LogLevel.Warning).Select(record => record.Message),
            Has.One.Contains("AllowAnonymousWrites"));
    }

    [Test]
    public async Task Starting_LoadsNoDataProtectionKeyRing_WhichBearerTokensNeverUse()
    {
        await using var factory = new ApiFactory(TestDatabase.ConnectionString);

        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/items/?limit=1", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(factory.Services.GetServices<IHostedService>().Select(service => service.GetType().FullName),
                Has.None.StartsWith("Microsoft.AspNetCore.DataProtection"), "no key ring loaded, or key file written, at start-up");
            Assert.That(factory.Services.GetService<IDataProtectionProvider>(), Is.Not.Null, "still there for a scheme that needs it, on first use");
        });
    }

    private static async Task<(int ExitCode, string Stderr)> RunApiAsync(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Fpas.Api.dll"), "--urls", "http://127.0.0.1:0" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var key in start.Environment.Keys.Where(key => key.StartsWith("ConnectionStrings", StringComparison.Ordinal) || key.StartsWith("Authentication", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the app did not stop within 30 s; stdout: {await stdout}");
        }

        return (process.ExitCode, stderr);
    }
}
