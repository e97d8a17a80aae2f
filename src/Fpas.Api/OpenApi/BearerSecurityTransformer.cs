using Fpas.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fpas.Api.OpenApi;

/// <summary>
/// Declares the bearer scheme, and on each operation that has a scope policy the scope it needs (the settings decide
/// which operations have one: <see cref="ResourceScopesConvention"/>).
/// </summary>
public sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT from the configured issuer. Scopes: `<resource>:write` for POST, PUT and DELETE; "
                + "`<resource>:read` for reads when the server requires authenticated reads.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        // A scope's policy is attached only where the settings make the action need a token.
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<AuthorizationPolicy>().Any() || metadata.OfType<RequireScopeAttribute>().FirstOrDefault()?.Scope is not { } policy)
        {
            return Task.CompletedTask;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [policy],
        });
        return Task.CompletedTask;
    }
}
