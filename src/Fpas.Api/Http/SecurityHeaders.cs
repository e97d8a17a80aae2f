namespace Fpas.Api.Http;

/// <summary><c>X-Content-Type-Options: nosniff</c> on every response, error responses included.</summary>
public static class SecurityHeaders
{
    /// <summary>Must run outside the exception handler: the header is added when the response starts, after any clearing.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                ((HttpResponse)state).Headers.XContentTypeOptions = "nosniff";
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
}
