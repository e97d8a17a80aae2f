namespace Fpas.Api.Health;

public sealed record HealthResponse(string Status);
