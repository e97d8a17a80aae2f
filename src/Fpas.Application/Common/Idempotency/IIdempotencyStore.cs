namespace Fpas.Application.Common.Idempotency;

/// <summary>Idempotency keys and the answers kept under them, shared by every instance of the service.</summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Takes the key of <paramref name="request"/> for this request. Throws
    /// <see cref="Exceptions.IdempotencyKeyInUseException"/> while another request holds it and
    /// <see cref="Exceptions.IdempotencyKeyReusedException"/> when it was used with another fingerprint.
    /// </summary>
    Task<IIdempotencyLease> BeginAsync(IdempotentRequest request, CancellationToken cancellationToken);
}
