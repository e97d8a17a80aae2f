namespace Fpas.Api.Cors;

public static class CorsSetup
{
    public static IServiceCollection AddConfiguredCors(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(CorsSettings.SectionName).Get<CorsSettings>() ?? new CorsSettings();
        return services.AddCors(options => options.AddDefaultPolicy(policy =>
        {
            if (settings.AllowedOrigins.Count > 0)
            {
                policy.WithOrigins([.. settings.AllowedOrigins])
                    .AllowAnyHeader()
                    .AllowAnyMethod()
                    .WithExposedHeaders("Link");
            }
        }));
    }
}
