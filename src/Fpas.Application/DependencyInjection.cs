using FluentValidation;
using Fpas.Application.Common.Validation;
using Fpas.Application.Items;
using Microsoft.Extensions.DependencyInjection;

namespace Fpas.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        var assembly = typeof(DependencyInjection).Assembly;

        services.AddAutoMapper(config => config.AddMaps(assembly));

        // Validation messages and error keys use the wire (snake_case) names.
        ValidatorOptions.Global.PropertyNameResolver = WireNameResolver.Resolve;
        ValidatorOptions.Global.DisplayNameResolver = WireNameResolver.Resolve;
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton);

        services.AddScoped<ItemService>();

        return services;
    }
}
