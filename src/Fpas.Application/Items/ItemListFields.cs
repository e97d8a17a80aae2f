using Fpas.Application.Common.Querying;
using Fpas.Domain.Items;

namespace Fpas.Application.Items;

/// <summary>
/// What clients may filter, sort and search item lists by (besides <c>id</c>, which every resource has). Each sortable
/// field needs its index (<c>ItemConfiguration</c>), and the searched properties a stored <c>SearchVector</c> column.
/// </summary>
public sealed class ItemListFields : ListFields<Item>
{
    public ItemListFields()
    {
        Field(item => item.Name, FieldKind.Text, sortable: true, FilterOperator.Equal, FilterOperator.In, FilterOperator.Contains);
        Field(item => item.IsActive, FieldKind.Boolean, sortable: false, FilterOperator.Equal);
        Field(item => item.CreatedTimestamp, FieldKind.DateTime, sortable: true, Bounds);
        Search(item => item.Name, item => item.Description);
    }
}
