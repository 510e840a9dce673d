using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Agents;

/// <summary>Turns a model's streaming update into stream events: text to tokens, reasoning to thinking.</summary>
public static class AgentUpdateWriter
{
    public static async ValueTask WriteAsync(ChatResponseUpdate update, RunContext run, CancellationToken cancellationToken)
    {
        foreach (var content in update.Contents)
        {
            switch (content)
            {
                case TextContent text when text.Text is { Length: > 0 }:
                    await run.Sink.TokenAsync(text.Text, cancellationToken);
                    run.Budget.CountOutputTokens(run.Sink.OutputTokens);
                    break;
                default:
                    await WriteReasoningAsync(content, run, cancellationToken);
                    break;
            }
        }
    }

    /// <summary>Reasoning to thinking events and usage to the run's count; any other content is left alone.</summary>
    public static async ValueTask WriteReasoningAsync(AIContent content, RunContext run, CancellationToken cancellationToken)
    {
        switch (content)
        {
            case TextReasoningContent reasoning when reasoning.Text is { Length: > 0 }:
                await run.Sink.ThinkingAsync(reasoning.Text, cancellationToken);
                break;
            case UsageContent usage:
                run.AddUsage(usage.Details);
                break;
        }
    }
}
