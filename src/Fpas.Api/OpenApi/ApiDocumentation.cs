using System.Globalization;
using Asp.Versioning;
using Fpas.Api.Controllers;
using Fpas.Api.Versioning;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Scalar.AspNetCore;

namespace Fpas.Api.OpenApi;

/// <summary>
/// One OpenAPI 3 document per API version at <c>/openapi/v{n}.json</c> (version 1 also at <c>/openapi.json</c>), and
/// the Scalar explorer at <c>/docs</c>, which lists them all. Version 1's document has the paths without a version,
/// the others their <c>/v{n}/</c> paths (ADR 20).
/// </summary>
public static class ApiDocumentation
{
    public const string DocumentPath = "/openapi.json";
    public const string ExplorerPath = "/docs";
    private const string Description =
        "Items: create, list (offset or keyset paging), read, change (partial update) and delete. "
        + "JSON is snake_case; every error is an RFC 9457 problem (application/problem+json) with a traceId. "
        + "Writes need a bearer token with the resource's write scope when the server is configured for it.";

    private static readonly string DefaultDocumentPath = PathOf(ApiVersions.V1);

    /// <summary>Only the documents there are: any other name is the app's 404 problem, not the OpenAPI package's text.</summary>
    private static readonly string ServedDocumentPattern =
        $"/openapi/{{documentName:regex(^({string.Join('|', ApiVersions.All.Select(NameOf))})$)}}.json";

    /// <summary>The document of <paramref name="version"/>: <c>v1</c>, <c>v2</c>.</summary>
    public static string NameOf(double version) => "v" + version.ToString(CultureInfo.InvariantCulture);

    /// <summary>Where the document of <paramref name="version"/> is served: <c>/openapi/v2.json</c>.</summary>
    public static string PathOf(double version) => $"/openapi/{NameOf(version)}.json";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
        foreach (var version in ApiVersions.All)
        {
            services.AddOpenApi(NameOf(version), options => Configure(options, version));
        }

        return services;
    }

    private static void Configure(Microsoft.AspNetCore.OpenApi.OpenApiOptions options, double version)
    {
        options.ShouldInclude = description => Belongs(description, version);
        options.AddOperationTransformer<OperationIdAttribute.Transformer>();
        options.AddOperationTransformer((operation, context, _) =>
        {
            // The same deprecation policies that DeprecationHeaders writes into the answers.
            var deprecations = context.ApplicationServices.GetRequiredService<IPolicyManager<DeprecationPolicy>>();
            if (!context.Description.ActionDescriptor.ApiVersionMetadata.IsApiVersionNeutral
                && deprecations.TryGetPolicy(null, new ApiVersion(version), out DeprecationPolicy? _))
            {
                operation.Deprecated = true;
            }

            return Task.CompletedTask;
        });
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Fpas";
            document.Info.Version = ServiceInfoResponse.Current.Version;
            document.Info.Description = version == ApiVersions.V1
                ? Description
                : $"{Description} This is version {version.ToString(CultureInfo.InvariantCulture)}: its paths start with /{NameOf(version)}/.";
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
    }

    /// <summary>In the version's group, and at its paths: version 1 without a prefix, the others with theirs; version-neutral ones everywhere.</summary>
    private static bool Belongs(ApiDescription description, double version)
    {
        if (description.GroupName != NameOf(version))
        {
            return false;
        }

        var versioned = description.ActionDescriptor.AttributeRouteInfo?.Template?.StartsWith(ApiVersions.Prefix, StringComparison.Ordinal) == true;
        return description.ActionDescriptor.ApiVersionMetadata.IsApiVersionNeutral || versioned == (version != ApiVersions.V1);
    }

    public static IEndpointRouteBuilder MapApiDocumentation(this IEndpointRouteBuilder endpoints)
    {
        // MapOpenApi needs a {documentName} parameter. A single-segment pattern ("/{documentName}.json") would make
        // routing offer a GET candidate for every one-segment path, so that "POST /anything" became a 405.
        endpoints.MapOpenApi(ServedDocumentPattern);
        // Self-hosted: no calls to Scalar's services (agent, MCP, telemetry, proxy) and none of its promotional buttons.
        endpoints.MapScalarApiReference(ExplorerPath, options => options
            .AddDocuments(ApiVersions.All.Select(version => new ScalarDocument(NameOf(version), $"Version {version}", PathOf(version), version == ApiVersions.Current)))
            .AddHeadContent($"<base href=\"{ExplorerPath}/\" />")
            .AddHeadContent(string.Concat(ApiVersions.All.Select(version =>
                $"<link rel=\"alternate\" type=\"application/json\" title=\"OpenAPI, version {version}\" href=\"{PathOf(version)}\" />")))
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
                context.Request.Path = DefaultDocumentPath;
            }

            return next(context);
        });
}
