using System.Diagnostics;
using Fpas.Api.Controllers;
using Fpas.Application.Common.Diagnostics;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Fpas.Api.Telemetry;

/// <summary>
/// OpenTelemetry for the whole service, in this one file (ADR 15): server spans named by route template, database
/// spans from Npgsql (statement text, never parameters), outgoing HTTP spans; ASP.NET Core's, Kestrel's, Npgsql's,
/// the runtime's and Fpas's own meters; log records with trace and span ids. Configured only through the standard
/// <c>OTEL_*</c> variables: when no OTLP endpoint is set, nothing is exported and no span is recorded (the trace
/// context is still continued, so problem bodies carry the caller's trace id).
/// </summary>
public static class TelemetrySetup
{
    public const string DefaultServiceName = "fpas";

    private static readonly string[] EndpointVariables =
    [
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
        "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT",
        "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT",
    ];

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<RequestLoggingOptions>().BindConfiguration(RequestLoggingOptions.SectionName);
        var exporting = EndpointVariables.Any(variable => !string.IsNullOrWhiteSpace(builder.Configuration[variable]));

        var telemetry = builder.Services.AddOpenTelemetry()
            // Defaults first, so that OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES override them.
            .ConfigureResource(resource => resource.Clear()
                .AddService(DefaultServiceName, serviceVersion: ServiceInfoResponse.Current.Version)
                .AddTelemetrySdk()
                .AddEnvironmentVariableDetector())
            .WithTracing(tracing =>
            {
                tracing
                    .AddAspNetCoreInstrumentation(options =>
                    {
                        options.RecordException = true;
                        options.EnrichWithHttpResponse = NameByRoute;
                    })
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddProcessor(new ConnectionStringRedaction());
                if (!exporting)
                {
                    tracing.SetSampler(new AlwaysOffSampler());
                }
            })
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(ApplicationMetrics.MeterName));

        if (exporting)
        {
            telemetry.WithLogging(logging => { }, options => options.IncludeScopes = true).UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Names a recorded server span <c>GET /items/{id}</c>, with the same route in <c>http.route</c>.</summary>
    private static void NameByRoute(Activity activity, HttpResponse response)
    {
        if (RouteTemplates.Of(response.HttpContext) is { } route)
        {
            activity.DisplayName = $"{response.HttpContext.Request.Method} {route}";
            activity.SetTag("http.route", route);
        }
    }
}
