using System.Net;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Identity;
using Chatbot.Tests.Web.Support;
using Chatbot.Web.Api;
using Chatbot.Web.Identity;

namespace Chatbot.Tests.Web;

public sealed class ChatbotApiClientTests
{
    private static readonly UserIdentity Identity = new(new Dictionary<string, string> { [IdentityHeaders.Name(IdentityHeaders.UserId)] = "ada" });

    [Theory]
    [InlineData(HttpStatusCode.Accepted, true)]
    [InlineData(HttpStatusCode.Conflict, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    public async Task Cancelling_a_run_posts_to_its_cancel_endpoint_and_says_whether_it_was_running(HttpStatusCode status, bool wasRunning)
    {
        var api = new ScriptedApi { CancelStatus = status };

        var result = await new ChatbotApiClient(api.CreateClient()).CancelRunAsync("run 1", Identity, CancellationToken.None);

        Assert.Equal(wasRunning, result);
        var sent = Assert.Single(api.Sent);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal($"{ChatbotRoutes.Prefix}/ask_stream/run%201/cancel", sent.Path);
        Assert.Equal("ada", sent.Header(IdentityHeaders.Name(IdentityHeaders.UserId)));
    }

    [Fact]
    public async Task A_failed_cancel_throws()
    {
        var api = new ScriptedApi { CancelStatus = HttpStatusCode.InternalServerError };

        await Assert.ThrowsAsync<HttpRequestException>(() => new ChatbotApiClient(api.CreateClient()).CancelRunAsync("run-1", Identity, CancellationToken.None));
    }
}
