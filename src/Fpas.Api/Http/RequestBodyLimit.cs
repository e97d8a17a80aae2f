using System.Globalization;
using Microsoft.AspNetCore.Http.Features;

namespace Fpas.Api.Http;

/// <summary>
/// Answers a request whose <c>Content-Length</c> is over the body limit with 413, after reading the body
/// (up to <see cref="MaxDrainBytes"/>) instead of closing on a client that is still sending: a client that
/// writes the whole body before it reads would otherwise get a reset connection, not the 413.
/// </summary>
public static class RequestBodyLimit
{
    public const long MaxBytes = 1024 * 1024;

    /// <summary>Bodies declared larger than this are not read: the 413 goes out and the connection closes.</summary>
    public const long MaxDrainBytes = 16 * MaxBytes;

    public static string TooLargeMessage { get; } = string.Create(
        CultureInfo.InvariantCulture, $"Request body too large. The max request body size is {MaxBytes} bytes.");

    /// <summary>Must run inside the exception handler, which turns the rejection into a problem response.</summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength is not { } length || length <= MaxBytes)
            {
                await next(context);
                return;
            }

            if (length <= MaxDrainBytes && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = length;
                await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            }

            throw new BadHttpRequestException(TooLargeMessage, StatusCodes.Status413PayloadTooLarge);
        });
}
