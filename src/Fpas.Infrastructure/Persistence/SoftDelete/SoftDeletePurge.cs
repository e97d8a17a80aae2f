using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Fpas.Infrastructure.Persistence.SoftDelete;

/// <summary>
/// Deletes for good, every <see cref="SoftDeleteOptions.PurgeInterval"/>, the rows of every soft-deletable entity type
/// deleted longer ago than <see cref="SoftDeleteOptions.Retention"/>, in batches of
/// <see cref="SoftDeleteOptions.PurgeBatchSize"/> rows.
/// </summary>
public sealed class SoftDeletePurge(
    IServiceScopeFactory scopes, IOptions<SoftDeleteOptions> options, TimeProvider time, ILogger<SoftDeletePurge> logger)
    : PeriodicCleanup(options.Value.PurgeInterval, time, logger)
{
    /// <summary>Purges every row deleted before now minus the retention; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var cutoff = Time.GetUtcNow() - settings.Retention;
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var total = 0;
        foreach (var entityType in context.Model.GetEntityTypes().Where(SoftDeleteModel.IsSoftDeletableRoot))
        {
            var sql = PurgeStatement(entityType);
            int deleted;
            do
            {
                deleted = await context.Database.ExecuteSqlRawAsync(sql,
                    [new NpgsqlParameter("cutoff", cutoff), new NpgsqlParameter("batch", settings.PurgeBatchSize)], cancellationToken);
                total += deleted;
            }
            while (deleted == settings.PurgeBatchSize);
        }

        return total;
    }

    protected override Task<int> RunOnceAsync(CancellationToken cancellationToken) => PurgeAsync(cancellationToken);

    private static string PurgeStatement(IEntityType entityType)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var name = table.Schema is null ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"";
        var id = entityType.FindPrimaryKey()!.Properties[0].GetColumnName(table);
        var deletedAt = entityType.FindProperty(nameof(Domain.Common.ISoftDeletable.DeletedAt))!.GetColumnName(table);
        return $"DELETE FROM {name} WHERE \"{id}\" IN (SELECT \"{id}\" FROM {name} WHERE \"{deletedAt}\" < @cutoff ORDER BY \"{id}\" LIMIT @batch)";
    }
}
