using Aspire.Hosting.Publishing;

namespace Chatbot.AppHost;

/// <summary>
/// Parameters that configuration sets (<c>--Parameters:name=…</c>, user secrets, appsettings) and
/// that fall back to a default. Aspire's <c>AddParameter(name, value)</c> takes the value as the
/// parameter's value and never reads <c>Parameters:name</c>.
/// </summary>
public static class ParameterDefaults
{
    /// <param name="publishDefault">Whether azd gets the default too (never for a secret), or must ask for a value.</param>
    public static IResourceBuilder<ParameterResource> AddParameterWithDefault(this IDistributedApplicationBuilder builder, string name,
        string defaultValue, bool publishDefault = true, bool secret = false) =>
        publishDefault && !secret
            ? builder.AddParameter(name, new Published(defaultValue))
            : builder.AddParameter(name, () => builder.Configuration[$"Parameters:{name}"] ?? defaultValue, publishValueAsDefault: false, secret);

    /// <summary>The default, written into the manifest as it is: never a value configured on the machine that publishes.</summary>
    private sealed class Published(string value) : ParameterDefault
    {
        public override string GetDefaultValue() => value;

        public override void WriteToManifest(ManifestPublishingContext context) => context.Writer.WriteString("value", value);
    }
}
