using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fpas.Api.OpenApi;

/// <summary>
/// Runs last, over every operation (the health probes included), and states what a reader's tools expect and the
/// framework leaves out: that an operation without a scope needs no token (<c>security: [{}]</c>), the 400 every
/// request can get (malformed framing, a host the service does not answer to), a description per tag, a licence, and
/// the server's URL without a trailing slash; and it drops a security scheme no operation uses (anonymous writes).
/// </summary>
public sealed class CompleteDocumentTransformer : IOpenApiDocumentTransformer
{
    /// <summary>A placeholder a team replaces with its own terms.</summary>
    private const string License = "Proprietary";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info.License ??= new OpenApiLicense { Name = License, Identifier = "LicenseRef-" + License };
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/') is { Length: > 0 } url ? url : server.Url;
        }

        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            tag.Description ??= tag.Name == "Root" ? "The service itself: its name and version." : $"The {tag.Name} resource.";
        }

        foreach (var operation in (document.Paths ?? []).Values.SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            if (operation.Security is not { Count: > 0 })
            {
                operation.Security = [new OpenApiSecurityRequirement()];
            }

            operation.Responses ??= [];
            if (!operation.Responses.Keys.Any(status => status.StartsWith('4')))
            {
                operation.Responses["400"] = new OpenApiResponse
                {
                    Description = "The request could not be read (malformed framing or headers, or a host this service does not answer to).",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
                    },
                };
            }
        }

        var used = document.Paths?.Values.SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .SelectMany(operation => operation.Security ?? []).SelectMany(requirement => requirement.Keys)
            .Select(scheme => scheme.Reference.Id).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var unused in document.Components?.SecuritySchemes?.Keys.Where(name => !used.Contains(name)).ToList() ?? [])
        {
            document.Components!.SecuritySchemes!.Remove(unused);
        }

        return Task.CompletedTask;
    }
}
