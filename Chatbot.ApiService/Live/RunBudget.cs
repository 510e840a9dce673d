using System.ComponentModel.DataAnnotations;
using Chatbot.Contracts.Streaming;

namespace Chatbot.ApiService.Live;

/// <summary>
/// One run's budget. Exceeding it cancels the run's token with a reason, so the producer ends
/// the stream with an <c>error</c> event and keeps what was produced.
/// </summary>
public sealed class RunBudget : IDisposable
{
    private readonly RunBudgetOptions _options;
    private readonly CancellationTokenSource _exceeded = new();
    private int _toolCalls;
    private string? _reason;

    public RunBudget(RunBudgetOptions options)
    {
        _options = options;
        _exceeded.CancelAfter(options.MaxRunTime);
    }

    public CancellationToken Token => _exceeded.Token;

    /// <summary>Which limit stopped the run: tool_calls, output_tokens or run_time.</summary>
    public string? ExceededLimit => _exceeded.IsCancellationRequested ? Volatile.Read(ref _reason) ?? StreamErrorCodes.BudgetLimits.RunTime : null;

    public void CountToolCall()
    {
        if (Interlocked.Increment(ref _toolCalls) > _options.MaxToolCalls)
        {
            Exceed(StreamErrorCodes.BudgetLimits.ToolCalls);
        }
    }

    public void CountOutputTokens(int total)
    {
        if (total > _options.MaxOutputTokens)
        {
            Exceed(StreamErrorCodes.BudgetLimits.OutputTokens);
        }
    }

    public void Dispose() => _exceeded.Dispose();

    private void Exceed(string limit)
    {
        Interlocked.CompareExchange(ref _reason, limit, null);
        _exceeded.Cancel();
        _exceeded.Token.ThrowIfCancellationRequested();
    }
}

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
