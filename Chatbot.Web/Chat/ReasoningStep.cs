namespace Chatbot.Web.Chat;

/// <summary>One entry of an answer's reasoning timeline.</summary>
public sealed class ReasoningStep(ReasoningStepKind kind, string title, string detail)
{
    public ReasoningStepKind Kind { get; } = kind;

    /// <summary>The agent or tool name; "Thinking" for reasoning text.</summary>
    public string Title { get; } = title;

    /// <summary>Thinking text, or a tool's input.</summary>
    public string Detail { get; set; } = detail;

    /// <summary>A tool's result once it ended.</summary>
    public string? Result { get; set; }
}

public enum ReasoningStepKind
{
    Agent,
    Tool,
    Thinking,
}
