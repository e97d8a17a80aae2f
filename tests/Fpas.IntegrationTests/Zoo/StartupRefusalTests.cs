using Fpas.Application;
using Fpas.Application.Common.Exceptions;
using Fpas.Infrastructure;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fpas.IntegrationTests.Zoo;

/// <summary>An entity type the repository cannot serve stops the start, before any request, naming it and why.</summary>
public sealed class StartupRefusalTests
{
    [Test]
    public async Task Start_WithEntityTypesTheRepositoryCannotServe_IsRefused_NamingEachAndWhy()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:Default"] = "Host=127.0.0.1;Port=1;Database=never_reached";
        builder.Services.AddApplication().AddInfrastructure(options => options.ReplaceService<IModelCustomizer, RefusedModelCustomizer>());
        using var host = builder.Build();

        var refusal = Assert.ThrowsAsync<StartupRefusedException>(() => host.StartAsync());

        Assert.That(refusal!.Message, Is.EqualTo(
            "The repository cannot serve "
            + "RefusedCircle: its discriminator Kind starts as '' in a new instance, so EF Core would store that instead of 'circle' (leave it null); "
            + "RefusedCompositeKey: its key is not the single property Id; "
            + "RefusedShape: its discriminator Kind starts as '' in a new instance, so EF Core would store that instead of 'shape' (leave it null); "
            + "RefusedView: it is not mapped to a table (a view, SQL query or function cannot be written)."));
        await host.StopAsync();
    }
}
