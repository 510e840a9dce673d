namespace Chatbot.ApiService.Tools;

/// <summary>
/// The names the agent team and any model share: each specialist's tool plugin (and the
/// specialist's own name), and the manager's functions: its hand-offs and its finish.
/// </summary>
public static class ToolNames
{
    public const string Knowledge = "knowledge";
    public const string Portfolio = "portfolio";
    public const string Finance = "finance";

    /// <summary>The manager hands a question on by calling <c>transfer_to_{specialist}</c>.</summary>
    public const string HandoffPrefix = "transfer_to_";

    /// <summary>The manager ends the answer by calling <c>finish</c> once every part of the question is answered.</summary>
    public const string Finish = "finish";
}
