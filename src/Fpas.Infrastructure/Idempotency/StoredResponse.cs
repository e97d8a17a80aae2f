namespace Fpas.Infrastructure.Idempotency;

/// <summary>The answer to an idempotent request as it is kept for replay: status, the headers that describe the body, and the body.</summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, string? ETag, string? Location, byte[] Body);
