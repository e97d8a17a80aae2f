namespace Fpas.Infrastructure.Idempotency;

/// <summary>
/// A request that may be repeated: the client's <paramref name="Key"/> within its <paramref name="Scope"/> (one per client),
/// and a <paramref name="Fingerprint"/> (a hash of method, path and body) that tells a repeat from a different request.
/// </summary>
public sealed record IdempotentRequest(string Scope, string Key, byte[] Fingerprint);
