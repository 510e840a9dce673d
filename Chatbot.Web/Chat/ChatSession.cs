using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;
using Chatbot.Contracts.Streams;
using Chatbot.Web.Api;
using Chatbot.Web.Identity;

namespace Chatbot.Web.Chat;

/// <summary>
/// One chat page's state and what a user can do with it: ask, retry, stop, resume an answer left
/// mid-stream, open a stored conversation, start a new one. The page only lays it out and keeps
/// the URL in step (<see cref="LocationChanged"/>); everything here is testable without rendering.
/// </summary>
public sealed class ChatSession(ChatbotApiClient api, ChatStreamClient answers, UserIdentity identity, ILogger logger) : IDisposable
{
    private readonly List<ChatMessage> _messages = [];
    private readonly HashSet<string> _loadedRunIds = [];
    private readonly CancellationTokenSource _disposed = new();
    private readonly RunCanceller _runs = new(api, identity, logger);
    private CancellationTokenSource? _streaming;
    private string? _lastQuestion;

    public IReadOnlyList<ChatMessage> Messages => _messages;

    public ConversationList Conversations { get; } = new(api, identity, logger);

    public string ConversationId { get; private set; } = NewConversationId();

    /// <summary>The run answering right now, which a reload should pick up again.</summary>
    public string? RunInProgress { get; private set; }

    public Readiness Readiness { get; private set; } = Readiness.Warming;

    public bool Offline { get; private set; }

    public bool ShowReasoning { get; set; }

    public string? Error { get; private set; }

    public bool IsStreaming => _streaming is not null;

    /// <summary>Something to show changed; <c>true</c>: show it at once, <c>false</c>: the page may batch renders.</summary>
    public event Action<bool>? Changed;

    /// <summary>The conversation or the run in progress changed: the page puts them in its URL.</summary>
    public event Action? LocationChanged;

    public async Task WarmUpAsync(string? conversationId)
    {
        try
        {
            var status = await api.PrewarmAsync(identity, conversationId, _disposed.Token);
            Readiness = status?.Status == PrewarmResponse.Ready ? Readiness.Ready : Readiness.Warming;
            Offline = status?.Offline ?? false;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("Prewarm failed: {Message}", exception.Message);
            Readiness = Readiness.Unavailable;
        }
        Changed?.Invoke(true);
    }

    /// <summary>Shows a stored conversation and starts picking up the answer that was streaming when the page was left.</summary>
    public async Task OpenAsync(string conversationId, string? runInProgress)
    {
        ConversationId = conversationId;
        await LoadAsync(conversationId);
        if (runInProgress is not null && !_loadedRunIds.Contains(runInProgress))
        {
            RunInProgress = runInProgress;
            _ = ResumeAsync(runInProgress);
        }
        else if (runInProgress is not null)
        {
            SetRunInProgress(null); // it finished meanwhile: the history has it
        }
    }

    public async Task SendAsync(string question)
    {
        if (IsStreaming || string.IsNullOrWhiteSpace(question))
        {
            return;
        }
        _messages.Add(new ChatMessage(ChatRole.User, question));
        await AskAsync(question);
    }

    public async Task RetryAsync()
    {
        if (_lastQuestion is null || IsStreaming)
        {
            return;
        }
        if (_messages.LastOrDefault() is { Role: ChatRole.Assistant, Incomplete: true } failed)
        {
            _messages.Remove(failed);
            // Its run may still be going in the API (only this connection was lost): not worth paying for twice.
            _ = CancelRunAsync(failed.RunId);
        }
        await AskAsync(_lastQuestion);
    }

    /// <summary>Cancels the run in the API (it outlives this connection), then stops reading.</summary>
    public async Task StopAsync()
    {
        if (_streaming is not { } streaming)
        {
            return;
        }
        await CancelRunAsync(StreamingRunId);
        if (_streaming == streaming)
        {
            streaming.Cancel();
        }
    }

    public void NewChat()
    {
        // The old answer is not wanted any more: cancel its run without waiting for the API.
        _ = CancelRunAsync(StreamingRunId);
        _streaming?.Cancel();
        _messages.Clear();
        Error = null;
        _lastQuestion = null;
        ConversationId = NewConversationId();
        RunInProgress = null;
    }

    /// <summary>Erases a conversation for good; the open one is replaced by a new chat. Returns whether it was the open one.</summary>
    public async Task<bool> DeleteConversationAsync(string conversationId)
    {
        if (!await Conversations.DeleteAsync(conversationId, _disposed.Token))
        {
            Error = "The conversation could not be deleted.";
            return false;
        }
        if (conversationId != ConversationId)
        {
            return false;
        }
        NewChat();
        return true;
    }

    public async Task RefreshConversationsAsync()
    {
        if (await Conversations.RefreshAsync(_disposed.Token))
        {
            Changed?.Invoke(true);
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    /// <summary>Every request of an answer's stream (the question, each resume) goes as the signed-in user.</summary>
    private StreamCallOptions AsUser => new() { Prepare = request => identity.Apply(request) };

    private string? StreamingRunId => _messages.LastOrDefault(message => message.IsStreaming)?.RunId;

    private Task AskAsync(string question)
    {
        _lastQuestion = question;
        LocationChanged?.Invoke(); // the conversation now exists: its id goes into the URL
        // The level is always named: a request without one gets the server's configured default.
        var ask = new AskStreamRequest(question, ConversationId) { Level = ShowReasoning ? 2 : 1 };
        return StreamAnswerAsync(token => answers.AskAsync(ask, AsUser, token));
    }

    /// <summary>The run's stream from its start (its first event brings the question); nothing to resume leaves the history as it is.</summary>
    private async Task ResumeAsync(string runId)
    {
        if (IsStreaming)
        {
            return;
        }
        var question = new ChatMessage(ChatRole.User);
        _messages.Add(question);
        await StreamAnswerAsync(token => answers.ResumeAsync(runId, after: 0, AsUser, token), question);
        if (question.Text.Length == 0)
        {
            _messages.RemoveAll(message => message == question || (message.Role == ChatRole.Assistant && message.Text.Length == 0 && message.Incomplete));
            Error = null;
            Changed?.Invoke(true);
        }
    }

    /// <param name="resumedQuestion">Filled from the stream's start event when the page resumes a run it did not ask.</param>
    private async Task StreamAnswerAsync(Func<CancellationToken, IAsyncEnumerable<ChatStreamEvent>> events, ChatMessage? resumedQuestion = null)
    {
        Error = null;
        var answer = new ChatMessage(ChatRole.Assistant) { IsStreaming = true, ConversationId = ConversationId };
        _messages.Add(answer);
        _streaming = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
        try
        {
            await ReadAnswerAsync(events(_streaming.Token), answer, resumedQuestion);
        }
        catch (OperationCanceledException) when (_streaming.IsCancellationRequested)
        {
            answer.Incomplete = true;
        }
        catch (ChatStreamException exception)
        {
            Fail(answer, exception.Message);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or System.Net.Sockets.SocketException or System.Text.Json.JsonException)
        {
            logger.LogWarning("Answer stream broke: {Message}", exception.Message);
            Fail(answer, ChatStreamException.LostMessage);
        }
        finally
        {
            answer.IsStreaming = false;
            answer.IsReconnecting = false;
            answer.Touch();
            _streaming.Dispose();
            _streaming = null;
            SetRunInProgress(null);
        }
        Changed?.Invoke(true);
        await RefreshConversationsAsync();
    }

    private async Task ReadAnswerAsync(IAsyncEnumerable<ChatStreamEvent> events, ChatMessage answer, ChatMessage? resumedQuestion)
    {
        await foreach (var streamEvent in events)
        {
            var hadRun = answer.RunId is not null;
            var outcome = StreamEventApplier.Apply(streamEvent, answer);
            if (!hadRun && answer.RunId is { } runId)
            {
                StartedRun(runId, streamEvent, resumedQuestion);
            }
            if (outcome.Error is not null)
            {
                Fail(answer, outcome.CorrelationId is null ? outcome.Error : $"{outcome.Error} (reference {outcome.CorrelationId})");
            }
            if (outcome.IsTerminal)
            {
                return;
            }
            Changed?.Invoke(answer.IsReconnecting);
        }
    }

    private void Fail(ChatMessage answer, string message)
    {
        answer.Incomplete = true;
        Error = message;
    }

    private Task CancelRunAsync(string? runId) => _runs.CancelAsync(runId, _disposed.Token);

    /// <summary>The run goes into the URL while it answers, so a reload picks the answer up again.</summary>
    private void StartedRun(string runId, ChatStreamEvent start, ChatMessage? resumedQuestion)
    {
        if (resumedQuestion is { Text.Length: 0 } && start.Field(StreamEventFields.Question) is { } question)
        {
            resumedQuestion.Append(question);
            _lastQuestion = question;
        }
        SetRunInProgress(runId);
    }

    private void SetRunInProgress(string? runId)
    {
        if (RunInProgress != runId)
        {
            RunInProgress = runId;
            LocationChanged?.Invoke();
        }
    }

    private async Task LoadAsync(string conversationId)
    {
        _messages.Clear();
        _loadedRunIds.Clear();
        Error = null;
        try
        {
            var conversation = await api.GetConversationAsync(identity, conversationId, _disposed.Token);
            _messages.AddRange((conversation?.Turns ?? []).Select(turn => ChatMessage.FromStored(turn, conversationId)));
            _loadedRunIds.UnionWith(_messages.Select(message => message.RunId).OfType<string>());
        }
        catch (HttpRequestException exception)
        {
            logger.LogWarning("Loading conversation failed: {Message}", exception.Message);
            Error = "This conversation could not be loaded.";
        }
    }

    private static string NewConversationId() => Guid.NewGuid().ToString("N");
}
