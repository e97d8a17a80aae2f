using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Fpas.Application.Common.Exceptions;
using Fpas.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Fpas.Infrastructure.Idempotency;

/// <summary>
/// Idempotency keys in PostgreSQL, in the request's unit of work: a key is held by a transaction-scoped advisory lock
/// (taken without waiting, so a concurrent repeat is told at once), and the answer kept under it commits with the
/// request's writes or not at all.
/// </summary>
internal sealed class IdempotencyStore(AppDbContext context, IOptions<IdempotencyOptions> options, TimeProvider time) : IIdempotencyStore
{
    private const string EntityName = "Idempotency key";

    private static readonly Func<AppDbContext, string, string, CancellationToken, Task<IdempotencyRecord?>> FindRecord =
        EF.CompileAsyncQuery((AppDbContext db, string scope, string key, CancellationToken _) =>
            db.Set<IdempotencyRecord>().AsNoTracking().FirstOrDefault(record => record.Scope == scope && record.Key == key));

    public async Task<StoredResponse?> TakeAsync(IdempotentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var transaction = context.Database.CurrentTransaction
            ?? throw new InvalidOperationException("An idempotency key is taken in the request's unit of work: begin it first.");
        if (!await DatabaseErrors.TranslateAsync(context, EntityName, () => TryLockAsync(transaction, LockKey(request.Scope, request.Key), cancellationToken)))
        {
            throw new IdempotencyKeyInUseException();
        }

        var stored = await DatabaseErrors.TranslateAsync(context, EntityName, () => FindRecord(context, request.Scope, request.Key, cancellationToken));
        if (stored is null)
        {
            return null;
        }

        if (stored.ExpiresAt <= time.GetUtcNow())
        {
            // Expired: the key is free again; the old answer goes, under the lock, in this unit of work.
            await DatabaseErrors.TranslateAsync(context, EntityName, () => context.Set<IdempotencyRecord>()
                .Where(record => record.Scope == request.Scope && record.Key == request.Key)
                .ExecuteDeleteAsync(cancellationToken));
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(stored.Fingerprint, request.Fingerprint)
            ? stored.ToResponse()
            : throw new IdempotencyKeyReusedException();
    }

    public Task KeepAsync(IdempotentRequest request, StoredResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var now = time.GetUtcNow();
        context.Add(new IdempotencyRecord
        {
            Scope = request.Scope,
            Key = request.Key,
            Fingerprint = request.Fingerprint,
            StatusCode = response.StatusCode,
            ContentType = response.ContentType,
            ETag = response.ETag,
            Location = response.Location,
            Body = response.Body,
            CreatedAt = now,
            ExpiresAt = now + options.Value.Retention,
        });
        return DatabaseErrors.TranslateAsync(context, EntityName, () => context.SaveChangesAsync(cancellationToken));
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
    public static long LockKey(string scope, string key) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"idempotency\0{scope}\0{key}")));
}
