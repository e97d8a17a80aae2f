using Asp.Versioning;
using Microsoft.Extensions.Options;

namespace Fpas.Api.Versioning;

/// <summary>
/// Versions in the URL (<c>/v2/items</c>), a path without one being version 1 (ADR 20), one OpenAPI document per
/// version, and the <c>Deprecation</c>, <c>Sunset</c> and <c>Link</c> headers on the answers of a deprecated version.
/// </summary>
public static class ApiVersioningSetup
{
    public static IServiceCollection AddApiVersions(this IServiceCollection services)
    {
        services.AddOptions<ApiVersioningSettings>()
            .BindConfiguration(ApiVersioningSettings.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiVersioningSettings>, ApiVersioningSettingsValidator>();
        services.AddApiVersioning(options =>
            {
                options.DefaultApiVersion = new ApiVersion(ApiVersions.V1);
                options.AssumeDefaultVersionWhenUnspecified = true;
                options.ApiVersionReader = new UrlSegmentApiVersionReader();
            })
            .AddMvc()
            .AddApiExplorer(options =>
            {
                options.GroupNameFormat = "'v'V";
                options.SubstituteApiVersionInUrl = true;
            });
        // Read unvalidated here: building the pipeline reads these options before RunOrExplainAsync reports a bad setting,
        // which it then does in one line (entries without Since are refused there).
        services.AddOptions<ApiVersioningOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var settings = configuration.GetSection(ApiVersioningSettings.SectionName).Get<ApiVersioningSettings>() ?? new ApiVersioningSettings();
            foreach (var (major, deprecation) in settings.Deprecated.Where(entry => entry.Value.Since is not null))
            {
                var deprecate = options.Policies.Deprecate(major).Effective(deprecation.Since!.Value);
                if (deprecation.Link is { } link)
                {
                    deprecate.Link(link);
                }

                if (deprecation.Sunset is { } sunset)
                {
                    options.Policies.Sunset(major).Effective(sunset);
                }
            }
        });
        return services;
    }

    /// <summary>Adds the deprecation headers to every answer of a deprecated version; nothing at all when none is. After routing.</summary>
    public static IApplicationBuilder UseDeprecationHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The configuration, not the options: those are validated later, where a bad setting is reported in one line.
        var configuration = app.ApplicationServices.GetRequiredService<IConfiguration>();
        return configuration.GetSection($"{ApiVersioningSettings.SectionName}:Deprecated").Exists() ? app.UseMiddleware<DeprecationHeaders>() : app;
    }
}
