namespace Fpas.Application.Common.Idempotency;

/// <summary>
/// The exclusive use of one idempotency key for the length of one request. Writes made meanwhile through the
/// repositories belong to the same transaction as the stored answer: <see cref="CompleteAsync"/> commits both,
/// disposing without it rolls both back.
/// </summary>
public interface IIdempotencyLease : IAsyncDisposable
{
    /// <summary>The answer of the first request with this key and fingerprint; when set, replay it and do nothing else.</summary>
    StoredResponse? Replay { get; }

    /// <summary>Stores <paramref name="response"/> under the key and commits the request's writes with it.</summary>
    Task CompleteAsync(StoredResponse response, CancellationToken cancellationToken);
}
