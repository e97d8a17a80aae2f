using System.Globalization;
using System.Threading.RateLimiting;
using Fpas.Api.Errors;
using Microsoft.AspNetCore.RateLimiting;

namespace Fpas.Api.Security;

/// <summary>
/// Partitions requests by client (the token's <c>sub</c> when authenticated, else the remote address after forwarded
/// headers) and by reads or writes, and answers a rejection with a 429 problem and <c>Retry-After</c>.
/// </summary>
public static class ClientRateLimiter
{
    public const string RejectedDetail = "Too many requests. Try again after the time in Retry-After.";

    public static void Configure(RateLimiterOptions options, RateLimitingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings));
        options.OnRejected = async (rejected, cancellationToken) =>
        {
            var context = rejected.HttpContext;
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await context.WriteProblemAsync(StatusCodes.Status429TooManyRequests, RejectedDetail);
        };
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitingSettings settings)
    {
        if (context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var method = context.Request.Method;
        var isRead = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
        if ((isRead ? settings.Reads : settings.Writes) is not { } bucket)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var client = context.User.FindFirst(ScopePolicies.SubjectClaim)?.Value is { } subject
            ? "sub:" + subject
            : "ip:" + context.Connection.RemoteIpAddress;
        return RateLimitPartition.GetTokenBucketLimiter((isRead ? "read|" : "write|") + client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = bucket.TokenLimit,
            TokensPerPeriod = bucket.TokensPerPeriod,
            ReplenishmentPeriod = bucket.ReplenishmentPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
