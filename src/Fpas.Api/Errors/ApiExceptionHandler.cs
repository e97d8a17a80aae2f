using Fpas.Application.Common.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Fpas.Api.Errors;

/// <summary>Maps application exceptions to problem responses. Anything unknown is a 500 without details.</summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody reads an answer.
            return true;
        }

        var (status, detail) = exception switch
        {
            NotFoundException e => (StatusCodes.Status404NotFound, e.Message),
            DuplicateValueException e => (StatusCodes.Status400BadRequest, e.Message),
            IdempotencyKeyInUseException e => (StatusCodes.Status409Conflict, e.Message),
            WriteConflictException e => (StatusCodes.Status409Conflict, e.Message),
            IdempotencyKeyReusedException e => (StatusCodes.Status422UnprocessableEntity, e.Message),
            RequiredValueMissingException or InvalidRequestException => (StatusCodes.Status422UnprocessableEntity, "One or more validation errors occurred."),
            UniqueConstraintException => (StatusCodes.Status409Conflict, "The request conflicts with an existing resource."),
            DatabaseUnavailableException => (StatusCodes.Status503ServiceUnavailable, "The database is unavailable. Try again shortly."),
            BadHttpRequestException e => (e.StatusCode, e.Message),
            // Kestrel reports some malformed framing (a chunk size that overflows) as a plain IOException of the body read.
            IOException => (StatusCodes.Status400BadRequest, "The request body could not be read."),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred."),
        };

        if (status >= StatusCodes.Status500InternalServerError)
        {
            LogServerError(logger, exception, status, ProblemDefaults.TraceId());
        }

        httpContext.Response.StatusCode = status;
        switch (exception)
        {
            case DatabaseUnavailableException:
                httpContext.Response.Headers.RetryAfter = "5";
                break;
            case IdempotencyKeyInUseException or WriteConflictException:
                httpContext.Response.Headers.RetryAfter = "1";
                break;
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = exception switch
            {
                RequiredValueMissingException missing => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [missing.PropertyName] = [missing.Message] }) { Status = status, Detail = detail },
                InvalidRequestException invalid => new HttpValidationProblemDetails(invalid.Errors.ToDictionary()) { Status = status, Detail = detail },
                _ => new ProblemDetails { Status = status, Detail = detail },
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request failed with {Status} (trace {TraceId})")]
    private static partial void LogServerError(ILogger logger, Exception exception, int status, string traceId);
}
