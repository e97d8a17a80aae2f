namespace Fpas.Api.Paging;

/// <summary>Endpoint metadata: the <see cref="Application.Common.Querying.ListFields"/> type of a list action.</summary>
public interface IListFiltersMetadata
{
    Type FieldsType { get; }
}
