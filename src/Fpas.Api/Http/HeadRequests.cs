namespace Fpas.Api.Http;

/// <summary>
/// <c>HEAD</c> is answered as <c>GET</c> (RFC 9110 9.3.2): the same status and headers, no body. Routing sees a
/// <c>GET</c>; Kestrel still knows the request was <c>HEAD</c> and sends no body.
/// </summary>
public static class HeadRequests
{
    /// <summary>Must run before routing.</summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (HttpMethods.IsHead(context.Request.Method))
            {
                context.Request.Method = HttpMethods.Get;
            }

            return next(context);
        });
}
