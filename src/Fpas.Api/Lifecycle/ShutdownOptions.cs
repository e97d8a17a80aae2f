namespace Fpas.Api.Lifecycle;

/// <summary>The <c>Shutdown</c> section: how long an instance keeps serving after SIGTERM before it stops accepting.</summary>
public sealed class ShutdownOptions
{
    public const string SectionName = "Shutdown";

    /// <summary>
    /// Time between the stop signal and Kestrel's stop, while <c>/health/ready</c> answers 503 so that a load
    /// balancer takes the instance out of rotation (<c>Shutdown:DrainDelay</c>; 5 s in appsettings.json, 0 in Development).
    /// </summary>
    public TimeSpan DrainDelay { get; set; }
}
