using Fpas.Application.Common.Auditing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Fpas.Api.Security;

/// <summary>
/// JWT bearer authentication configured only through <c>Authentication:Schemes:Bearer</c>, scope policies per resource,
/// fail-closed start-up, and per-client rate limits (docs/adr/0012-fail-closed-authentication.md).
/// </summary>
public static class ApiSecurity
{
    public const string BearerSection = "Authentication:Schemes:" + JwtBearerDefaults.AuthenticationScheme;

    private const string SuppressAutoDefaultScheme = "Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme";

    public static IHostApplicationBuilder AddApiSecurity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<ApiSecurityOptions>()
            .Configure<IConfiguration, IHostEnvironment>(Bind)
            .Validate(options => options.IsValid, ApiSecurityOptions.NotConfiguredMessage)
            .Validate(options => !options.RequireAuthenticatedReads || options.BearerConfigured, ApiSecurityOptions.ReadsNeedBearerMessage)
            .ValidateOnStart();
        services.AddHostedService<SecurityStartupCheck>();

        // The handler reads Authority, ValidAudiences, ValidIssuer and SigningKeys from BearerSection by itself.
        // No default scheme, and the framework's "the only scheme is the default" switched off: the authentication
        // middleware that WebApplication adds would otherwise validate the token of every request, anonymous reads
        // included; the scope policies name the bearer scheme, so only requests that need a token validate one (ADR 12).
        AppContext.SetSwitch(SuppressAutoDefaultScheme, true);
        services.AddAuthentication().AddJwtBearer();
        WithoutKeyRingAtStartup(services);
        services.AddOptions<ValidatedTokenCacheOptions>()
            .BindConfiguration(ValidatedTokenCacheOptions.SectionName)
            .Validate(options => options.IsValid, ValidatedTokenCacheOptions.InvalidMessage)
            .ValidateOnStart();
        services.AddSingleton<ValidatedTokenCache>();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).PostConfigure<ValidatedTokenCache>((options, cache) =>
        {
            options.MapInboundClaims = false;

            // The framework's SigningKeys are a lazy sequence: enumerated per token, it read configuration and made new
            // keys, so no signature provider was ever reused. Read once, the keys are the same objects for every token.
            options.TokenValidationParameters.IssuerSigningKeys = options.TokenValidationParameters.IssuerSigningKeys?.ToList();
            cache.AttachTo(options.Events ??= new JwtBearerEvents());
        });
        services.AddAuthorization();
        services.AddHttpContextAccessor();
        services.AddSingleton<ICurrentUser, HttpCurrentUser>();
        // Read unvalidated here: MapControllers builds the application model before RunOrExplainAsync reports a bad setting.
        services.AddOptions<MvcOptions>().Configure<IConfiguration, IHostEnvironment>((mvc, configuration, environment) =>
        {
            var security = new ApiSecurityOptions();
            Bind(security, configuration, environment);
            mvc.Conventions.Add(new ResourceScopesConvention(security));
        });

        services.AddOptions<RateLimitingSettings>()
            .BindConfiguration(RateLimitingSettings.SectionName)
            .Validate(settings => settings.IsValid, RateLimitingSettings.InvalidMessage)
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<RateLimitingSettings>>((options, settings) => ClientRateLimiter.Configure(options, settings.Value));
        return builder;
    }

    /// <summary>
    /// Data Protection, which <c>AddAuthentication</c> registers for cookie schemes, loads its key ring when the app starts,
    /// creating and writing a key file when there is none; bearer tokens never use it (ADR 12). Without its start-up
    /// service the ring loads on first use, if ever. Fails at start-up, not silently, if a framework release renames it.
    /// </summary>
    private static void WithoutKeyRingAtStartup(IServiceCollection services) =>
        services.Remove(services.Single(service => service.ServiceType == typeof(IHostedService)
            && service.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService"));

    /// <summary>
    /// Authorization, which authenticates only where a policy needs a token (no global authentication: validating a
    /// token cost open reads about 12 % of their throughput), then the rate limiter, only when configured.
    /// </summary>
    public static IApplicationBuilder UseApiSecurity(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthorization();
        // The configuration, not the options: those are validated later, where a bad setting is reported in one line.
        var limits = app.ApplicationServices.GetRequiredService<IConfiguration>().GetSection(RateLimitingSettings.SectionName).Get<RateLimitingSettings>();
        if (limits?.Enabled == true)
        {
            // The limiter's partition is the token's sub: with limits on, a request that carries a token and that no
            // policy has authenticated (an anonymous read) is authenticated here, and only then.
            app.Use(static async (context, next) =>
            {
                if (context.User.Identity?.IsAuthenticated != true && context.Request.Headers.Authorization.Count > 0)
                {
                    var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
                    if (result.Succeeded)
                    {
                        context.User = result.Principal;
                    }
                }

                await next(context);
            });
            app.UseRateLimiter();
        }

        return app;
    }

    private static void Bind(ApiSecurityOptions options, IConfiguration configuration, IHostEnvironment environment)
    {
        options.BearerConfigured = IsBearerConfigured(configuration.GetSection(BearerSection));
        options.AllowAnonymousWrites = configuration.GetValue<bool>("Authentication:AllowAnonymousWrites");
        options.RequireAuthenticatedReads = configuration.GetValue<bool>("Authorization:RequireAuthenticatedReads");
        options.IsDevelopment = environment.IsDevelopment();
    }

    private static bool IsBearerConfigured(IConfigurationSection bearer)
    {
        var issuer = !string.IsNullOrWhiteSpace(bearer["Authority"]) || bearer.GetSection("SigningKeys").GetChildren().Any();
        var audience = !string.IsNullOrWhiteSpace(bearer["ValidAudience"]) || bearer.GetSection("ValidAudiences").GetChildren().Any();
        return issuer && audience;
    }
}
