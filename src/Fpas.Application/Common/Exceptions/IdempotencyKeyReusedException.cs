namespace Fpas.Application.Common.Exceptions;

/// <summary>The idempotency key was first used for a different request (method, path or body).</summary>
public sealed class IdempotencyKeyReusedException()
    : Exception("This Idempotency-Key was already used for a different request.");
