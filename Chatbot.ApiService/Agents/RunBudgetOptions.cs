namespace Chatbot.ApiService.Agents;

/// <summary><c>Chatbot:Budget</c>: what one answer may cost before it is stopped.</summary>
public sealed class RunBudgetOptions
{
    public const string Section = "Chatbot:Budget";

    public int MaxToolCalls { get; set; } = 8;

    public int MaxOutputTokens { get; set; } = 4_000;

    public TimeSpan MaxRunTime { get; set; } = TimeSpan.FromMinutes(2);
}
