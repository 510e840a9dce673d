using System.Net.Http.Json;
using Chatbot.ApiService.Answers;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;
using Xunit.Abstractions;

namespace Chatbot.Tests.Api;

/// <summary>Cancellation, failures and heartbeats of a stream.</summary>
public sealed class StreamLifecycleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_client_that_disconnects_cancels_the_model_call()
    {
        // Held after its first token: on a slow machine the answer cannot end before the client leaves.
        var model = new RecordingChatClient(tokenDelayMs: 50) { HoldAfterFirstToken = true };
        await using var factory = new ApiFactory().WithModel(model);
        using var http = factory.CreateClient();
        using var disconnect = new CancellationTokenSource();

        var response = await http.SendAsync(ChatbotClient.AskRequest("Explain solar energy in detail"), HttpCompletionOption.ResponseHeadersRead, disconnect.Token);
        await factory.Logs.WaitAsync(model.FirstTokenSent.Task, TimeSpan.FromSeconds(30), "the first token");
        var disconnectedAt = DateTimeOffset.UtcNow;
        disconnect.Cancel();
        response.Dispose();

        var cancelledAt = await factory.Logs.WaitAsync(model.Cancelled.Task, TimeSpan.FromSeconds(30), "the model call to be cancelled");
        Assert.True(cancelledAt >= disconnectedAt);
        output.WriteLine($"Model call cancelled {(cancelledAt - disconnectedAt).TotalMilliseconds:F1} ms after the client disconnected.");
    }

    [Fact]
    public async Task A_failure_mid_stream_ends_it_with_one_safe_error_event_whose_correlation_id_is_logged()
    {
        const string secret = "db password is hunter2 at /srv/secret.cs:line 42";
        var model = new RecordingChatClient { FailAfterFirstToken = new InvalidOperationException(secret) };
        await using var factory = new ApiFactory().WithModel(model);
        using var http = factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("What is CAPEX?"));

        var error = Assert.Single(events, e => StreamEventTypes.IsTerminal(e.Type));
        Assert.Equal(StreamEventTypes.Error, error.Type);
        Assert.Same(events[^1], error);
        Assert.Equal(ChatTurnRunner.FailureMessage, error.Text(StreamEventFields.Message));
        Assert.Equal(StreamErrorCodes.AgentFailed, error.Text(StreamEventFields.Code));
        Assert.DoesNotContain("hunter2", error.RawData);
        Assert.DoesNotContain("InvalidOperationException", error.RawData);
        var correlationId = error.Text(StreamEventFields.CorrelationId)!;
        Assert.Contains(factory.Logs.Lines, line => line.Contains(correlationId) && line.Contains(secret));
    }

    [Fact]
    public async Task A_failure_without_streaming_is_a_problem_without_internals()
    {
        var model = new RecordingChatClient { FailAfterFirstToken = new InvalidOperationException("stack secrets") };
        await using var factory = new ApiFactory().WithModel(model);
        using var http = factory.CreateClient();

        var response = await http.PostAsJsonAsync(ChatbotRoutes.AskStream, new QuestionRequest("What is CAPEX?"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains(StreamEventFields.CorrelationId, body);
        Assert.DoesNotContain("stack secrets", body);
    }

    [Fact]
    public async Task An_idle_stream_gets_heartbeat_comments()
    {
        var model = new RecordingChatClient { FirstTokenGate = new(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var factory = new ApiFactory().WithModel(model).With("Chatbot:Streaming:HeartbeatSeconds", "0.05");
        using var http = factory.CreateClient();
        using var response = await http.SendAsync(ChatbotClient.AskRequest("What is OPEX?"), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var beforeFirstToken = new System.Text.StringBuilder();
        while (!beforeFirstToken.ToString().Contains("\n\n: ping\n\n"))
        {
            beforeFirstToken.AppendLine(await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)));
        }
        model.FirstTokenGate.SetResult();
        var raw = beforeFirstToken + await reader.ReadToEndAsync();

        Assert.DoesNotContain("\"type\":\"token\"", beforeFirstToken.ToString());
        Assert.EndsWith("\n\n", raw);
        Assert.Contains("\"type\":\"complete\"", raw);
    }
}
