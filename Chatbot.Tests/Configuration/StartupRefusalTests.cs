using Chatbot.LocalServers;
using Chatbot.Tests.Browser;

namespace Chatbot.Tests.Configuration;

/// <summary>
/// The built services as their own processes exit at start on a setting they cannot run with, and
/// what they print names the key (every rule of the API's is in <see cref="OptionsValidationTests"/>).
/// </summary>
public sealed class StartupRefusalTests
{
    [Theory]
    [InlineData("Chatbot:Runs:Lease", "Chatbot__Runs__Lease=00:00:01", "Chatbot__Runs__FollowPollInterval=00:00:02")]
    [InlineData("Chatbot:Streaming:HeartbeatSeconds", "Chatbot__Streaming__HeartbeatSeconds=0")]
    [InlineData("Chatbot:Auth:Jwt:Audience", "Chatbot__Auth__Mode=jwt", "Chatbot__Auth__Jwt__Authority=https://login.example.com/")]
    public async Task The_api_exits_naming_the_key(string key, params string[] variables) =>
        Assert.Contains(key, await StartFailureAsync("Chatbot.ApiService", variables));

    [Theory]
    [InlineData("Chatbot:Identity:SessionLifetime", "Chatbot__Identity__SessionLifetime=-00:00:01")]
    [InlineData("Chatbot:Api:BaseAddress", "Chatbot__Api__BaseAddress=apiservice")]
    public async Task The_web_exits_naming_the_key(string key, params string[] variables) =>
        Assert.Contains(key, await StartFailureAsync("Chatbot.Web", variables));

    /// <summary>What a service printed before it exited instead of becoming healthy.</summary>
    private static async Task<string> StartFailureAsync(string project, string[] variables)
    {
        var environment = variables.Select(variable => variable.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var service = await ServiceProcess.StartAsync(project, FreePort.Next(), environment);
        });
        Assert.Contains("exited with", failure.Message);
        return failure.Message;
    }
}
