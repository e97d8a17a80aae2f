namespace Fpas.Application.Common.Exceptions;

/// <summary>The service requires conditional writes and this one names no version it changes (HTTP 428).</summary>
public sealed class ConditionRequiredException()
    : Exception("This request must be conditional: send If-Match with the ETag of the version you change.");
