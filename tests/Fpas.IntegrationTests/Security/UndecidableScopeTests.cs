using System.Reflection;
using Fpas.Api.Security;
using Fpas.Application.Common.Exceptions;
using Fpas.IntegrationTests.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;

namespace Fpas.IntegrationTests.Security;

/// <summary>An action whose scope cannot be decided stops the start, naming it: it would answer writes without a token.</summary>
public sealed class UndecidableScopeTests
{
    [TestCase(typeof(WithoutMethodController),
        "WithoutMethodController.Touch names no HTTP method ([HttpGet], [HttpPost], ...), so its scope cannot be decided.")]
    [TestCase(typeof(WithoutScopeController),
        "WithoutScopeController.Touch declares no scope: add [RequireScope(\"<resource>:read\")] or [RequireScope(\"<resource>:write\")].")]
    [TestCase(typeof(ReadScopeOnWriteController),
        "ReadScopeOnWriteController.Touch answers POST under scope 'probes:read': a write needs a ':write' scope.")]
    public async Task UndecidableAction_StopsTheStart_NamingIt(Type controller, string message)
    {
        await using var factory = new ApiFactory(TestDatabase.ConnectionString, services: services =>
            services.AddControllers().PartManager.ApplicationParts.Add(new OneControllerPart(controller)));

        var refusal = Assert.Catch(() => factory.CreateClient());

        Assert.That(refusal, Is.InstanceOf<StartupRefusedException>());
        Assert.That(refusal!.Message, Is.EqualTo(message));
    }

    private sealed class OneControllerPart(Type controller) : ApplicationPart, IApplicationPartTypeProvider
    {
        public override string Name => controller.Name;

        public IEnumerable<TypeInfo> Types => [controller.GetTypeInfo()];
    }
}

/// <summary>An action that has only a route: it would answer any verb.</summary>
[ApiController]
[Route("probes")]
public sealed class WithoutMethodController : ControllerBase
{
    [Route("{id}")]
    public IActionResult Touch(long id) => Ok(id);
}

/// <summary>A write that declares no scope.</summary>
[ApiController]
[Route("probes")]
public sealed class WithoutScopeController : ControllerBase
{
    [HttpPost("{id}")]
    public IActionResult Touch(long id) => Ok(id);
}

/// <summary>A write under a read scope: a read token would write.</summary>
[ApiController]
[Route("probes")]
public sealed class ReadScopeOnWriteController : ControllerBase
{
    [HttpPost("{id}")]
    [RequireScope("probes:read")]
    public IActionResult Touch(long id) => Ok(id);
}
