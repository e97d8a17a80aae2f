using System.Globalization;
using System.Reflection;
using Fpas.Api.Health;
using Fpas.Api.Lifecycle;
using Fpas.Api.Security;
using Fpas.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.Extensions.Hosting;
using YamlDotNet.RepresentationModel;

namespace Fpas.UnitTests.Deployment;

/// <summary>
/// The manifests in deploy/kubernetes against what the app really uses: its health routes, its configuration keys and
/// their defaults, its port; and against each other (labels, ports, names, timeouts).
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly string Folder = Path.Combine(SolutionDirectory.Path, "deploy", "kubernetes");

    [Test]
    public void Probes_UseTheAppsHealthRoutes_OnTheContainersPort()
    {
        var container = ApiContainer();
        var port = Scalar(container, "ports", 0, "name");

        Assert.Multiple(() =>
        {
            Assert.That(Scalar(container, "readinessProbe", "httpGet", "path"), Is.EqualTo(HealthEndpoints.ReadyPath));
            Assert.That(Scalar(container, "livenessProbe", "httpGet", "path"), Is.EqualTo(HealthEndpoints.LivePath));
            Assert.That(Scalar(container, "readinessProbe", "httpGet", "port"), Is.EqualTo(port));
            Assert.That(Scalar(container, "livenessProbe", "httpGet", "port"), Is.EqualTo(port));
            Assert.That(Environment(container)["ASPNETCORE_HTTP_PORTS"], Is.EqualTo(Scalar(container, "ports", 0, "containerPort")));
        });
    }

    [Test]
    public void EnvironmentVariables_NameSettingsTheAppReads()
    {
        var known = KnownSettingKeys();
        var names = Environment(ApiContainer()).Keys.Concat(Environment(MigrationContainer()).Keys)
            .Where(name => !name.StartsWith("ASPNETCORE_", StringComparison.Ordinal));

        foreach (var name in names)
        {
            var key = System.Text.RegularExpressions.Regex.Replace(name.Replace("__", ":", StringComparison.Ordinal), @":\d+$", string.Empty);
            Assert.That(known, Does.Contain(key), $"{name} is not a setting the app reads");
        }
    }

    [Test]
    public void GracePeriod_CoversTheDrainAndTheShutdownTimeout_AndReadinessFailsWithinTheDrain()
    {
        var pod = Document("deployment.yaml")["spec"]["template"]["spec"];
        var container = ApiContainer();
        var environment = Environment(container);
        var drain = TimeSpan.Parse(environment[$"{ShutdownOptions.SectionName}__{nameof(ShutdownOptions.DrainDelay)}"], CultureInfo.InvariantCulture);
        var shutdown = TimeSpan.Parse(environment[$"{GracefulShutdown.HostOptionsSection}__{nameof(HostOptions.ShutdownTimeout)}"], CultureInfo.InvariantCulture);
        var grace = int.Parse(((YamlScalarNode)pod["terminationGracePeriodSeconds"]).Value!, CultureInfo.InvariantCulture);
        var readiness = container["readinessProbe"];
        var readinessDetection = int.Parse(Scalar(readiness, "periodSeconds"), CultureInfo.InvariantCulture)
            * int.Parse(Scalar(readiness, "failureThreshold"), CultureInfo.InvariantCulture);

        Assert.Multiple(() =>
        {
            Assert.That(grace, Is.GreaterThan((drain + shutdown).TotalSeconds));
            Assert.That(readinessDetection, Is.LessThan(drain.TotalSeconds), "the pod leaves the endpoints before Kestrel stops accepting");
        });
    }

    [Test]
    public void Service_PodDisruptionBudget_AndAutoscaler_PointAtTheDeployment()
    {
        var deployment = Document("deployment.yaml");
        var labels = Map(deployment["spec"]["template"]["metadata"]["labels"]);
        var name = Scalar(deployment, "metadata", "name");

        Assert.Multiple(() =>
        {
            Assert.That(labels, Is.SupersetOf(Map(Document("service.yaml")["spec"]["selector"])));
            Assert.That(labels, Is.SupersetOf(Map(Document("pdb.yaml")["spec"]["selector"]["matchLabels"])));
            Assert.That(Map(deployment["spec"]["selector"]["matchLabels"]), Is.SubsetOf(labels));
            Assert.That(Scalar(Document("service.yaml"), "spec", "ports", 0, "targetPort"), Is.EqualTo(Scalar(ApiContainer(), "ports", 0, "name")));
            Assert.That(Scalar(Document("hpa.yaml"), "spec", "scaleTargetRef", "name"), Is.EqualTo(name));
            Assert.That(Scalar(Document("hpa.yaml"), "spec", "scaleTargetRef", "kind"), Is.EqualTo("Deployment"));
            Assert.That(int.Parse(Scalar(Document("pdb.yaml"), "spec", "minAvailable"), CultureInfo.InvariantCulture),
                Is.LessThan(int.Parse(Scalar(deployment, "spec", "replicas"), CultureInfo.InvariantCulture)));
        });
    }

    /// <summary>Configuration keys (without array indexes) that the app binds, from its own constants and option types.</summary>
    private static HashSet<string> KnownSettingKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal)
        {
            DatabaseOptions.ConnectionStringKey,
            $"{ApiSecurity.BearerSection}:Authority",
            $"{ApiSecurity.BearerSection}:ValidAudiences",
            $"{ApiSecurity.BearerSection}:ValidIssuer",
            "Authentication:AllowAnonymousWrites",
            "Authorization:RequireAuthenticatedReads",
        };
        AddProperties(keys, DatabaseOptions.SectionName, typeof(DatabaseOptions));
        AddProperties(keys, ShutdownOptions.SectionName, typeof(ShutdownOptions));
        AddProperties(keys, GracefulShutdown.HostOptionsSection, typeof(HostOptions));
        return keys;

        static void AddProperties(HashSet<string> keys, string section, Type type)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.CanWrite))
            {
                keys.Add($"{section}:{property.Name}");
            }
        }
    }

    private static YamlMappingNode ApiContainer() =>
        (YamlMappingNode)((YamlSequenceNode)Document("deployment.yaml")["spec"]["template"]["spec"]["containers"])[0];

    private static YamlMappingNode MigrationContainer() =>
        (YamlMappingNode)((YamlSequenceNode)Document("migration-job.yaml")["spec"]["template"]["spec"]["containers"])[0];

    /// <summary>The container's environment variables; a value from a secret or config map counts as set.</summary>
    private static Dictionary<string, string> Environment(YamlMappingNode container) =>
        ((YamlSequenceNode)container["env"]).Children.Cast<YamlMappingNode>().ToDictionary(
            variable => Scalar(variable, "name"),
            variable => variable.Children.TryGetValue(new YamlScalarNode("value"), out var value) ? ((YamlScalarNode)value).Value! : "(reference)");

    private static YamlMappingNode Document(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Folder, file));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static Dictionary<string, string> Map(YamlNode node) =>
        ((YamlMappingNode)node).Children.ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => ((YamlScalarNode)pair.Value).Value!);

    /// <summary>The scalar at a path of mapping keys (strings) and sequence indexes (ints).</summary>
    private static string Scalar(YamlNode node, params object[] path)
    {
        foreach (var step in path)
        {
            node = step is int index ? ((YamlSequenceNode)node)[index] : ((YamlMappingNode)node)[(string)step];
        }

        return ((YamlScalarNode)node).Value!;
    }
}
