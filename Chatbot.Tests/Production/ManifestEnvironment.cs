using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Chatbot.Tests.Production;

/// <summary>
/// The environment <c>aspire-manifest.json</c> gives a service, as azd would fill it in: each
/// <c>{resource.property}</c> from the values a test supplies (bindings, connection strings,
/// parameters it sets), else a parameter's default, else a generated secret. A placeholder it
/// cannot fill fails the test, so a new setting in the manifest cannot go unnoticed here.
/// </summary>
public sealed partial class ManifestEnvironment(IReadOnlyDictionary<string, string> values)
{
    private static readonly Lazy<JsonObject> Resources = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "aspire-manifest.json")))!["resources"]!.AsObject());

    private readonly Dictionary<string, string> _generated = [];

    /// <summary>The resource's <c>env</c>, every placeholder filled.</summary>
    public Dictionary<string, string> For(string resource) =>
        Resources.Value[resource]!["env"]!.AsObject().ToDictionary(pair => pair.Key, pair => Fill(pair.Value!.GetValue<string>()));

    private string Fill(string template) => Placeholder().Replace(template, match => Resolve(match.Groups[1].Value));

    private string Resolve(string placeholder)
    {
        if (values.TryGetValue(placeholder, out var given))
        {
            return given;
        }
        var (resource, property) = (placeholder[..placeholder.IndexOf('.')], placeholder[(placeholder.IndexOf('.') + 1)..]);
        var node = Resources.Value[resource] ?? throw new InvalidOperationException($"The manifest has no resource '{resource}'.");
        return property switch
        {
            "connectionString" when node["connectionString"] is JsonValue expression => Fill(expression.GetValue<string>()),
            "value" when node["type"]?.GetValue<string>() == "parameter.v0" => ParameterValue(resource, node),
            "value" when node["value"] is JsonValue expression => Fill(expression.GetValue<string>()),
            _ => throw new InvalidOperationException($"The test gives no value for the manifest's {{{placeholder}}}."),
        };
    }

    private string ParameterValue(string name, JsonNode parameter)
    {
        var defaults = parameter["inputs"]?["value"]?["default"];
        if (defaults?["value"] is JsonValue value)
        {
            return value.GetValue<string>();
        }
        if (defaults?["generate"] is not null)
        {
            return _generated.TryGetValue(name, out var secret) ? secret : _generated[name] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        }
        throw new InvalidOperationException($"Parameter '{name}' has no default: the test must give {{{name}.value}}, as an operator gives azd.");
    }

    [GeneratedRegex(@"\{([a-zA-Z0-9_-]+\.[a-zA-Z0-9_.-]+)\}")]
    private static partial Regex Placeholder();
}
