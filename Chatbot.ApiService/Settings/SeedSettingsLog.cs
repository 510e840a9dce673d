namespace Chatbot.ApiService.Settings;

/// <summary>Says at start which of the seed's variables are in use and which are overridden by ours (names only, never values).</summary>
public sealed class SeedSettingsLog(IConfiguration configuration, string? awsNotice, ILogger<SeedSettingsLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var alias in SeedSettings.Aliases.Where(alias => !string.IsNullOrEmpty(configuration[alias.Variable])))
        {
            if (IsSetByUs(alias.Setting))
            {
                logger.LogInformation("{Variable} (the seed's name) is ignored because {Setting} is set.", alias.Variable, alias.Setting);
            }
            else
            {
                logger.LogInformation("{Variable} (the seed's name) sets {Setting}.", alias.Variable, alias.Setting);
            }
        }
        if (awsNotice is not null)
        {
            logger.LogWarning("{Notice}", awsNotice);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private bool IsSetByUs(string setting) =>
        configuration is IConfigurationRoot root
        && root.Providers.Any(provider => provider is not SeedAliasProvider && provider.TryGet(setting, out _));
}
