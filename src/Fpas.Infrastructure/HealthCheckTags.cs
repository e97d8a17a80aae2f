namespace Fpas.Infrastructure;

/// <summary>Tags of the health checks Infrastructure registers.</summary>
public static class HealthCheckTags
{
    /// <summary>Checks that must pass before the app can serve requests (PostgreSQL answers).</summary>
    public const string Ready = "ready";
}
