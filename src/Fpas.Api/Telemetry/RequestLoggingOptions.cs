namespace Fpas.Api.Telemetry;

/// <summary>Settings of the per-request log record (section <c>RequestLogging</c>).</summary>
public sealed class RequestLoggingOptions
{
    public const string SectionName = "RequestLogging";

    /// <summary>A request that takes at least this long is logged at Information whatever its status.</summary>
    public TimeSpan SlowRequestThreshold { get; set; } = TimeSpan.FromSeconds(1);
}
