using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Fpas.Application.Common.Exceptions;
using Fpas.Application.Common.Idempotency;
using Fpas.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fpas.Infrastructure.Idempotency;

/// <summary>
/// Idempotency keys in PostgreSQL, on the request's own <see cref="AppDbContext"/>: a key is held by a
/// transaction-scoped advisory lock (taken without waiting, so a concurrent repeat is told at once), and the
/// request's writes share that transaction with the answer stored under the key.
/// </summary>
internal sealed class IdempotencyStore(AppDbContext context, IOptions<IdempotencyOptions> options, TimeProvider time) : IIdempotencyStore
{
    private const string EntityName = "Idempotency key";

    public async Task<IIdempotencyLease> BeginAsync(IdempotentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var transaction = await DatabaseErrors.TranslateAsync(context, EntityName,
            () => context.Database.BeginTransactionAsync(cancellationToken)).ConfigureAwait(false);
        try
        {
            var lockKey = LockKey(request);
            var locked = await DatabaseErrors.TranslateAsync(context, EntityName, () => context.Database
                .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({lockKey}) AS \"Value\"")
                .SingleAsync(cancellationToken)).ConfigureAwait(false);
            if (!locked)
            {
                throw new IdempotencyKeyInUseException();
            }

            var stored = await DatabaseErrors.TranslateAsync(context, EntityName, () => context.Set<IdempotencyRecord>()
                .AsNoTracking()
                .FirstOrDefaultAsync(record => record.Scope == request.Scope && record.Key == request.Key, cancellationToken)).ConfigureAwait(false);
            var now = time.GetUtcNow();
            if (stored is not null && stored.ExpiresAt > now)
            {
                if (!CryptographicOperations.FixedTimeEquals(stored.Fingerprint, request.Fingerprint))
                {
                    throw new IdempotencyKeyReusedException();
                }

                await transaction.DisposeAsync().ConfigureAwait(false);
                return IdempotencyLease.ForReplay(stored.ToResponse());
            }

            return new IdempotencyLease(context, transaction, request, options.Value.Retention, time, replacesExpired: stored is not null);
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The advisory lock of one key: 64 bits of a hash of scope and key (a collision only makes a repeat wait its turn).</summary>
    private static long LockKey(IdempotentRequest request) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"idempotency\0{request.Scope}\0{request.Key}")));
}
