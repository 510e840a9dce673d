using Chatbot.ApiService.Prewarm;
using Microsoft.Extensions.Configuration;

namespace Chatbot.Tests.Prewarm;

/// <summary>
/// A deployed replica waits for the tier-up before it is ready (it serves at full speed from its
/// first answer); a developer's API, restarted often and never under load, is ready at once.
/// </summary>
public sealed class TierUpSettingsTests
{
    [Fact]
    public void Development_is_ready_without_the_tier_up_and_every_other_environment_waits_for_it()
    {
        Assert.Equal(0, PrewarmIn("Development").TierUpPasses);
        Assert.Equal(3, PrewarmIn("Production").TierUpPasses);
        Assert.Equal(3, PrewarmIn("Staging").TierUpPasses);
    }

    /// <summary>The API's settings files as its host layers them for <paramref name="environment"/>.</summary>
    private static PrewarmOptions PrewarmIn(string environment)
    {
        var api = Path.Combine(RepoPaths.Root, "Chatbot.ApiService");
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(api, "appsettings.json"))
            .AddJsonFile(Path.Combine(api, $"appsettings.{environment}.json"), optional: true)
            .Build();
        return configuration.GetSection(PrewarmOptions.Section).Get<PrewarmOptions>() ?? new PrewarmOptions();
    }
}
