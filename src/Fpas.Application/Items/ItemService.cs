using AutoMapper;
using Fpas.Application.Common.Concurrency;
using Fpas.Application.Common.Exceptions;
using Fpas.Application.Common.Paging;
using Fpas.Application.Common.Persistence;
using Fpas.Domain.Items;

namespace Fpas.Application.Items;

/// <summary>
/// The item use cases. Requests arrive validated; failures surface as application exceptions. Single items are
/// returned with their version, and writes take the client's <see cref="VersionCondition"/>.
/// </summary>
public sealed class ItemService(IRepository<Item> repository, IMapper mapper)
{
    public async Task<Versioned<ItemResponse>> GetAsync(long id, CancellationToken cancellationToken)
    {
        var item = await repository.GetByIdAsync(id, cancellationToken)
            ?? throw new NotFoundException(nameof(Item));
        return ToResponse(item);
    }

    public async Task<IReadOnlyList<ItemResponse>> ListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var items = await repository.ListAsync(page, cancellationToken);
        return mapper.Map<IReadOnlyList<ItemResponse>>(items);
    }

    public async Task<Versioned<ItemResponse>> CreateAsync(CreateItemRequest request, CancellationToken cancellationToken)
    {
        var item = await repository.AddAsync(mapper.Map<Item>(request), cancellationToken);
        return ToResponse(item);
    }

    public async Task<Versioned<ItemResponse>> UpdateAsync(long id, UpdateItemRequest request, VersionCondition condition, CancellationToken cancellationToken)
    {
        var patch = mapper.Map<EntityPatch<Item>>(request);
        var item = await repository.UpdateAsync(id, patch, condition, cancellationToken)
            ?? throw new NotFoundException(nameof(Item));
        return ToResponse(item);
    }

    public async Task<Versioned<ItemResponse>> DeleteAsync(long id, VersionCondition condition, CancellationToken cancellationToken)
    {
        var item = await repository.DeleteAsync(id, condition, cancellationToken)
            ?? throw new NotFoundException(nameof(Item));
        return ToResponse(item);
    }

    private Versioned<ItemResponse> ToResponse(Item item) => new(mapper.Map<ItemResponse>(item), item.Version);
}
