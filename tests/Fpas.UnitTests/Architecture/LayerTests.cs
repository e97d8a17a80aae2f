using System.Reflection;
using System.Xml.Linq;
using Fpas.Api.Controllers;
using Fpas.Application;
using Fpas.Domain.Common;
using Fpas.Infrastructure;

namespace Fpas.UnitTests.Architecture;

/// <summary>Dependencies point inward: Api -> Application -> Domain; Infrastructure -> Application and Domain.</summary>
public sealed class LayerTests
{
    private static readonly Assembly Domain = typeof(Entity).Assembly;
    private static readonly Assembly Application = typeof(Fpas.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(HealthCheckTags).Assembly;
    private static readonly Assembly Api = typeof(ItemsController).Assembly;

    private static string Prefix => Domain.GetName().Name![..^".Domain".Length];

    [Test]
    public void Domain_ReferencesNoOtherAssemblyOfTheSolutionOrAnyPackage() =>
        Assert.That(NonFrameworkReferences(Domain), Is.Empty);

    [Test]
    public void Application_ReferencesOnlyDomainAndItsOwnLibraries()
    {
        var references = NonFrameworkReferences(Application);
        Assert.That(references, Has.None.StartsWith(Prefix + ".Infrastructure").And.None.StartsWith(Prefix + ".Api"));
        Assert.That(references, Has.None.StartsWith("Microsoft.EntityFrameworkCore").And.None.StartsWith("Npgsql").And.None.StartsWith("Microsoft.AspNetCore"));
    }

    [Test]
    public void Infrastructure_DoesNotReferenceApi() =>
        Assert.That(NonFrameworkReferences(Infrastructure), Has.None.StartsWith(Prefix + ".Api"));

    [Test]
    public void InfrastructureProjectFile_HasNoFrameworkReference_AndItsAssemblyNoAspNetCore()
    {
        var project = XDocument.Load(ProjectFile("Infrastructure"));
        Assert.That(project.Descendants("FrameworkReference"), Is.Empty, "Infrastructure takes the packages it uses, not the ASP.NET Core shared framework");
        Assert.That(NonFrameworkReferences(Infrastructure), Has.None.StartsWith("Microsoft.AspNetCore"));
    }

    [Test]
    public void ApplicationAndDomain_DoNotReferenceOpenTelemetry() =>
        Assert.That(NonFrameworkReferences(Application).Concat(NonFrameworkReferences(Domain)), Has.None.StartsWith("OpenTelemetry"));

    [Test]
    public void Api_ReferencesApplicationAndInfrastructure() =>
        Assert.That(Api.GetReferencedAssemblies().Select(name => name.Name), Does.Contain(Application.GetName().Name).And.Contain(Infrastructure.GetName().Name));

    [TestCase("Domain", new string[0])]
    [TestCase("Application", new[] { "Domain" })]
    [TestCase("Infrastructure", new[] { "Application", "Domain" })]
    [TestCase("Api", new[] { "Application", "Infrastructure" })]
    public void ProjectFile_ReferencesOnlyInnerProjects(string layer, string[] allowed)
    {
        var project = XDocument.Load(ProjectFile(layer));
        var projectReferences = project.Descendants("ProjectReference")
            .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/')))
            .Select(name => name[(Prefix.Length + 1)..]);
        Assert.That(projectReferences, Is.SubsetOf(allowed));
    }

    [Test]
    public void DomainProjectFile_HasNoPackageOrFrameworkReference()
    {
        var project = XDocument.Load(ProjectFile("Domain"));
        Assert.That(project.Descendants("PackageReference").Concat(project.Descendants("FrameworkReference")), Is.Empty);
    }

    private static string[] NonFrameworkReferences(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies()
            .Select(name => name.Name!)
            .Where(name => name != "netstandard" && !name.StartsWith("System", StringComparison.Ordinal)
                && !name.StartsWith("Microsoft.Extensions", StringComparison.Ordinal) && name != "mscorlib")];

    private static string ProjectFile(string layer) =>
        Path.Combine(SolutionDirectory.Path, "src", $"{Prefix}.{layer}", $"{Prefix}.{layer}.csproj");
}
