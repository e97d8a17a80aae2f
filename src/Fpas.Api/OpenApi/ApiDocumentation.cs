using Fpas.Api.Controllers;
using Scalar.AspNetCore;

namespace Fpas.Api.OpenApi;

/// <summary>The OpenAPI 3 document at <c>/openapi.json</c> and the Scalar explorer at <c>/docs</c>.</summary>
public static class ApiDocumentation
{
    public const string DocumentName = "openapi";
    public const string DocumentPath = "/openapi.json";
    public const string ExplorerPath = "/docs";
    private const string Description =
        "Items: create, list (offset or keyset paging), read, change (partial update) and delete. "
        + "JSON is snake_case; every error is an RFC 9457 problem (application/problem+json) with a traceId. "
        + "Writes need a bearer token with the resource's write scope when the server is configured for it.";

    private const string ServedDocumentPattern = "/openapi/{documentName:regex(^" + DocumentName + "$)}.json";
    private const string ServedDocumentPath = "/openapi/" + DocumentName + ".json";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Fpas";
                document.Info.Version = ServiceInfoResponse.Current.Version;
                document.Info.Description = Description;
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer<OptionalSchemaTransformer>();
            options.AddSchemaTransformer<ReadOnlySchemaTransformer>();
            options.AddSchemaTransformer<Int64BoundsSchemaTransformer>();
            options.AddDocumentTransformer<BearerSecurityTransformer>();
            options.AddOperationTransformer<BearerSecurityTransformer>();
            options.AddOperationTransformer<ConditionalRequestsTransformer>();
            options.AddOperationTransformer<ListFiltersTransformer>();
            options.AddDocumentTransformer<HealthDocumentTransformer>();
            options.AddDocumentTransformer<CompleteDocumentTransformer>();
        });

    public static IEndpointRouteBuilder MapApiDocumentation(this IEndpointRouteBuilder endpoints)
    {
        // MapOpenApi needs a {documentName} parameter. A single-segment pattern ("/{documentName}.json") would make
        // routing offer a GET candidate for every one-segment path, so that "POST /anything" became a 405.
        endpoints.MapOpenApi(ServedDocumentPattern);
        // Self-hosted: no calls to Scalar's services (agent, MCP, telemetry, proxy) and none of its promotional buttons.
        endpoints.MapScalarApiReference(ExplorerPath, options => options
            .WithOpenApiRoutePattern(DocumentPath)
            .AddHeadContent($"<base href=\"{ExplorerPath}/\" />")
            .WithTitle("Fpas API")
            .AddPreferredSecuritySchemes(BearerSecurityTransformer.SchemeName)
            .HideDeveloperTools()
            .HideClientButton()
            .DisableAgent()
            .DisableMcp()
            .DisableTelemetry());
        return endpoints;
    }

    /// <summary>Serves the explorer at <c>/docs</c> (no redirect to <c>/docs/</c>) and the document at <c>/openapi.json</c>; must run before routing.</summary>
    /// <remarks>A path comparison rather than the URL rewriter: every request passes here, and a regex per request costs.</remarks>
    public static IApplicationBuilder UseApiDocumentationPaths(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var path = context.Request.Path;
            if (path.Equals(ExplorerPath, StringComparison.Ordinal))
            {
                context.Request.Path = ExplorerPath + "/";
            }
            else if (path.Equals(DocumentPath, StringComparison.Ordinal))
            {
                context.Request.Path = ServedDocumentPath;
            }

            return next(context);
        });
}
