using System.Text;
using Chatbot.Contracts.Api;

namespace Chatbot.Web.Chat;

/// <summary>One bubble of the chat: the user's question or the assistant's (possibly streaming) answer.</summary>
public sealed class ChatMessage(ChatRole role, string text = "")
{
    private readonly StringBuilder _text = new(text);
    private bool _reconnecting;

    public Guid Id { get; } = Guid.NewGuid();

    public ChatRole Role { get; } = role;

    public string Text => _text.ToString();

    public List<ReasoningStep> Reasoning { get; } = [];

    public bool IsStreaming { get; set; }

    /// <summary>The API's run producing this answer, from its <c>start</c> event; what Stop cancels.</summary>
    public string? RunId { get; set; }

    /// <summary>The conversation it belongs to; with <see cref="RunId"/>, what addresses an answer's feedback.</summary>
    public string? ConversationId { get; init; }

    /// <summary>The user's vote on this answer as the API keeps it; null for none.</summary>
    public FeedbackResponse? Feedback { get; set; }

    /// <summary>The answer's stream broke and is being resumed.</summary>
    public bool IsReconnecting
    {
        get => _reconnecting;
        set
        {
            if (_reconnecting != value)
            {
                _reconnecting = value;
                Version++;
            }
        }
    }

    /// <summary>Ended before <c>complete</c> (stopped or failed); what arrived is kept.</summary>
    public bool Incomplete { get; set; }

    /// <summary>The document passages the answer drew on, from its <c>complete</c> event or its stored turn.</summary>
    public IReadOnlyList<AnswerSource> Sources { get; private set; } = [];

    /// <summary>Bumped on every change, so the message's component knows when to render again.</summary>
    public int Version { get; private set; }

    public void Append(string token)
    {
        _text.Append(token);
        Version++;
    }

    public void AddStep(ReasoningStep step)
    {
        Reasoning.Add(step);
        Version++;
    }

    /// <summary>Attaches a tool's result to its open <c>tool_start</c> step.</summary>
    public void CompleteTool(string tool, string result)
    {
        var step = Reasoning.LastOrDefault(candidate => candidate.Kind == ReasoningStepKind.Tool && candidate.Title == tool && candidate.Result is null);
        if (step is null)
        {
            AddStep(new ReasoningStep(ReasoningStepKind.Tool, tool, "") { Result = result });
            return;
        }
        step.Result = result;
        Version++;
    }

    public void Touch() => Version++;

    public void Cite(IReadOnlyList<AnswerSource> sources)
    {
        Sources = sources;
        Version++;
    }

    /// <summary>A turn of a stored conversation, as a finished bubble.</summary>
    public static ChatMessage FromStored(TurnResponse turn, string conversationId) =>
        new(turn.Role == TurnResponse.UserRole ? ChatRole.User : ChatRole.Assistant, turn.Content)
        {
            Incomplete = turn.Incomplete,
            RunId = turn.RunId,
            Sources = turn.Sources ?? [],
            ConversationId = conversationId,
            Feedback = turn.Feedback,
        };
}

public enum ChatRole
{
    User,
    Assistant,
}
