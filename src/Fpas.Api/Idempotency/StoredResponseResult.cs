using Fpas.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Mvc;

namespace Fpas.Api.Idempotency;

/// <summary>Replays a stored answer as it was first sent, marked with <c>Idempotent-Replayed: true</c>.</summary>
public sealed class StoredResponseResult(StoredResponse stored) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = stored.StatusCode;
        response.ContentType = stored.ContentType;
        response.ContentLength = stored.Body.Length;
        response.Headers.ETag = stored.ETag; // null sets nothing
        response.Headers.Location = stored.Location;

        response.Headers[IdempotencyKeyHeader.ReplayedName] = "true";
        return response.Body.WriteAsync(stored.Body, context.HttpContext.RequestAborted).AsTask();
    }
}
