using System.Text;
using Chatbot.ApiService.Live;
using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Agents;

/// <summary>
/// The one place a model's streamed updates enter the run, for one agent's turn: a specialist's
/// text as tokens (after <c>separator</c>, once), reasoning as thinking, usage and model calls
/// into <see cref="RunContext.Usage"/>, and output tokens checked against the budget as they are
/// spent. A specialist's turn goes through the function-invoking pipeline, which calls the model
/// once more after each batch of tool results it sends back: that is how its calls are counted.
/// </summary>
public sealed class ModelUpdateWriter
{
    private readonly RunContext _run;
    private readonly string _agent;
    private readonly bool _streamsText;
    private readonly StringBuilder _text = new();
    private string _separator;
    private bool _afterToolResults;

    public ModelUpdateWriter(RunContext run, string agent, bool streamsText, string separator = "")
    {
        (_run, _agent, _streamsText, _separator) = (run, agent, streamsText, separator);
        run.Usage.ModelCalled(agent);
    }

    /// <summary>The text streamed as tokens, without the separator.</summary>
    public string Text => _text.ToString();

    public async ValueTask WriteAsync(ChatResponseUpdate update, CancellationToken cancellationToken)
    {
        CountModelCall(update);
        foreach (var content in update.Contents)
        {
            switch (content)
            {
                case TextContent { Text.Length: > 0 } text when _streamsText:
                    await WriteTokenAsync(text.Text, cancellationToken);
                    break;
                case TextReasoningContent { Text.Length: > 0 } reasoning:
                    await _run.Sink.ThinkingAsync(reasoning.Text, cancellationToken);
                    break;
                case UsageContent usage:
                    _run.Usage.Add(_agent, usage.Details);
                    break;
            }
        }
    }

    private void CountModelCall(ChatResponseUpdate update)
    {
        var toolResults = update.Contents.Any(content => content is FunctionResultContent);
        if (_afterToolResults && !toolResults)
        {
            _run.Usage.ModelCalled(_agent);
        }
        _afterToolResults = toolResults;
    }

    private async ValueTask WriteTokenAsync(string text, CancellationToken cancellationToken)
    {
        if (_separator.Length > 0)
        {
            await _run.Sink.TokenAsync(_separator, cancellationToken);
            _separator = "";
        }
        _text.Append(text);
        await _run.Sink.TokenAsync(text, cancellationToken);
        _run.Budget.CountOutputTokens(_run.Sink.OutputTokens);
    }
}
