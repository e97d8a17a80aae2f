using Fpas.Application.Common.Exceptions;
using Fpas.IntegrationTests.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;

namespace Fpas.IntegrationTests.Security;

/// <summary>An action whose HTTP method, and so its scope, cannot be decided stops the start: it would answer writes without a token.</summary>
public sealed class UndecidableScopeTests
{
    [Test]
    public async Task ActionWithoutAnHttpMethod_StopsTheStart_NamingIt()
    {
        await using var factory = new ApiFactory(TestDatabase.ConnectionString, services: services =>
            services.AddControllers().PartManager.ApplicationParts.Add(new AssemblyPart(typeof(WithoutMethodController).Assembly)));

        var refusal = Assert.Catch(() => factory.CreateClient());

        Assert.That(refusal, Is.InstanceOf<StartupRefusedException>());
        Assert.That(refusal!.Message, Is.EqualTo(
            "WithoutMethodController.Touch names no HTTP method ([HttpGet], [HttpPost], ...), so its scope cannot be decided."));
    }
}

/// <summary>A resource controller with an action that has only a route: it would answer any verb.</summary>
[ApiController]
[Route("probes")]
public sealed class WithoutMethodController : ControllerBase
{
    [Route("{id}")]
    public IActionResult Touch(long id) => Ok(id);
}
