namespace Chatbot.Contracts.Streaming;

/// <summary>The <c>code</c> of an <c>error</c> event: why the answer ended before <c>complete</c>.</summary>
public static class StreamErrorCodes
{
    /// <summary>Stopped: the client left (ordinary stream) or asked to stop (resumable run).</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The replica producing a resumable run died; what was written is all there is.</summary>
    public const string Interrupted = "interrupted";

    /// <summary>The answer failed; the log has the cause under the correlation id.</summary>
    public const string AgentFailed = "agent_failed";

    /// <summary>The replica shut down before the answer finished.</summary>
    public const string ServerRestarting = "server_restarting";

    /// <summary>Followed by <c>:tool_calls</c>, <c>:output_tokens</c> or <c>:run_time</c>: the answer's budget was spent.</summary>
    public const string BudgetExceededPrefix = "budget_exceeded:";

    /// <summary>The budget limits that follow <see cref="BudgetExceededPrefix"/>.</summary>
    public static class BudgetLimits
    {
        public const string ToolCalls = "tool_calls";
        public const string OutputTokens = "output_tokens";
        public const string RunTime = "run_time";
    }
}
