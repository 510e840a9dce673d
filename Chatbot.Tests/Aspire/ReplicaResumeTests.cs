using System.Net;
using Aspire.Hosting.Testing;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Runs.Support;

namespace Chatbot.Tests.Aspire;

/// <summary>The AppHost's API replicas behind Aspire's proxy: a run started through it resumes through it, whichever replica answers.</summary>
[Collection(AppHostCollection.Name)]
public sealed class ReplicaResumeTests(AppHostFixture fixture)
{
    private const string Question = "Explain how the prewarm endpoint works and why streaming matters";

    [Fact]
    public async Task A_run_resumes_through_the_proxy_on_every_connection()
    {
        var identity = Identity();
        using var starter = Client();
        var (runId, before, _) = await ResumableClient.ReadThenDropAsync(starter, ResumableClient.AskRequest(Question, null, identity), count: 3);

        var resumes = new List<List<SseEvent>>();
        for (var i = 0; i < 4; i++)
        {
            using var http = Client(); // a new connection each time: the proxy picks a replica per connection
            var (response, events) = await ResumableClient.ResumeAsync(http, runId, 3, identity);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            resumes.Add(events);
        }

        Assert.All(resumes, events => Assert.Equal(
            Enumerable.Range(4, events.Count).Select(i => (long)i), ResumableClient.Sequences(events)));
        Assert.All(resumes, events => Assert.Equal(StreamEventTypes.Complete, events[^1].Type));
        Assert.Single(resumes.Select(events => string.Concat(events.Select(e => e.RawData))).Distinct());
        Assert.Equal(3, before.Count);
    }

    private HttpClient Client() => fixture.App.CreateHttpClient("apiservice");

    private (string, string)[] Identity() => [CallerHeaders.GatewaySecret(fixture.GatewaySecret), CallerHeaders.User("replica-tester")];
}
