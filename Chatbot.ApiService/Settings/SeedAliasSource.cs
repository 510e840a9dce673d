namespace Chatbot.ApiService.Settings;

/// <summary>The seed's variables as a configuration source over the configuration they are read from.</summary>
public sealed class SeedAliasSource(IConfiguration configuration) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new SeedAliasProvider(configuration);
}
