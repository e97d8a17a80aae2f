using Fpas.Api.Health;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fpas.Api.OpenApi;

/// <summary>Adds the health probes to the document: they are endpoints of the health-check middleware, which the API explorer does not list.</summary>
public sealed class HealthDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Paths ??= [];
        document.Paths[HealthEndpoints.LivePath] = Probe(HealthEndpoints.LiveSummary, "GetLive", document, canFail: false);
        document.Paths[HealthEndpoints.ReadyPath] = Probe(HealthEndpoints.ReadySummary, "GetReady", document, canFail: true);
        return Task.CompletedTask;
    }

    private static OpenApiPathItem Probe(string summary, string operationId, OpenApiDocument document, bool canFail)
    {
        var responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse
            {
                Description = "OK",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { "status" },
                            Properties = new Dictionary<string, IOpenApiSchema> { ["status"] = new OpenApiSchema { Type = JsonSchemaType.String } },
                        },
                    },
                },
            },
        };
        if (canFail)
        {
            responses["503"] = new OpenApiResponse
            {
                Description = "Not ready: PostgreSQL does not answer, or the instance is stopping",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
                },
            };
        }

        return new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new()
                {
                    Summary = summary,
                    OperationId = operationId,
                    Tags = new HashSet<OpenApiTagReference> { new("Health", document) },
                    Responses = responses,
                },
            },
        };
    }
}
