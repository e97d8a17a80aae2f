namespace Fpas.Infrastructure.Idempotency;

/// <summary>
/// Idempotency keys and the answers kept under them, shared by every instance of the service. Both operations run in
/// the request's open unit of work (<see cref="Application.Common.Persistence.IUnitOfWork"/>): the key is held until it ends, and the
/// answer is kept only if it commits, together with the request's writes.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Takes the key of <paramref name="request"/> for the rest of the unit of work, and returns the answer to replay
    /// when a live one is kept under it (null: the key is this request's). Throws
    /// <see cref="Application.Common.Exceptions.IdempotencyKeyInUseException"/> while another request holds it and
    /// <see cref="Application.Common.Exceptions.IdempotencyKeyReusedException"/> when it was used with another fingerprint.
    /// </summary>
    Task<StoredResponse?> TakeAsync(IdempotentRequest request, CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="response"/> under the key taken for <paramref name="request"/>.</summary>
    Task KeepAsync(IdempotentRequest request, StoredResponse response, CancellationToken cancellationToken);
}
