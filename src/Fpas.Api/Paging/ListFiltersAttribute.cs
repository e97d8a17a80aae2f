using Fpas.Application.Common.Querying;

namespace Fpas.Api.Paging;

/// <summary>Says which declared fields a list action filters by (<see cref="ListQueryParser"/>), so that the OpenAPI document lists them.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ListFiltersAttribute<TFields> : Attribute, IListFiltersMetadata
    where TFields : ListFields
{
    public Type FieldsType => typeof(TFields);
}
