using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Fpas.Infrastructure.Persistence.SoftDelete;

/// <summary>
/// Deletes for good, every <see cref="SoftDeleteOptions.PurgeInterval"/>, the rows of every soft-deletable entity type
/// deleted longer ago than <see cref="SoftDeleteOptions.Retention"/>, in batches of
/// <see cref="SoftDeleteOptions.PurgeBatchSize"/> rows. Every instance runs it; concurrent runs only share the work. A
/// failed run (database away) is logged and retried next time.
/// </summary>
public sealed partial class SoftDeletePurge(
    IServiceScopeFactory scopes, IOptions<SoftDeleteOptions> options, TimeProvider time, ILogger<SoftDeletePurge> logger)
    : BackgroundService
{
    /// <summary>Purges every row deleted before now minus the retention; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var cutoff = time.GetUtcNow() - settings.Retention;
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var purged = await PurgeAsync(stoppingToken);
                LogPurged(logger, purged);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
        }
    }

    private static string PurgeStatement(IEntityType entityType)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var name = table.Schema is null ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"";
        var id = entityType.FindPrimaryKey()!.Properties[0].GetColumnName(table);
        var deletedAt = entityType.FindProperty(nameof(Domain.Common.ISoftDeletable.DeletedAt))!.GetColumnName(table);
        return $"DELETE FROM {name} WHERE \"{id}\" IN (SELECT \"{id}\" FROM {name} WHERE \"{deletedAt}\" < @cutoff ORDER BY \"{id}\" LIMIT @batch)";
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purged {Count} soft-deleted rows past their retention")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging soft-deleted rows failed; the next run tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
