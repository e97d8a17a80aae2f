using Fpas.Api.Errors;
using Microsoft.Net.Http.Headers;

namespace Fpas.Api.Http;

/// <summary>
/// Request bodies are UTF-8 JSON: a <c>Content-Type</c> that does not parse, or whose charset is anything but
/// <c>utf-8</c> (any case, quoted or not), is answered 415 before MVC reads it. MVC's own media type parser
/// throws on some malformed parameters (<c>charset=</c>), and its UTF-16 transcoding throws on bytes that are not
/// UTF-16; both were 500s.
/// </summary>
public static class Utf8RequestBodies
{
    public const string UnsupportedCharsetDetail = "Request bodies must be JSON encoded as UTF-8.";

    /// <summary>Must run inside the exception handler and before routing.</summary>
    public static IApplicationBuilder UseUtf8RequestBodies(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var contentType = context.Request.Headers.ContentType;
            if (contentType.Count == 0 || IsUtf8OrUnspecified(contentType.ToString()))
            {
                await next(context);
                return;
            }

            await context.WriteProblemAsync(StatusCodes.Status415UnsupportedMediaType, UnsupportedCharsetDetail);
        });

    public static bool IsUtf8OrUnspecified(string contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return false;
        }

        foreach (var parameter in mediaType.Parameters)
        {
            if (parameter.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)
                && !HeaderUtilities.RemoveQuotes(parameter.Value).Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
