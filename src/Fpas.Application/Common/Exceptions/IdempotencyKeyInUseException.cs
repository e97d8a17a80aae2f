namespace Fpas.Application.Common.Exceptions;

/// <summary>Another request with the same idempotency key is still running.</summary>
public sealed class IdempotencyKeyInUseException()
    : Exception("A request with this Idempotency-Key is still being processed. Retry after it completes.");
