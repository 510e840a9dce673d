using System.Net;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Prewarm;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Memory.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Chatbot.Tests.Prewarm;

/// <summary>
/// A probe during a start-up warm-up that takes long hears 503 Unhealthy, and nothing is logged at
/// Error for it: a starting replica is not a failing one.
/// </summary>
public sealed class WarmUpGateTests
{
    [Fact]
    public async Task A_probe_during_a_long_warm_up_hears_unhealthy_and_no_error_is_logged()
    {
        var connect = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var api = new ApiFactory();
        using var http = api.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            // The warm-up connects to hot memory first and waits here until the test lets it.
            services.AddSingleton<IConversationStore>(provider =>
                new SlowToConnectStore(ActivatorUtilities.CreateInstance<InProcessConversationStore>(provider), connect.Task));
        })).CreateClient();

        var probe = http.GetAsync(Extensions.HealthEndpointPath);
        while (!probe.IsCompleted)
        {
            clock.Advance(WarmUpGate.WaitForWarmUp); // the probe's wait for the warm-up runs out
            await Task.WhenAny(probe, Task.Delay(50));
        }
        using var warming = await probe;
        connect.SetResult();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, warming.StatusCode);
        Assert.Equal("Unhealthy", await warming.Content.ReadAsStringAsync());
        Assert.True(await Eventually.HoldsAsync(async () => (await http.GetAsync(Extensions.HealthEndpointPath)).IsSuccessStatusCode), api.Logs.All);
        Assert.DoesNotContain(api.Logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal));
    }

    /// <summary>The in-process store, whose connect waits for <paramref name="connected"/>.</summary>
    private sealed class SlowToConnectStore(IConversationStore inner, Task connected) : IConversationStore
    {
        public string Name => inner.Name;

        public async Task ConnectAsync(CancellationToken cancellationToken)
        {
            await connected.WaitAsync(cancellationToken);
            await inner.ConnectAsync(cancellationToken);
        }

        public Task<IReadOnlyList<ConversationTurn>> GetTurnsAsync(ConversationKey key, CancellationToken cancellationToken) =>
            inner.GetTurnsAsync(key, cancellationToken);

        public Task AppendAsync(ConversationKey key, IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken) =>
            inner.AppendAsync(key, turns, cancellationToken);

        public Task<ConversationPage> ListAsync(string owner, PageRequest page, CancellationToken cancellationToken) =>
            inner.ListAsync(owner, page, cancellationToken);

        public Task<bool> DeleteAsync(ConversationKey key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public Task<FeedbackUpdate> SetFeedbackAsync(ConversationKey key, string runId, TurnFeedback? feedback, CancellationToken cancellationToken) =>
            inner.SetFeedbackAsync(key, runId, feedback, cancellationToken);
    }
}
