using Fpas.Application.Common.Idempotency;
using Fpas.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fpas.Infrastructure.Idempotency;

/// <summary>A key held by an open transaction (see <see cref="IdempotencyStore"/>), or a replay that holds nothing.</summary>
internal sealed class IdempotencyLease : IIdempotencyLease
{
    private readonly AppDbContext? _context;
    private readonly IDbContextTransaction? _transaction;
    private readonly IdempotentRequest? _request;
    private readonly TimeSpan _retention;
    private readonly TimeProvider? _time;
    private readonly bool _replacesExpired;

    public IdempotencyLease(AppDbContext context, IDbContextTransaction transaction, IdempotentRequest request,
        TimeSpan retention, TimeProvider time, bool replacesExpired)
    {
        _context = context;
        _transaction = transaction;
        _request = request;
        _retention = retention;
        _time = time;
        _replacesExpired = replacesExpired;
    }

    private IdempotencyLease(StoredResponse replay) => Replay = replay;

    public StoredResponse? Replay { get; }

    public static IdempotencyLease ForReplay(StoredResponse replay) => new(replay);

    public async Task CompleteAsync(StoredResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (_context is null || _transaction is null || _request is null || _time is null)
        {
            throw new InvalidOperationException("A replayed request has nothing to complete.");
        }

        var now = _time.GetUtcNow();
        var record = new IdempotencyRecord
        {
            Scope = _request.Scope,
            Key = _request.Key,
            Fingerprint = _request.Fingerprint,
            StatusCode = response.StatusCode,
            ContentType = response.ContentType,
            ETag = response.ETag,
            Location = response.Location,
            Body = response.Body,
            CreatedAt = now,
            ExpiresAt = now + _retention,
        };

        // An expired row under the same key is overwritten: the key is free again once its retention is over.
        if (_replacesExpired)
        {
            _context.Update(record);
        }
        else
        {
            _context.Add(record);
        }

        await DatabaseErrors.TranslateAsync(_context, IdempotencyStore.EntityName, async () =>
        {
            await _context.SaveChangesAsync(cancellationToken);
            await _transaction.CommitAsync(cancellationToken);
            return true;
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null && _context is not null)
        {
            await _transaction.DisposeAsync();
            _context.Database.AutoSavepointsEnabled = true;
        }
    }
}
