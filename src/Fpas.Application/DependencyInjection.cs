using FluentValidation;
using Fpas.Application.Common.Diagnostics;
using Fpas.Application.Common.Querying;
using Fpas.Application.Common.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace Fpas.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        var assembly = typeof(DependencyInjection).Assembly;

        // One mapper for the process: it holds no per-request state, and the maps resolve no scoped services.
        services.AddAutoMapper(_ => { }, [assembly], ServiceLifetime.Singleton);
        services.AddSingleton<ApplicationMetrics>();

        // Validation messages and error keys use the wire (snake_case) names.
        ValidatorOptions.Global.PropertyNameResolver = WireNameResolver.Resolve;
        ValidatorOptions.Global.DisplayNameResolver = WireNameResolver.Resolve;
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton);

        // Every resource's list fields (ItemListFields), one instance for the process.
        foreach (var fields in assembly.GetExportedTypes().Where(type => type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(typeof(ListFields))))
        {
            services.AddSingleton(fields);
            services.AddSingleton(provider => (ListFields)provider.GetRequiredService(fields));
        }

        // Convention: every public class named *Service is a use-case service, one instance per request.
        foreach (var service in assembly.GetExportedTypes().Where(IsService))
        {
            services.AddScoped(service);
        }

        return services;
    }

    private static bool IsService(Type type) =>
        type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
        && type.Name.EndsWith("Service", StringComparison.Ordinal);
}
