using System.ComponentModel.DataAnnotations;

namespace Chatbot.ApiService.Agents;

/// <summary><c>Chatbot:Budget</c>: what one answer may cost before it is stopped.</summary>
public sealed class RunBudgetOptions
{
    public const string Section = "Chatbot:Budget";

    [Range(0, int.MaxValue, ErrorMessage = Section + ":MaxToolCalls must not be negative.")]
    public int MaxToolCalls { get; set; } = 8;

    [Range(1, int.MaxValue, ErrorMessage = Section + ":MaxOutputTokens must be at least 1.")]
    public int MaxOutputTokens { get; set; } = 4_000;

    [Range(typeof(TimeSpan), "00:00:00", "10675199.02:48:05.4775807", MinimumIsExclusive = true, ErrorMessage = Section + ":MaxRunTime must be positive.")]
    public TimeSpan MaxRunTime { get; set; } = TimeSpan.FromMinutes(2);
}
