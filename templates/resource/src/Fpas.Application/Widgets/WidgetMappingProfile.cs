using AutoMapper;
using Fpas.Application.Common.Mapping;
using Fpas.Domain.Widgets;

namespace Fpas.Application.Widgets;

public sealed class WidgetMappingProfile : Profile
{
    public WidgetMappingProfile()
    {
        CreateMap<Widget, WidgetResponse>();

        CreateMap<CreateWidgetRequest, Widget>()
            .ForMember(widget => widget.Id, options => options.Ignore())
            .ForMember(widget => widget.CreatedTimestamp, options => options.Ignore());

        CreateMap<UpdateWidgetRequest, Widget>()
            .ForMember(widget => widget.Id, options => options.Ignore())
            .ForMember(widget => widget.CreatedTimestamp, options => options.Ignore())
            .MapWhenPresent(widget => widget.Name, request => request.Name)
            .MapWhenPresent(widget => widget.Description, request => request.Description)
            .MapWhenPresent(widget => widget.IsActive, request => request.IsActive);
    }
}
