using Fpas.Api.Errors;
using Fpas.Api.Security;
using Fpas.Application.Common.Persistence;
using Fpas.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Primitives;

namespace Fpas.Api.Idempotency;

/// <summary>
/// Makes every <c>POST</c> that carries <c>Idempotency-Key</c> safe to repeat (ADR 14). The key is taken in
/// PostgreSQL before the action runs (a second request meanwhile gets 409); the action's writes and the answer
/// kept for replay commit in one transaction, and only a 2xx answer is kept, so a failed request can be retried
/// with the same key. A repeat with the same key and fingerprint replays the answer; another request under
/// that key is a 422. Declared on the actions it applies to (<c>[Idempotent]</c>, on every POST of a resource);
/// requests without the header pay one header lookup.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class IdempotentAttribute : Attribute, IAsyncResourceFilter
{
    public Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return context.HttpContext.Request.Headers.TryGetValue(IdempotencyKeyHeader.Name, out var values)
            ? ExecuteKeyedAsync(context, next, values)
            : next();
    }

    private static async Task ExecuteKeyedAsync(ResourceExecutingContext context, ResourceExecutionDelegate next, StringValues values)
    {
        var http = context.HttpContext;
        if (!IdempotencyKeyHeader.TryParse(values, out var key))
        {
            context.Result = new ProblemResult(new() { Status = StatusCodes.Status400BadRequest, Detail = IdempotencyKeyHeader.InvalidMessage });
            return;
        }

        // The whole body first, so that no database connection waits on a slow client.
        var fingerprint = await RequestFingerprint.ComputeAsync(http.Request, http.RequestAborted);
        // The token's subject names the client; requests without one share the anonymous scope.
        var scope = http.User.FindFirst(ScopePolicies.SubjectClaim)?.Value ?? string.Empty;
        var request = new IdempotentRequest(scope, key, fingerprint);
        var store = http.RequestServices.GetRequiredService<IIdempotencyStore>();

        // One unit of work holds the key, the action's writes and the answer kept for replay: all commit, or none.
        await using var transaction = await http.RequestServices.GetRequiredService<IUnitOfWork>().BeginAsync(http.RequestAborted);
        if (await store.TakeAsync(request, http.RequestAborted) is { } stored)
        {
            context.Result = new StoredResponseResult(stored);
            return;
        }

        await ExecuteAndKeepAsync(http, next, store, request, transaction);
    }

    /// <summary>Runs the request with its answer buffered; a 2xx answer is stored and committed before any of it is sent.</summary>
    private static async Task ExecuteAndKeepAsync(
        HttpContext http, ResourceExecutionDelegate next, IIdempotencyStore store, IdempotentRequest request, IUnitOfWorkTransaction transaction)
    {
        var original = http.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        var capture = new StreamResponseBodyFeature(buffer);
        http.Features.Set<IHttpResponseBodyFeature>(capture);
        ResourceExecutedContext executed;
        try
        {
            executed = await next();
        }
        finally
        {
            await capture.CompleteAsync(); // flushes what a formatter left in its pipe writer
            http.Features.Set(original);
        }

        if (executed.Exception is not null && !executed.ExceptionHandled)
        {
            return; // rolled back when the unit of work is disposed; the exception handler answers
        }

        var response = http.Response;
        if (response.StatusCode is >= 200 and < 300)
        {
            // Done is done: a client gone meanwhile gets the replay when it retries.
            await store.KeepAsync(request, new StoredResponse(response.StatusCode, response.ContentType, ValueOf(response.Headers.ETag),
                ValueOf(response.Headers.Location), buffer.ToArray()), CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, http.RequestAborted);
    }

    private static string? ValueOf(StringValues header) => StringValues.IsNullOrEmpty(header) ? null : header.ToString();
}
