using Fpas.Api.Paging;
using Fpas.Application.Common.Querying;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fpas.Api.OpenApi;

/// <summary>Documents a list action's filters, one typed query parameter per declared field and operator, and the 422 of a bad one.</summary>
public sealed class ListFiltersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IListFiltersMetadata>().FirstOrDefault() is not { } metadata)
        {
            return Task.CompletedTask;
        }

        var fields = (ListFields)context.ApplicationServices.GetRequiredService(metadata.FieldsType);
        operation.Parameters ??= [];
        foreach (var field in fields.Fields)
        {
            foreach (var op in field.Operators.Order())
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = op == FilterOperator.Equal ? field.Name : $"{field.Name}__{Suffix(op)}",
                    In = ParameterLocation.Query,
                    Required = false,
                    Description = Describe(field, op),
                    Schema = Schema(field, op),
                });
            }
        }

        return Task.CompletedTask;
    }

    private static string Suffix(FilterOperator op) => op switch
    {
        FilterOperator.In => "in",
        FilterOperator.Contains => "contains",
        FilterOperator.GreaterThan => "gt",
        FilterOperator.GreaterThanOrEqual => "gte",
        FilterOperator.LessThan => "lt",
        _ => "lte",
    };

    private static string Describe(QueryField field, FilterOperator op) => op switch
    {
        FilterOperator.Equal => $"Only rows whose {field.Name} equals this (exact, case-sensitive).",
        FilterOperator.In => $"Only rows whose {field.Name} is one of these comma-separated values (at most {ListQueryParser.MaxInValues}).",
        FilterOperator.Contains => $"Only rows whose {field.Name} contains this text, ignoring case (at least {ListQueryParser.MinContainsLength} characters; % and _ are ordinary characters).",
        _ => $"Only rows whose {field.Name} is {op switch { FilterOperator.GreaterThan => "greater than", FilterOperator.GreaterThanOrEqual => "at least", FilterOperator.LessThan => "less than", _ => "at most" }} this.",
    };

    private static OpenApiSchema Schema(QueryField field, FilterOperator op) => op == FilterOperator.In
        ? new OpenApiSchema { Type = JsonSchemaType.String, Description = "Comma-separated values." }
        : field.Kind switch
        {
            FieldKind.Boolean => new OpenApiSchema { Type = JsonSchemaType.Boolean },
            FieldKind.WholeNumber => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
            FieldKind.DateTime => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
            _ => new OpenApiSchema { Type = JsonSchemaType.String },
        };
}
