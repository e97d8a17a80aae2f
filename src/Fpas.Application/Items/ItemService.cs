using AutoMapper;
using Fpas.Application.Common.Exceptions;
using Fpas.Application.Common.Paging;
using Fpas.Application.Common.Persistence;
using Fpas.Domain.Items;

namespace Fpas.Application.Items;

/// <summary>The item use cases. Requests arrive validated; failures surface as application exceptions.</summary>
public sealed class ItemService(IRepository<Item> repository, IMapper mapper)
{
    public async Task<ItemResponse> GetAsync(long id, CancellationToken cancellationToken)
    {
        var item = await repository.GetByIdAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException(nameof(Item));
        return mapper.Map<ItemResponse>(item);
    }

    public async Task<IReadOnlyList<ItemResponse>> ListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var items = await repository.ListAsync(page, cancellationToken).ConfigureAwait(false);
        return mapper.Map<IReadOnlyList<ItemResponse>>(items);
    }

    public async Task<ItemResponse> CreateAsync(CreateItemRequest request, CancellationToken cancellationToken)
    {
        var item = await repository.AddAsync(mapper.Map<Item>(request), cancellationToken).ConfigureAwait(false);
        return mapper.Map<ItemResponse>(item);
    }

    public async Task<ItemResponse> UpdateAsync(long id, UpdateItemRequest request, CancellationToken cancellationToken)
    {
        var patch = mapper.Map<EntityPatch<Item>>(request);
        var item = await repository.UpdateAsync(id, patch, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException(nameof(Item));
        return mapper.Map<ItemResponse>(item);
    }

    public async Task<ItemResponse> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        var item = await repository.DeleteAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException(nameof(Item));
        return mapper.Map<ItemResponse>(item);
    }
}
