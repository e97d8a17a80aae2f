using System.Text;
using Fpas.Api.Concurrency;
using Fpas.Api.Cors;
using Fpas.Api.Errors;
using Fpas.Api.Health;
using Fpas.Api.Http;
using Fpas.Api.Json;
using Fpas.Api.OpenApi;
using Fpas.Api.Security;
using Fpas.Api.Telemetry;
using Fpas.Api.Validation;
using Fpas.Api.Versioning;
using Fpas.Application.Common.Exceptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace Fpas.Api;

/// <summary>The HTTP layer: MVC controllers, health probes, the wire JSON rules, problem details, OpenAPI, CORS, forwarded headers and request logging.</summary>
public static class DependencyInjection
{
    public static IHostApplicationBuilder AddWebApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddControllers(options =>
            {
                options.Filters.Add(new FluentValidationFilter());
                options.Filters.Add(new EntityTagResultFilter());
                options.Filters.Add(new PreconditionFailedFilter());
                options.Conventions.Add(new ProblemResponsesConvention());
                options.OutputFormatters.RemoveType<Microsoft.AspNetCore.Mvc.Formatters.StringOutputFormatter>();
                Utf8Only(options);
                NoFormBinding(options);
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                options.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((value, _) => $"The value '{value}' is not valid.");
                options.ModelBindingMessageProvider.SetValueIsInvalidAccessor(value => $"The value '{value}' is not valid.");
                options.ModelBindingMessageProvider.SetValueMustBeANumberAccessor(_ => "The value must be a number.");
            })
            .AddJsonOptions(options =>
            {
                WireJson.Apply(options.JsonSerializerOptions);
                // The formatter hands its exceptions to ValidationProblems, which words them: no .NET type names.
                options.AllowInputFormatterExceptionMessages = false;
            })
            .ConfigureApiBehaviorOptions(options => options.InvalidModelStateResponseFactory = ValidationProblems.Create);
        services.ConfigureHttpJsonOptions(options =>
        {
            WireJson.Apply(options.SerializerOptions);
            StructDefaultsInSchemas.Apply(options.SerializerOptions);
        });
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options =>
            options.Limits.MaxRequestBodySize = RequestBodyLimit.MaxBytes);

        // First among the writers, so that no other writer answers in another format.
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, ProblemJsonWriter>());
        services.AddOptions<ConcurrencyOptions>().BindConfiguration(ConcurrencyOptions.SectionName);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDefaults.Apply);
        services.AddExceptionHandler<ApiExceptionHandler>();

        services.AddApiVersions();
        services.AddApiDocumentation();
        services.AddForwardedHeadersFromConfiguration(builder.Configuration);
        services.AddHostFilteringInPipeline();
        services.AddRequestTimeoutsFromConfiguration();
        services.AddConfiguredCors(builder.Configuration);

        return builder;
    }

    public static WebApplication UseWebApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseMiddleware<RequestLogging>();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts(); // only on HTTPS responses
        }

        app.UseExceptionHandler();
        app.UseRequestBodyLimit();
        app.UseUtf8RequestBodies();
        app.UseStatusCodePages();
        app.UseHostFiltering();
        app.UseApiDocumentationPaths();
        app.UseHeadAsGet();
        app.UseRouting();
        app.UseDeprecationHeaders();
        app.UseConfiguredRequestTimeouts();
        app.UseCors();
        app.UseApiSecurity();
        return app;
    }

    public static WebApplication MapWebApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapControllers();
        app.MapHealthEndpoints();
        app.MapApiDocumentation();
        return app;
    }

    /// <summary>JSON in and out is UTF-8 only: no transcoding of request bodies, no answer in the charset a client asks for.</summary>
    private static void Utf8Only(MvcOptions options)
    {
        foreach (var formatter in options.InputFormatters.OfType<TextInputFormatter>())
        {
            RemoveAllBut(formatter.SupportedEncodings);
        }

        foreach (var formatter in options.OutputFormatters.OfType<TextOutputFormatter>())
        {
            RemoveAllBut(formatter.SupportedEncodings);
        }

        static void RemoveAllBut(IList<Encoding> encodings)
        {
            for (var i = encodings.Count - 1; i >= 0; i--)
            {
                if (encodings[i].CodePage != Encoding.UTF8.CodePage)
                {
                    encodings.RemoveAt(i);
                }
            }
        }
    }

    /// <summary>Arguments come from the route, the query string and JSON bodies: the form value providers, which read
    /// the request's form feature on every request, are removed.</summary>
    private static void NoFormBinding(MvcOptions options)
    {
        options.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
        options.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
        options.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
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
            await Console.Error.WriteLineAsync($"Configuration error: {string.Join(" ", exception.Failures)}");
            return 1;
        }

        try
        {
            await app.RunAsync();
        }
        catch (StartupRefusedException exception)
        {
            await Console.Error.WriteLineAsync($"Start-up refused: {exception.Message}");
            return 1;
        }

        return 0;
    }
}
