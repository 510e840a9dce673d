namespace Chatbot.ApiService.Settings;

/// <summary>
/// Answers each of our settings in <see cref="SeedSettings.Aliases"/> with its seed variable's
/// value, read from the whole configuration (environment, appsettings, command line) when asked.
/// Placed first, below every other source, so a setting of ours from any source wins.
/// </summary>
public sealed class SeedAliasProvider(IConfiguration configuration) : ConfigurationProvider
{
    public override bool TryGet(string key, out string? value)
    {
        value = SeedSettings.ForSetting(key) is { } alias && SeedValue(alias) is { } seed ? alias.Convert(seed) : null;
        return value is not null;
    }

    /// <summary>The section names our aliased settings add under <paramref name="parentPath"/>, so binding finds them.</summary>
    public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
    {
        var prefix = parentPath is null ? "" : parentPath + ConfigurationPath.KeyDelimiter;
        var ours = SeedSettings.Aliases
            .Where(alias => alias.Setting.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && SeedValue(alias) is not null)
            .Select(alias => alias.Setting[prefix.Length..].Split(ConfigurationPath.KeyDelimiter)[0]);
        return earlierKeys.Concat(ours).Order(ConfigurationKeyComparer.Instance);
    }

    private string? SeedValue(SeedAlias alias) => configuration[alias.Variable] is { Length: > 0 } value ? value : null;
}

/// <summary>The seed's variables as a configuration source over the configuration they are read from.</summary>
public sealed class SeedAliasSource(IConfiguration configuration) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new SeedAliasProvider(configuration);
}
