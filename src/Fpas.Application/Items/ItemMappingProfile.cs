using AutoMapper;
using Fpas.Application.Common.Persistence;
using Fpas.Domain.Items;

namespace Fpas.Application.Items;

public sealed class ItemMappingProfile : Profile
{
    public ItemMappingProfile()
    {
        CreateMap<Item, ItemResponse>();

        CreateMap<CreateItemRequest, Item>()
            .ForMember(item => item.Id, options => options.Ignore())
            .ForMember(item => item.Version, options => options.Ignore())
            .ForMember(item => item.CreatedTimestamp, options => options.Ignore());

        // A partial update becomes a patch of the present properties only: one UPDATE, no prior read.
        CreateMap<UpdateItemRequest, EntityPatch<Item>>()
            .ConvertUsing((request, _) => new EntityPatch<Item>()
                .SetWhenPresent(item => item.Name, request.Name)
                .SetWhenPresent(item => item.Description, request.Description)
                .SetWhenPresent(item => item.IsActive, request.IsActive));
    }
}
