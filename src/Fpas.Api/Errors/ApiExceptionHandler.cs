using Fpas.Application.Common.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Fpas.Api.Errors;

/// <summary>
/// The one mapping from exceptions to problem responses (a 412 keeps its <c>ETag</c> through
/// <see cref="Concurrency.PreconditionFailedFilter"/>). Anything unknown is a 500 without details.
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    private const string Invalid = "One or more validation errors occurred.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody reads an answer.
            return true;
        }

        var (problem, retryAfter) = Map(exception);
        var status = problem.Status!.Value;
        if (status >= StatusCodes.Status500InternalServerError)
        {
            LogServerError(logger, exception, status, ProblemDefaults.TraceId());
        }

        httpContext.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            httpContext.Response.Headers.RetryAfter = retryAfter;
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }

    /// <summary>The problem an exception is answered with, and the <c>Retry-After</c> seconds when trying again helps.</summary>
    public static (ProblemDetails Problem, string? RetryAfter) Map(Exception exception) => exception switch
    {
        NotFoundException e => (Problem(StatusCodes.Status404NotFound, e.Message), null),
        DuplicateValueException e => (Problem(StatusCodes.Status400BadRequest, e.Message), null),
        IdempotencyKeyInUseException e => (Problem(StatusCodes.Status409Conflict, e.Message), "1"),
        WriteConflictException e => (Problem(StatusCodes.Status409Conflict, e.Message), "1"),
        RestoreConflictException e => (Problem(StatusCodes.Status409Conflict, e.Message), null),
        UniqueConstraintException => (Problem(StatusCodes.Status409Conflict, "The request conflicts with an existing resource."), null),
        PreconditionFailedException e => (Problem(StatusCodes.Status412PreconditionFailed, e.Message), null),
        ConditionRequiredException e => (Problem(StatusCodes.Status428PreconditionRequired, e.Message), null),
        IdempotencyKeyReusedException e => (Problem(StatusCodes.Status422UnprocessableEntity, e.Message), null),
        RequiredValueMissingException e => (Invalid422(new Dictionary<string, string[]> { [e.PropertyName] = [e.Message] }), null),
        InvalidRequestException e => (Invalid422(e.Errors.ToDictionary()), null),
        DatabaseUnavailableException => (Problem(StatusCodes.Status503ServiceUnavailable, "The database is unavailable. Try again shortly."), "5"),
        BadHttpRequestException e => (Problem(e.StatusCode, e.Message), null),
        // Kestrel reports some malformed framing (a chunk size that overflows) as a plain IOException of the body read.
        IOException => (Problem(StatusCodes.Status400BadRequest, "The request body could not be read."), null),
        _ => (Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred."), (string?)null),
    };

    private static ProblemDetails Problem(int status, string detail) => new() { Status = status, Detail = detail };

    private static HttpValidationProblemDetails Invalid422(IDictionary<string, string[]> errors) =>
        new(errors) { Status = StatusCodes.Status422UnprocessableEntity, Detail = Invalid };

    [LoggerMessage(Level = LogLevel.Error, Message = "Request failed with {Status} (trace {TraceId})")]
    private static partial void LogServerError(ILogger logger, Exception exception, int status, string traceId);
}
