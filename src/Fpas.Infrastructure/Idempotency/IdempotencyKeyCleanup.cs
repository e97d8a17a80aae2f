using Fpas.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fpas.Infrastructure.Idempotency;

/// <summary>
/// Deletes expired idempotency keys every <see cref="IdempotencyOptions.CleanupInterval"/>, in batches of
/// <see cref="IdempotencyOptions.CleanupBatchSize"/> rows so that no statement holds many locks.
/// </summary>
public sealed class IdempotencyKeyCleanup(
    IServiceScopeFactory scopes, IOptions<IdempotencyOptions> options, TimeProvider time, ILogger<IdempotencyKeyCleanup> logger)
    : PeriodicCleanup(options.Value.CleanupInterval, time, logger)
{
    /// <summary>Deletes every key expired by now; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var batchSize = Math.Max(1, options.Value.CleanupBatchSize);
        var now = Time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var total = 0;
        int deleted;
        do
        {
            deleted = await context.Set<IdempotencyRecord>()
                .Where(record => record.ExpiresAt <= now)
                .OrderBy(record => record.ExpiresAt)
                .Take(batchSize)
                .ExecuteDeleteAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == batchSize);

        return total;
    }

    protected override Task<int> RunOnceAsync(CancellationToken cancellationToken) => DeleteExpiredAsync(cancellationToken);
}
