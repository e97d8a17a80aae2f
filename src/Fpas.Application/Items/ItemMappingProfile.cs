using System.Linq.Expressions;
using AutoMapper;
using Fpas.Application.Common.Persistence;
using Fpas.Domain.Items;

namespace Fpas.Application.Items;

public sealed class ItemMappingProfile : Profile
{
    // The properties a partial update may set, each built once: a lambda written in the call would build its
    // expression tree on every update.
    private static readonly Expression<Func<Item, string?>> Name = item => item.Name;
    private static readonly Expression<Func<Item, string?>> Description = item => item.Description;
    private static readonly Expression<Func<Item, bool>> IsActive = item => item.IsActive;

    public ItemMappingProfile()
    {
        CreateMap<Item, ItemResponse>();

        CreateMap<CreateItemRequest, Item>()
            .ForMember(item => item.Id, options => options.Ignore())
            .ForMember(item => item.Version, options => options.Ignore())
            .ForMember(item => item.CreatedTimestamp, options => options.Ignore())
            // Set by the repository only (ADR 19): never from a request.
#if (audited)
            .ForMember(item => item.CreatedAt, options => options.Ignore())
            .ForMember(item => item.CreatedBy, options => options.Ignore())
            .ForMember(item => item.UpdatedAt, options => options.Ignore())
            .ForMember(item => item.UpdatedBy, options => options.Ignore())
#endif
#if (softDelete)
            .ForMember(item => item.DeletedAt, options => options.Ignore())
            .ForMember(item => item.DeletedBy, options => options.Ignore())
#endif
            ;

        // A partial update becomes a patch of the present properties only: one UPDATE, no prior read.
        CreateMap<UpdateItemRequest, EntityPatch<Item>>()
            .ConvertUsing((request, _) => new EntityPatch<Item>()
                .SetWhenPresent(Name, request.Name)
                .SetWhenPresent(Description, request.Description)
                .SetWhenPresent(IsActive, request.IsActive));
    }
}
