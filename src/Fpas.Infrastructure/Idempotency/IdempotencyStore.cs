using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Fpas.Application.Common.Exceptions;
using Fpas.Application.Common.Idempotency;
using Fpas.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Fpas.Infrastructure.Idempotency;

/// <summary>
/// Idempotency keys in PostgreSQL, on the request's own <see cref="AppDbContext"/>: a key is held by a
/// transaction-scoped advisory lock (taken without waiting, so a concurrent repeat is told at once), and the
/// request's writes share that transaction with the answer stored under the key.
/// </summary>
internal sealed class IdempotencyStore(AppDbContext context, IOptions<IdempotencyOptions> options, TimeProvider time) : IIdempotencyStore
{
    /// <summary>What the database-error translation names in its exceptions, for the store and its leases.</summary>
    internal const string EntityName = "Idempotency key";

    private static readonly Func<AppDbContext, string, string, CancellationToken, Task<IdempotencyRecord?>> FindRecord =
        EF.CompileAsyncQuery((AppDbContext db, string scope, string key, CancellationToken _) =>
            db.Set<IdempotencyRecord>().AsNoTracking().FirstOrDefault(record => record.Scope == scope && record.Key == key));

    public async Task<IIdempotencyLease> BeginAsync(IdempotentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var transaction = await DatabaseErrors.TranslateAsync(context, EntityName,
            () => context.Database.BeginTransactionAsync(cancellationToken));
        try
        {
            // The writes of this request share the transaction; savepoints around each SaveChanges would only add round trips.
            context.Database.AutoSavepointsEnabled = false;
            if (!await DatabaseErrors.TranslateAsync(context, EntityName, () => TryLockAsync(transaction, LockKey(request), cancellationToken)))
            {
                throw new IdempotencyKeyInUseException();
            }

            var stored = await DatabaseErrors.TranslateAsync(context, EntityName,
                () => FindRecord(context, request.Scope, request.Key, cancellationToken));
            var now = time.GetUtcNow();
            if (stored is not null && stored.ExpiresAt > now)
            {
                if (!CryptographicOperations.FixedTimeEquals(stored.Fingerprint, request.Fingerprint))
                {
                    throw new IdempotencyKeyReusedException();
                }

                await EndAsync(transaction);
                return IdempotencyLease.ForReplay(stored.ToResponse());
            }

            return new IdempotencyLease(context, transaction, request, options.Value.Retention, time, replacesExpired: stored is not null);
        }
        catch
        {
            await EndAsync(transaction);
            throw;
        }
    }

    /// <summary>Rolls back (nothing was written) and restores the context's defaults.</summary>
    private async Task EndAsync(IDbContextTransaction transaction)
    {
        await transaction.DisposeAsync();
        context.Database.AutoSavepointsEnabled = true;
    }

    /// <summary>Takes the key's transaction-scoped advisory lock if it is free; never waits.</summary>
    private async Task<bool> TryLockAsync(IDbContextTransaction transaction, long lockKey, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock($1)",
            (NpgsqlConnection)context.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction());
        command.Parameters.Add(new NpgsqlParameter { Value = lockKey });
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>The advisory lock of one key: 64 bits of a hash of scope and key (a collision only makes a repeat wait its turn).</summary>
    private static long LockKey(IdempotentRequest request) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"idempotency\0{request.Scope}\0{request.Key}")));
}
