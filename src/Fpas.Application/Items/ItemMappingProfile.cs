using AutoMapper;
using Fpas.Application.Common.Mapping;
using Fpas.Domain.Items;

namespace Fpas.Application.Items;

public sealed class ItemMappingProfile : Profile
{
    public ItemMappingProfile()
    {
        CreateMap<Item, ItemResponse>();

        CreateMap<CreateItemRequest, Item>()
            .ForMember(item => item.Id, options => options.Ignore())
            .ForMember(item => item.CreatedTimestamp, options => options.Ignore());

        CreateMap<UpdateItemRequest, Item>()
            .ForMember(item => item.Id, options => options.Ignore())
            .ForMember(item => item.CreatedTimestamp, options => options.Ignore())
            .MapWhenPresent(item => item.Name, request => request.Name)
            .MapWhenPresent(item => item.Description, request => request.Description)
            .MapWhenPresent(item => item.IsActive, request => request.IsActive);
    }
}
