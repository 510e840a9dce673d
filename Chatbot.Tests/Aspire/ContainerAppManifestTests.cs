using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using YamlDotNet.Serialization;

namespace Chatbot.Tests.Aspire;

/// <summary>
/// What <c>azd deploy</c> creates for each project: the container app in
/// <c>Chatbot.AppHost/infra/&lt;resource&gt;.tmpl.yaml</c>, which azd reads instead of generating one from
/// the manifest. The manifest cannot carry probes, so these files are where the probes reach a
/// deployment; and because azd then ignores the manifest for that container app, a variable added in
/// the AppHost must be added to the file too. These tests hold both against the AppHost.
/// </summary>
public sealed partial class ContainerAppManifestTests
{
    /// <summary>What azd's template renders to the container's port (from <c>dotnet publish</c>) at deploy time.</summary>
    private const string ContainerPort = "{{ targetPortOrDefault 8080 }}";

    /// <summary>The domain azd puts in the address of another container app in the same environment.</summary>
    private const string EnvironmentDomain = "{{ .Env.AZURE_CONTAINER_APPS_ENVIRONMENT_DEFAULT_DOMAIN }}";

    private static readonly JsonObject Manifest =
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "aspire-manifest.json")))!["resources"]!.AsObject();

    private static IEnumerable<string> ProjectNames =>
        Manifest.Where(resource => resource.Value!["type"]!.GetValue<string>() == "project.v0").Select(resource => resource.Key);

    [Fact]
    public void Every_project_in_the_manifest_has_a_container_app_template()
    {
        Assert.Equal(new[] { "apiservice", "webfrontend" }, ProjectNames.Order());
        foreach (var project in ProjectNames)
        {
            Assert.True(File.Exists(TemplatePath(project)), $"{TemplatePath(project)} is missing: azd would deploy {project} without probes.");
        }
    }

    [Fact]
    public async Task Each_container_app_probes_readiness_on_health_and_liveness_on_alive_as_the_apphost_does()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Chatbot_AppHost>(["Chatbot:Infrastructure=local"]);

        foreach (var project in ProjectNames)
        {
#pragma warning disable ASPIREPROBES001 // Probe APIs are marked for evaluation.
            var expected = builder.Resources.Single(resource => resource.Name == project).Annotations
                .OfType<EndpointProbeAnnotation>().OrderBy(probe => probe.Type).ToList();
            Assert.Equal(new[] { ProbeType.Readiness, ProbeType.Liveness }, expected.Select(probe => probe.Type));
            Assert.Equal(new[] { "/health", "/alive" }, expected.Select(probe => probe.Path));

            var container = Container(Template(project));
            Assert.True(container.ContainsKey("probes"), $"{project}'s container app has no probes: Container Apps would probe its port over TCP only.");
            var probes = List(container["probes"]);
            Assert.Equal(expected.Count, probes.Count);
            foreach (var probe in expected)
            {
                var deployed = Assert.Single(probes, candidate => Text(candidate, "type") == probe.Type.ToString());
                // The AppHost probes its "http" endpoint; in the container app that is the port HTTP_PORTS
                // binds Kestrel to and the ingress targets, both the published container's port.
                Assert.Equal("http", probe.EndpointReference.EndpointName);
                Assert.Equal(probe.Path, Text(deployed, "httpGet", "path"));
                Assert.Equal(ContainerPort, Text(deployed, "httpGet", "port"));
                Assert.Equal("HTTP", Text(deployed, "httpGet", "scheme"));
                Assert.Equal(probe.InitialDelaySeconds.ToString(), Text(deployed, "initialDelaySeconds"));
                Assert.Equal(probe.PeriodSeconds.ToString(), Text(deployed, "periodSeconds"));
                Assert.Equal(probe.TimeoutSeconds.ToString(), Text(deployed, "timeoutSeconds"));
                Assert.Equal(probe.FailureThreshold.ToString(), Text(deployed, "failureThreshold"));
                Assert.Equal(probe.SuccessThreshold.ToString(), Text(deployed, "successThreshold"));
            }
#pragma warning restore ASPIREPROBES001
        }
    }

    [Fact]
    public void Each_container_app_listens_and_is_reached_where_the_manifest_says()
    {
        foreach (var project in ProjectNames)
        {
            var template = Template(project);
            var bindings = Manifest[project]!["bindings"]!.AsObject();
            Assert.All(bindings, binding => Assert.Null(binding.Value!["targetPort"]));

            Assert.Equal($"{{{project}.bindings.http.targetPort}}", Manifest[project]!["env"]!["HTTP_PORTS"]!.GetValue<string>());
            var external = bindings.Any(binding => binding.Value!["external"]?.GetValue<bool>() == true);
            Assert.Equal(external.ToString().ToLowerInvariant(), Text(template, "properties", "configuration", "ingress", "external"));
            Assert.Equal(ContainerPort, Text(template, "properties", "configuration", "ingress", "targetPort"));
            Assert.Equal(project, Text(Container(template), "name"));
            Assert.Equal(project, Text(template, "tags", "azd-service-name"));
        }
    }

    [Fact]
    public void Each_container_app_sets_every_environment_variable_the_manifest_gives_its_project()
    {
        foreach (var project in ProjectNames)
        {
            var template = Template(project);
            var environment = List(Container(template)["env"]).ToDictionary(variable => Text(variable, "name"));
            var secrets = List(((Dictionary<object, object>)((Dictionary<object, object>)template["properties"])["configuration"])["secrets"])
                .ToDictionary(secret => Text(secret, "name"), secret => Text(secret, "value"));
            var variables = Manifest[project]!["env"]!.AsObject()
                .ToDictionary(variable => variable.Key, variable => variable.Value!.GetValue<string>());

            Assert.Equal(variables.Keys.Append("AZURE_CLIENT_ID").Order(), environment.Keys.Order());
            var secretNames = new List<string>();
            foreach (var (name, value) in variables)
            {
                var expected = Normalise(AzdValue(value));
                if (IsSecret(name, value, expected))
                {
                    var secretName = name.ToLowerInvariant().Replace('_', '-');
                    secretNames.Add(secretName);
                    Assert.True(environment[name].ContainsKey("secretRef"), $"{project}: {name} must be a secret, as azd makes it.");
                    Assert.Equal(secretName, Text(environment[name], "secretRef"));
                    Assert.True(secrets.ContainsKey(secretName), $"{project}: secret {secretName} is missing.");
                    Assert.Equal(expected, Normalise(secrets[secretName]));
                }
                else
                {
                    Assert.True(environment[name].ContainsKey("value"), $"{project}: {name} must be a plain value, as azd makes it.");
                    Assert.Equal(expected, Normalise(Text(environment[name], "value")));
                }
            }
            Assert.Equal(secretNames.Order(), secrets.Keys.Order());
        }
    }

    private static string TemplatePath(string project) => Path.Combine(RepoPaths.Root, "Chatbot.AppHost", "infra", $"{project}.tmpl.yaml");

    /// <summary>
    /// The template parsed as YAML, with each Go template action (<c>{{ ... }}</c>) kept as text: they
    /// are replaced by tokens before parsing (an unquoted action is not valid YAML) and put back after.
    /// </summary>
    private static Dictionary<object, object> Template(string project)
    {
        var actions = new List<string>();
        var yaml = GoAction().Replace(File.ReadAllText(TemplatePath(project)), action =>
        {
            actions.Add(action.Value);
            return $"__action{actions.Count - 1}__";
        });
        var parsed = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(yaml);
        return (Dictionary<object, object>)Restore(parsed, actions);
    }

    private static object Restore(object node, List<string> actions) => node switch
    {
        string text => ActionToken().Replace(text, token => actions[int.Parse(token.Groups[1].Value)]),
        Dictionary<object, object> map => map.ToDictionary(entry => entry.Key, entry => Restore(entry.Value, actions)),
        List<object> list => list.Select(item => Restore(item, actions)).ToList(),
        _ => node,
    };

    private static Dictionary<object, object> Container(Dictionary<object, object> template) =>
        Assert.Single(List(((Dictionary<object, object>)((Dictionary<object, object>)template["properties"])["template"])["containers"]));

    private static List<Dictionary<object, object>> List(object node) => ((List<object>)node).Cast<Dictionary<object, object>>().ToList();

    private static string Text(Dictionary<object, object> node, params string[] path)
    {
        object current = node;
        foreach (var key in path)
        {
            var map = (Dictionary<object, object>)current;
            Assert.True(map.ContainsKey(key), $"'{string.Join('.', path)}' is missing.");
            current = map[key];
        }
        return Assert.IsType<string>(current);
    }

    /// <summary>azd keeps a variable as a container app secret when it is a connection string or holds a secret parameter.</summary>
    private static bool IsSecret(string name, string manifestValue, string azdValue) =>
        name.Contains("ConnectionStrings__") || manifestValue.Contains(".connectionString}") || azdValue.Contains("{{ securedParameter ");

    /// <summary>
    /// What azd's generator writes for a manifest value, for the kinds of reference this manifest uses
    /// (azure-dev cli/azd/pkg/apphost/generate.go, evalBindingRef). Anything else is a new case: have
    /// azd write the template (<c>azd infra synth</c>), keep its output, and add the probes back.
    /// </summary>
    private static string AzdValue(string manifestValue) =>
        ManifestReference().Replace(manifestValue, reference => AzdReference(reference.Groups[1].Value));

    private static string AzdReference(string reference)
    {
        var parts = reference.Split('.');
        var name = parts[0];
        var resource = Manifest[name] ?? throw new InvalidOperationException($"Unknown resource in {{{reference}}}.");
        var type = resource["type"]!.GetValue<string>();
        switch (type, parts[1..])
        {
            case (_, ["connectionString"]):
                return AzdValue(resource["connectionString"]!.GetValue<string>());
            case ("parameter.v0", ["value"]):
                var input = resource["inputs"]!["value"]!;
                var parameter = name.Replace('-', '_');
                if (input["secret"]?.GetValue<bool>() == true)
                {
                    return $"{{{{ securedParameter \"{parameter}\" }}}}";
                }
                return input["default"]?["value"] is { } fallback
                    ? $"{{{{ parameterWithDefault \"{parameter}\" \"{fallback.GetValue<string>()}\" }}}}"
                    : $"{{{{ parameter \"{parameter}\" }}}}";
            case ("project.v0", ["bindings", var binding, "url"]):
                var external = resource["bindings"]![binding]!["external"]?.GetValue<bool>() == true;
                var scheme = resource["bindings"]![binding]!["scheme"]!.GetValue<string>();
                return $"{scheme}://{name}.{(external ? "" : "internal.")}{EnvironmentDomain}";
            case ("project.v0", ["bindings", _, "targetPort"]):
                return "{{ targetPortOrDefault 0 }}";
            default:
                throw new NotSupportedException($"{{{reference}}} ({type}) is a reference these tests do not know how azd writes.");
        }
    }

    /// <summary>One space inside each Go template action's braces, as azd's generator is not consistent about it.</summary>
    private static string Normalise(string value) => GoAction().Replace(value, action => $"{{{{ {action.Value[2..^2].Trim()} }}}}");

    [GeneratedRegex(@"\{\{.*?\}\}")]
    private static partial Regex GoAction();

    [GeneratedRegex(@"__action(\d+)__")]
    private static partial Regex ActionToken();

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex ManifestReference();
}
