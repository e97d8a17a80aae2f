using AutoMapper;
using Fpas.Application.Common.Concurrency;
using Fpas.Application.Common.Exceptions;
using Fpas.Application.Common.Persistence;
using Fpas.Application.Common.Querying;
using Fpas.Domain.Items;

namespace Fpas.Application.Items;

/// <summary>
/// The item use cases. Requests arrive validated; failures surface as application exceptions. Single items are
/// returned with their version, and writes take the client's <see cref="VersionCondition"/>.
/// </summary>
public sealed class ItemService(IRepository<Item> repository, IMapper mapper)
{
#if (softDelete)
    public async Task<Versioned<ItemResponse>> GetAsync(long id, bool includeDeleted, CancellationToken cancellationToken)
    {
        var item = await (includeDeleted ? repository.GetByIdIncludingDeletedAsync(id, cancellationToken) : repository.GetByIdAsync(id, cancellationToken))
            ?? throw new NotFoundException(nameof(Item));
        return ToResponse(item);
    }
#else
    public async Task<Versioned<ItemResponse>> GetAsync(long id, CancellationToken cancellationToken)
    {
        var item = await repository.GetByIdAsync(id, cancellationToken)
            ?? throw new NotFoundException(nameof(Item));
        return ToResponse(item);
    }
#endif

    public async Task<ListPage<ItemResponse>> ListAsync(ListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var items = await repository.QueryAsync(query, cancellationToken);
        var next = items.Count > 0 && items.Count == query.Limit ? ListFields.PositionOf(items[^1], query.Order) : null;
        return new(mapper.Map<IReadOnlyList<ItemResponse>>(items), next);
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
#if (softDelete)

    public async Task<Versioned<ItemResponse>> RestoreAsync(long id, VersionCondition condition, CancellationToken cancellationToken)
    {
        var item = await repository.RestoreAsync(id, condition, cancellationToken)
            ?? throw new NotFoundException(nameof(Item));
        return ToResponse(item);
    }
#endif

    private Versioned<ItemResponse> ToResponse(Item item) => new(mapper.Map<ItemResponse>(item), item.Version);
}
