using Fpas.Application.Common.Auditing;
using Fpas.Application.Common.Concurrency;
using Fpas.Application.Common.Exceptions;
using Fpas.Application.Common.Persistence;
using Fpas.Application.Common.Querying;
using Fpas.Infrastructure.Persistence.Paths;
using Fpas.Infrastructure.Persistence.SoftDelete;
using Fpas.IntegrationTests.Support;
using Fpas.IntegrationTests.Zoo.Entities;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fpas.IntegrationTests.Zoo;

/// <summary>
/// Audit columns and soft delete (ADR 19) through the repository, on both write paths: the columns are the clock's and
/// the current user's on every write, whatever the entity carried; a deleted row is hidden from every read and write
/// until restored, its unique name free for a new row, and purged after the retention.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ZooAuditAndSoftDeleteTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly SettableTime _time = new(Start);
    private readonly SettableUser _user = new() { Subject = "alice" };

    [TestCase(WritePathSetting.Auto, true)]
    [TestCase(WritePathSetting.EfCore, false)]
    public async Task AuditColumns_AreTheClocksAndTheSubjects_OnInsertAndUpdate_WhateverTheEntityCarried(WritePathSetting setting, bool singleStatement)
    {
        await using var harness = await HarnessAsync(setting);
        Assert.That(harness.TakesSingleStatementPath<ZooAudited>(), Is.EqualTo(singleStatement));
        var forged = new ZooAudited { Name = "a", CreatedAt = Start.AddYears(-9), CreatedBy = "mallory", UpdatedAt = Start.AddYears(-9), UpdatedBy = "mallory" };

        var created = await harness.Repository<ZooAudited>().AddAsync(forged, CancellationToken.None);
        (_time.Now, _user.Subject) = (Start.AddHours(1), "bob");
        var updated = await harness.Repository<ZooAudited>().UpdateAsync(
            created.Id, new EntityPatch<ZooAudited>().Set(entity => entity.Name, "b"), VersionCondition.Unconditional, CancellationToken.None);
        var read = await harness.Repository<ZooAudited>().GetByIdAsync(created.Id, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That((created.CreatedAt, created.CreatedBy, created.UpdatedAt, created.UpdatedBy), Is.EqualTo((Start, "alice", Start, "alice")));
            Assert.That((updated!.CreatedAt, updated.CreatedBy, updated.UpdatedAt, updated.UpdatedBy), Is.EqualTo((Start, "alice", Start.AddHours(1), "bob")));
            Assert.That((read!.CreatedAt, read.CreatedBy, read.UpdatedAt, read.UpdatedBy), Is.EqualTo((Start, "alice", Start.AddHours(1), "bob")));
        });
    }

    [Test]
    public async Task Delete_MarksTheRow_WhichEveryReadAndWriteThenMisses_AndOnlyTheExplicitReadsSee()
    {
        await using var harness = await HarnessAsync(WritePathSetting.Auto);
        var repository = harness.Repository<ZooArchived>();
        var stored = await repository.AddAsync(new ZooArchived { Name = "a" }, CancellationToken.None);
        (_time.Now, _user.Subject) = (Start.AddMinutes(5), "bob");

        var deleted = await repository.DeleteAsync(stored.Id, VersionCondition.OneOf([stored.Version]), CancellationToken.None);
        var row = await harness.RowsAsync<ZooArchived>(stored.Id);
        var patch = new EntityPatch<ZooArchived>().Set(entity => entity.Name, "changed anyway");

        Assert.Multiple(async () =>
        {
            Assert.That((deleted!.DeletedAt, deleted.DeletedBy), Is.EqualTo(((DateTimeOffset?)Start.AddMinutes(5), "bob")));
            Assert.That(deleted.Version, Is.Not.EqualTo(stored.Version), "a delete is a new version");
            Assert.That(await repository.GetByIdAsync(stored.Id, CancellationToken.None), Is.Null);
            Assert.That(await repository.QueryAsync(Plain(), CancellationToken.None), Is.Empty);
            Assert.That(await repository.UpdateAsync(stored.Id, patch, VersionCondition.Unconditional, CancellationToken.None), Is.Null);
            Assert.That(await repository.DeleteAsync(stored.Id, VersionCondition.Unconditional, CancellationToken.None), Is.Null);
            Assert.That(await harness.RowsAsync<ZooArchived>(stored.Id), Is.EqualTo(row), "the deleted row is unchanged");
            Assert.That((await repository.GetByIdIncludingDeletedAsync(stored.Id, CancellationToken.None))?.DeletedBy, Is.EqualTo("bob"));
            Assert.That(await repository.QueryAsync(Plain() with { IncludeDeleted = true }, CancellationToken.None), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task IncludingDeleted_LiftsOnlySoftDeletesFilter_TheTeamsOwnStaysOn()
    {
        await using var harness = await HarnessAsync(WritePathSetting.Auto);
        var other = await harness.Repository<ZooArchived>().AddAsync(new ZooArchived { Name = "other's", Tenant = "globex" }, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(await harness.Repository<ZooArchived>().GetByIdIncludingDeletedAsync(other.Id, CancellationToken.None), Is.Null);
            Assert.That(await harness.Repository<ZooArchived>().QueryAsync(Plain() with { IncludeDeleted = true }, CancellationToken.None), Is.Empty);
            Assert.That(await harness.Repository<ZooArchived>().RestoreAsync(other.Id, VersionCondition.Unconditional, CancellationToken.None), Is.Null);
        });
    }

    [Test]
    public async Task Restore_BringsTheRowBack_AsANewVersion_AndChecksTheCondition()
    {
        await using var harness = await HarnessAsync(WritePathSetting.Auto);
        var stored = await harness.Repository<ZooArchived>().AddAsync(new ZooArchived { Name = "a" }, CancellationToken.None);
        var deleted = await harness.Repository<ZooArchived>().DeleteAsync(stored.Id, VersionCondition.Unconditional, CancellationToken.None);
        (_time.Now, _user.Subject) = (Start.AddDays(1), "carol");

        Assert.ThrowsAsync<PreconditionFailedException>(() =>
            harness.Repository<ZooArchived>().RestoreAsync(stored.Id, VersionCondition.OneOf([stored.Version]), CancellationToken.None));
        var restored = await harness.Repository<ZooArchived>().RestoreAsync(stored.Id, VersionCondition.OneOf([deleted!.Version]), CancellationToken.None);
        var again = await harness.Repository<ZooArchived>().RestoreAsync(stored.Id, VersionCondition.Unconditional, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That((restored!.DeletedAt, restored.DeletedBy, restored.UpdatedBy, restored.UpdatedAt), Is.EqualTo(((DateTimeOffset?)null, (string?)null, "carol", Start.AddDays(1))));
            Assert.That(restored.Version, Is.Not.EqualTo(deleted.Version));
            Assert.That(again!.Version, Is.EqualTo(restored.Version), "restoring a live row changes nothing");
            Assert.That(await harness.Repository<ZooArchived>().GetByIdAsync(stored.Id, CancellationToken.None), Is.Not.Null);
            Assert.That(await harness.Repository<ZooArchived>().RestoreAsync(stored.Id + 100, VersionCondition.Unconditional, CancellationToken.None), Is.Null);
        });
    }

    [Test]
    public async Task ADeletedName_CanBeTakenAgain_AndThenItsRestoreIsAConflict()
    {
        await using var harness = await HarnessAsync(WritePathSetting.Auto);
        var first = await harness.Repository<ZooArchived>().AddAsync(new ZooArchived { Name = "reused" }, CancellationToken.None);
        await harness.Repository<ZooArchived>().DeleteAsync(first.Id, VersionCondition.Unconditional, CancellationToken.None);

        var second = await harness.Repository<ZooArchived>().AddAsync(new ZooArchived { Name = "reused" }, CancellationToken.None);
        var conflict = Assert.ThrowsAsync<RestoreConflictException>(() =>
            harness.Repository<ZooArchived>().RestoreAsync(first.Id, VersionCondition.Unconditional, CancellationToken.None));

        Assert.Multiple(async () =>
        {
            Assert.That(second.Id, Is.Not.EqualTo(first.Id));
            Assert.That(conflict!.Message, Does.StartWith("The ZooArchived cannot be restored"));
            Assert.That((await harness.Repository<ZooArchived>().GetByIdIncludingDeletedAsync(first.Id, CancellationToken.None))!.DeletedAt, Is.Not.Null);
            Assert.ThrowsAsync<UniqueConstraintException>(() =>
                harness.Repository<ZooArchived>().AddAsync(new ZooArchived { Name = "reused" }, CancellationToken.None), "live names stay unique");
        });
    }

    [Test]
    public async Task Purge_DeletesForGood_OnlyRowsDeletedLongerThanTheRetention()
    {
        await using var harness = await HarnessAsync(WritePathSetting.Auto);
        var old = await harness.Repository<ZooArchived>().AddAsync(new ZooArchived { Name = "old" }, CancellationToken.None);
        var recent = await harness.Repository<ZooArchived>().AddAsync(new ZooArchived { Name = "recent" }, CancellationToken.None);
        var live = await harness.Repository<ZooArchived>().AddAsync(new ZooArchived { Name = "live" }, CancellationToken.None);
        await harness.Repository<ZooArchived>().DeleteAsync(old.Id, VersionCondition.Unconditional, CancellationToken.None);
        _time.Now = Start.AddDays(20);
        await harness.Repository<ZooArchived>().DeleteAsync(recent.Id, VersionCondition.Unconditional, CancellationToken.None);
        _time.Now = Start.AddDays(31);

        var purged = await harness.Service<SoftDeletePurge>().PurgeAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(purged, Is.EqualTo(1));
            Assert.That(await harness.RowsAsync<ZooArchived>(old.Id), Does.Contain("[]"));
            Assert.That(await harness.Repository<ZooArchived>().GetByIdIncludingDeletedAsync(recent.Id, CancellationToken.None), Is.Not.Null);
            Assert.That(await harness.Repository<ZooArchived>().GetByIdAsync(live.Id, CancellationToken.None), Is.Not.Null);
        });
    }

    [Test]
    public async Task UniqueIndexOfASoftDeletableType_CoversLiveRowsOnly()
    {
        await using var harness = await HarnessAsync(WritePathSetting.Auto);
        await using var connection = new NpgsqlConnection(harness.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT indexdef FROM pg_indexes WHERE indexname = 'zoo_archived_name_uix'", connection);

        Assert.That((string?)await command.ExecuteScalarAsync(), Does.EndWith("WHERE (deleted_at IS NULL)"));
    }

    private static ListQuery Plain() => new([], null, [new OrderKey(new QueryField(ListFields.IdName, nameof(Fpas.Domain.Common.Entity.Id), FieldKind.WholeNumber, new HashSet<FilterOperator>(), Sortable: true), Descending: false)], 10);

    private async Task<ZooHarness> HarnessAsync(WritePathSetting setting) =>
        new(await ZooDatabase.ResetAsync(), setting, services => services
            .AddSingleton<TimeProvider>(_time)
            .AddSingleton<ICurrentUser>(_user));
}
