using AutoMapper;
using Fpas.Application.Common.Exceptions;
using Fpas.Application.Common.Paging;
using Fpas.Application.Common.Persistence;
using Fpas.Domain.Widgets;

namespace Fpas.Application.Widgets;

/// <summary>The widget use cases. Requests arrive validated; failures surface as application exceptions.</summary>
public sealed class WidgetService(IRepository<Widget> repository, IMapper mapper)
{
    public async Task<WidgetResponse> GetAsync(long id, CancellationToken cancellationToken)
    {
        var widget = await repository.GetByIdAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException(nameof(Widget));
        return mapper.Map<WidgetResponse>(widget);
    }

    public async Task<IReadOnlyList<WidgetResponse>> ListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var widgets = await repository.ListAsync(page, cancellationToken).ConfigureAwait(false);
        return mapper.Map<IReadOnlyList<WidgetResponse>>(widgets);
    }

    public async Task<WidgetResponse> CreateAsync(CreateWidgetRequest request, CancellationToken cancellationToken)
    {
        var widget = await repository.AddAsync(mapper.Map<Widget>(request), cancellationToken).ConfigureAwait(false);
        return mapper.Map<WidgetResponse>(widget);
    }

    public async Task<WidgetResponse> UpdateAsync(long id, UpdateWidgetRequest request, CancellationToken cancellationToken)
    {
        var widget = await repository.UpdateAsync(id, stored => mapper.Map(request, stored), cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException(nameof(Widget));
        return mapper.Map<WidgetResponse>(widget);
    }

    public async Task<WidgetResponse> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        var widget = await repository.DeleteAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException(nameof(Widget));
        return mapper.Map<WidgetResponse>(widget);
    }
}
