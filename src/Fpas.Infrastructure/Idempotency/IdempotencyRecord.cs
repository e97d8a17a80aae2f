
namespace Fpas.Infrastructure.Idempotency;

/// <summary>One idempotency key of one client, with the fingerprint of its request and the answer kept for replay.</summary>
public sealed class IdempotencyRecord
{
    public string Scope { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    public byte[] Fingerprint { get; set; } = [];

    public int StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? ETag { get; set; }

    public string? Location { get; set; }

    public byte[] Body { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public StoredResponse ToResponse() => new(StatusCode, ContentType, ETag, Location, Body);
}
