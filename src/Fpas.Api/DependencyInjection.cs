using Fpas.Api.Cors;
using Fpas.Api.Errors;
using Fpas.Api.Http;
using Fpas.Api.Json;
using Fpas.Api.OpenApi;
using Fpas.Api.Validation;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Fpas.Api;

/// <summary>The HTTP layer: MVC controllers, the wire JSON rules, problem details, OpenAPI, CORS and request logging.</summary>
public static class DependencyInjection
{
    public static IHostApplicationBuilder AddWebApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddControllers(options =>
            {
                options.Filters.Add<FluentValidationFilter>();
                options.Conventions.Add(new ProblemResponsesConvention());
                options.OutputFormatters.RemoveType<Microsoft.AspNetCore.Mvc.Formatters.StringOutputFormatter>();
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                options.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((value, _) => $"The value '{value}' is not valid.");
                options.ModelBindingMessageProvider.SetValueIsInvalidAccessor(value => $"The value '{value}' is not valid.");
                options.ModelBindingMessageProvider.SetValueMustBeANumberAccessor(_ => "The value must be a number.");
            })
            .AddJsonOptions(options => WireJson.Apply(options.JsonSerializerOptions))
            .ConfigureApiBehaviorOptions(options => options.InvalidModelStateResponseFactory = ValidationProblems.Create);
        services.ConfigureHttpJsonOptions(options => WireJson.Apply(options.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options =>
            options.Limits.MaxRequestBodySize = RequestBodyLimit.MaxBytes);

        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();

        services.AddApiDocumentation();
        services.AddConfiguredCors(builder.Configuration);

        services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });

        return builder;
    }

    public static WebApplication UseWebApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseHttpLogging();
        app.UseExceptionHandler();
        app.UseRequestBodyLimit();
        app.UseStatusCodePages();
        app.UseApiDocumentationPaths();
        app.UseRouting();
        app.UseCors();
        return app;
    }

    public static WebApplication MapWebApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapControllers();
        app.MapApiDocumentation();
        return app;
    }

    /// <summary>Runs the app; a configuration error at start-up is one clear line on stderr and exit code 1.</summary>
    public static async Task<int> RunOrExplainAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            // Validated here first, so that a bad setting is not reported by the host with a stack trace.
            app.Services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException exception)
        {
            await Console.Error.WriteLineAsync($"Configuration error: {string.Join(" ", exception.Failures)}").ConfigureAwait(false);
            return 1;
        }

        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
