using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A list setting written either as items (<c>Key:0</c>, <c>Key:1</c>, a JSON array) or as one
/// comma-separated value (<c>Key=10.0.0.7,10.1.0.0/16</c>, as an environment variable or an azd
/// parameter gives it). The configuration binder would silently drop the second form.
/// </summary>
public static class ConfiguredList
{
    public static string[] Read(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var items = section.GetChildren().Select(child => child.Value).OfType<string>().ToArray();
        return items.Length > 0 ? items : section.Value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
    }
}
