using System.Diagnostics;
using System.Net;
using Fpas.Api.Http;
using Fpas.IntegrationTests.Support;
using Npgsql;

namespace Fpas.IntegrationTests.Api;

/// <summary>
/// A pool of 2 and 50 requests slowed by a lock held 2 s: each is answered, 200 or a 503 problem with Retry-After, never a
/// 500 or a hang. Without multiplexing the pool is exhausted longer than the connect timeout (503s); with it, commands
/// wait in the pipelines of the shared connections instead.
/// </summary>
public sealed class PoolExhaustionTests : ApiTest
{
    [TestCase(false)]
    [TestCase(true)]
    public async Task ExhaustedPool_Is503WithRetryAfter_ThenServingResumes(bool multiplexing)
    {
        var item = await CreateItemAsync("slow");
        var connection = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { MaxPoolSize = 2, Multiplexing = multiplexing, Timeout = 1 }
            .ConnectionString;
        await using var factory = new ApiFactory(connection, new Dictionary<string, string> { [RequestTimeoutSetup.DefaultKey] = "00:00:04" });
        using var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);

        // Every query waits behind this lock for 2 s: longer than the 1 s connect timeout, shorter than the 3 s command
        // timeout. Each request meanwhile holds its pooled connection (without multiplexing) or waits in the pipeline of
        // a shared one (with it).
        var holder = new NpgsqlConnection(TestDatabase.ConnectionString);
        await holder.OpenAsync();
        var transaction = await holder.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE item IN ACCESS EXCLUSIVE MODE", holder, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var release = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await holder.DisposeAsync();
        });
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync($"/items/{item.Id}");
            return (Status: response.StatusCode, RetryAfter: response.Headers.RetryAfter?.ToString(),
                MediaType: response.Content.Headers.ContentType?.MediaType, Elapsed: Stopwatch.GetElapsedTime(started));
        }));
        await release;

        var after = await FirstStatusWithinAsync(client, $"/items/{item.Id}", HttpStatusCode.OK, TimeSpan.FromSeconds(10));
        var unavailable = answers.Where(answer => answer.Status == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(answers.Select(answer => answer.Status), Is.All.AnyOf(HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable));
            if (!multiplexing)
            {
                Assert.That(unavailable, Is.Not.Empty, "the pool was exhausted longer than the connect timeout");
            }

            Assert.That(unavailable.Select(answer => answer.RetryAfter), Is.All.Not.Null);
            Assert.That(unavailable.Select(answer => answer.MediaType), Is.All.EqualTo("application/problem+json"));
            Assert.That(answers.Max(answer => answer.Elapsed), Is.LessThan(TimeSpan.FromSeconds(6)), "no request hangs");
            Assert.That(after, Is.EqualTo(HttpStatusCode.OK), "serving resumes by itself once connections are free");
        });
    }

    /// <summary>Asks until the answer is <paramref name="wanted"/> or the time is up; returns the last status.</summary>
    private static async Task<HttpStatusCode> FirstStatusWithinAsync(HttpClient client, string path, HttpStatusCode wanted, TimeSpan limit)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            using var response = await client.GetAsync(path);
            if (response.StatusCode == wanted || Stopwatch.GetElapsedTime(started) > limit)
            {
                return response.StatusCode;
            }

            await Task.Delay(200);
        }
    }
}
