using Fpas.Application.Common.Concurrency;
using Fpas.Application.Common.Exceptions;
using Fpas.Application.Common.Paging;
using Fpas.Application.Common.Persistence;
using Fpas.Domain.Items;
using Fpas.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Fpas.IntegrationTests.Persistence;

/// <summary>The original service's CRUD tests, against the generic repository over PostgreSQL.</summary>
public sealed class ItemRepositoryTests : RepositoryTest
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly VersionCondition Any = VersionCondition.Unconditional;

    [Test]
    public async Task Add_StoresItem_AndReturnsDatabaseValues()
    {
        var before = DateTimeOffset.UtcNow;

        var item = await NewRepository<Item>().AddAsync(new Item { Name = "first", Description = "d" }, None);

        Assert.Multiple(() =>
        {
            Assert.That(item.Id, Is.GreaterThanOrEqualTo(1));
            Assert.That(item.IsActive, Is.True);
            Assert.That(item.CreatedTimestamp.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(item.CreatedTimestamp, Is.EqualTo(before).Within(TimeSpan.FromSeconds(30)));
        });
        var stored = await NewRepository<Item>().GetByIdAsync(item.Id, None);
        Assert.That(stored, Is.Not.Null);
        Assert.That(stored!.Name, Is.EqualTo("first"));
    }

    [Test]
    public async Task Add_WithIsActiveFalse_StoresFalse()
    {
        var item = await NewRepository<Item>().AddAsync(new Item { Name = "inactive", IsActive = false }, None);

        var stored = await NewRepository<Item>().GetByIdAsync(item.Id, None);

        Assert.That(stored!.IsActive, Is.False);
    }

    [Test]
    public async Task Add_WithTakenName_ThrowsDuplicateValue()
    {
        await NewRepository<Item>().AddAsync(new Item { Name = "taken" }, None);

        var exception = Assert.ThrowsAsync<DuplicateValueException>(
            () => NewRepository<Item>().AddAsync(new Item { Name = "taken" }, None));

        Assert.That(exception!.Message, Is.EqualTo("Item with given name already exists."));
    }

    [Test]
    public async Task GetById_ReturnsTheItem()
    {
        var item = await NewRepository<Item>().AddAsync(new Item { Name = "one", Description = "x" }, None);

        var read = await NewRepository<Item>().GetByIdAsync(item.Id, None);

        Assert.That(read, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(read!.Id, Is.EqualTo(item.Id));
            Assert.That(read.Name, Is.EqualTo("one"));
            Assert.That(read.Description, Is.EqualTo("x"));
            Assert.That(read.CreatedTimestamp, Is.EqualTo(item.CreatedTimestamp));
        });
    }

    [Test]
    public async Task GetById_WithMissingId_ReturnsNull() =>
        Assert.That(await NewRepository<Item>().GetByIdAsync(12345, None), Is.Null);

    [Test]
    public async Task List_ReturnsItemsOrderedById()
    {
        var repository = NewRepository<Item>();
        foreach (var name in new[] { "c", "a", "b" })
        {
            await repository.AddAsync(new Item { Name = name }, None);
        }

        var items = await NewRepository<Item>().ListAsync(new PageRequest(), None);

        Assert.Multiple(() =>
        {
            Assert.That(items.Select(item => item.Name), Is.EqualTo(new[] { "c", "a", "b" }));
            Assert.That(items.Select(item => item.Id), Is.Ordered.Ascending);
        });
    }

    [Test]
    public async Task Update_ChangesTheItem()
    {
        var item = await NewRepository<Item>().AddAsync(new Item { Name = "before", Description = "d" }, None);

        var updated = await NewRepository<Item>().UpdateAsync(item.Id, new EntityPatch<Item>().Set(stored => stored.Name, "after"), Any, None);

        Assert.That(updated!.Name, Is.EqualTo("after"));
        var stored = await NewRepository<Item>().GetByIdAsync(item.Id, None);
        Assert.Multiple(() =>
        {
            Assert.That(stored!.Name, Is.EqualTo("after"));
            Assert.That(stored.Description, Is.EqualTo("d"));
            Assert.That(stored.CreatedTimestamp, Is.EqualTo(item.CreatedTimestamp));
        });
    }

    [Test]
    public async Task Update_WithNullAndFalse_ClearsDescription_AndDeactivates()
    {
        var item = await NewRepository<Item>().AddAsync(new Item { Name = "kept", Description = "gone" }, None);
        var patch = new EntityPatch<Item>().Set(stored => stored.Description, null).Set(stored => stored.IsActive, false);

        var updated = await NewRepository<Item>().UpdateAsync(item.Id, patch, Any, None);

        var stored = await NewRepository<Item>().GetByIdAsync(item.Id, None);
        Assert.Multiple(() =>
        {
            Assert.That(updated, Is.EqualTo(stored).Using<Item>(SameValues));
            Assert.That(stored!.Name, Is.EqualTo("kept"));
            Assert.That(stored.Description, Is.Null);
            Assert.That(stored.IsActive, Is.False);
        });
    }

    [Test]
    public async Task Update_WithEmptyPatch_ReturnsTheStoredItem()
    {
        var item = await NewRepository<Item>().AddAsync(new Item { Name = "same", Description = "d" }, None);

        var updated = await NewRepository<Item>().UpdateAsync(item.Id, new EntityPatch<Item>(), Any, None);

        Assert.That(updated, Is.EqualTo(item).Using<Item>(SameValues));
    }

    [Test]
    public async Task Update_WithEmptyPatch_AndMissingId_ReturnsNull() =>
        Assert.That(await NewRepository<Item>().UpdateAsync(12345, new EntityPatch<Item>(), Any, None), Is.Null);

    [Test]
    public async Task Update_ToTakenName_ThrowsDuplicateValue_AndLeavesItemUnchanged()
    {
        await NewRepository<Item>().AddAsync(new Item { Name = "taken" }, None);
        var item = await NewRepository<Item>().AddAsync(new Item { Name = "mine", Description = "d" }, None);

        Assert.ThrowsAsync<DuplicateValueException>(
            () => NewRepository<Item>().UpdateAsync(item.Id, new EntityPatch<Item>().Set(stored => stored.Name, "taken"), Any, None));

        var stored = await NewRepository<Item>().GetByIdAsync(item.Id, None);
        Assert.That(stored!.Name, Is.EqualTo("mine"));
    }

    [Test]
    public async Task Update_WithMissingId_ReturnsNull() =>
        Assert.That(await NewRepository<Item>().UpdateAsync(12345, new EntityPatch<Item>().Set(stored => stored.Name, "x"), Any, None), Is.Null);

    [Test]
    public async Task Delete_ReturnsTheDeletedItem_ThenItIsGone()
    {
        var item = await NewRepository<Item>().AddAsync(new Item { Name = "doomed" }, None);

        var deleted = await NewRepository<Item>().DeleteAsync(item.Id, Any, None);

        Assert.That(deleted!.Name, Is.EqualTo("doomed"));
        Assert.That(await NewRepository<Item>().GetByIdAsync(item.Id, None), Is.Null);
    }

    [Test]
    public async Task Delete_Twice_SecondReturnsNull()
    {
        var item = await NewRepository<Item>().AddAsync(new Item { Name = "once" }, None);
        await NewRepository<Item>().DeleteAsync(item.Id, Any, None);

        Assert.That(await NewRepository<Item>().DeleteAsync(item.Id, Any, None), Is.Null);
    }

    [Test]
    public async Task Delete_WithMissingId_ReturnsNull() =>
        Assert.That(await NewRepository<Item>().DeleteAsync(12345, Any, None), Is.Null);

    [Test]
    public async Task Ids_AreNeverReusedAfterDelete()
    {
        var first = await NewRepository<Item>().AddAsync(new Item { Name = "first" }, None);
        await NewRepository<Item>().DeleteAsync(first.Id, Any, None);

        var second = await NewRepository<Item>().AddAsync(new Item { Name = "first" }, None);

        Assert.That(second.Id, Is.GreaterThan(first.Id));
    }

    [Test]
    public async Task CreatedTimestamp_IsUtcInstant_WhenSessionTimeZoneIsNotUtc()
    {
        var newYork = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Timezone = "America/New_York" }.ConnectionString;
        await using var services = CreateServices(newYork);
        var before = DateTimeOffset.UtcNow;

        var item = await NewRepository<Item>(services).AddAsync(new Item { Name = "tz" }, None);

        await using var context = TestDatabase.CreateDbContext();
        var databaseNow = await context.Database.SqlQuery<DateTimeOffset>($"SELECT now() AS \"Value\"").SingleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(item.CreatedTimestamp.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(item.CreatedTimestamp, Is.EqualTo(databaseNow).Within(TimeSpan.FromMinutes(1)));
            Assert.That(item.CreatedTimestamp, Is.EqualTo(before).Within(TimeSpan.FromMinutes(1)));
        });
    }

    [Test]
    public async Task ConcurrentInsertsOfOneName_GiveOneSuccessAndOneDuplicateValue()
    {
        var first = NewRepository<Item>();
        var second = NewRepository<Item>();

        var results = await Task.WhenAll(
            Outcome(() => first.AddAsync(new Item { Name = "race" }, None)),
            Outcome(() => second.AddAsync(new Item { Name = "race" }, None)));

        Assert.That(results, Is.EquivalentTo(new[] { "ok", nameof(DuplicateValueException) }));
    }

    [Test]
    public async Task List_PagesWithLimitOffsetAndAfterId()
    {
        var repository = NewRepository<Item>();
        var ids = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add((await repository.AddAsync(new Item { Name = $"item {i}" }, None)).Id);
        }

        var limited = await NewRepository<Item>().ListAsync(new PageRequest(Limit: 3), None);
        var offset = await NewRepository<Item>().ListAsync(new PageRequest(Limit: 3, Offset: 8), None);
        var after = await NewRepository<Item>().ListAsync(new PageRequest(Limit: 4, AfterId: ids[5]), None);
        var afterAndOffset = await NewRepository<Item>().ListAsync(new PageRequest(Limit: 2, Offset: 1, AfterId: ids[5]), None);

        Assert.Multiple(() =>
        {
            Assert.That(limited.Select(item => item.Id), Is.EqualTo(ids.Take(3)));
            Assert.That(offset.Select(item => item.Id), Is.EqualTo(ids.Skip(8)));
            Assert.That(after.Select(item => item.Id), Is.EqualTo(ids.Skip(6)));
            Assert.That(afterAndOffset.Select(item => item.Id), Is.EqualTo(ids.Skip(7).Take(2)));
        });
    }

    private static bool SameValues(Item left, Item right) =>
        (left.Id, left.Name, left.Description, left.IsActive, left.CreatedTimestamp)
        == (right.Id, right.Name, right.Description, right.IsActive, right.CreatedTimestamp);

    private static async Task<string> Outcome(Func<Task<Item>> insert)
    {
        try
        {
            await insert();
            return "ok";
        }
        catch (DuplicateValueException exception)
        {
            return exception.GetType().Name;
        }
    }
}
