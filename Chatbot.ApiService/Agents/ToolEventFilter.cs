using System.Diagnostics;
using System.Text.Json;
using Chatbot.ApiService.Live;
using Chatbot.ApiService.Telemetry;
using Microsoft.SemanticKernel;

namespace Chatbot.ApiService.Agents;

/// <summary>
/// Emits <c>tool_start</c> and <c>tool_end</c> around every tool call (an SK function invocation
/// filter), and marks the call's one span, Microsoft.Extensions.AI's <c>execute_tool</c>, with the
/// tool's name and its failure.
/// </summary>
public sealed class ToolEventFilter(ChatbotMetrics metrics) : IFunctionInvocationFilter
{
    public async Task OnFunctionInvocationAsync(
        Microsoft.SemanticKernel.FunctionInvocationContext context,
        Func<Microsoft.SemanticKernel.FunctionInvocationContext, Task> next)
    {
        var run = RunContext.From(context.Kernel);
        var tool = context.Function.Name;
        run.Budget.CountToolCall();
        var span = Activity.Current?.SetTag(ChatbotActivities.ToolTag, tool);
        await run.Sink.ToolStartAsync(tool, DescribeArguments(context.Arguments), context.CancellationToken);
        try
        {
            await next(context);
        }
        catch (Exception exception)
        {
            span.RecordError(exception);
            metrics.ToolCalled(tool, "error");
            throw;
        }
        metrics.ToolCalled(tool, "ok");
        await run.Sink.ToolEndAsync(tool, context.Result.ToString(), context.CancellationToken);
    }

    private static string DescribeArguments(KernelArguments arguments) =>
        JsonSerializer.Serialize(arguments.Where(argument => argument.Value is not Kernel)
            .ToDictionary(argument => argument.Key, argument => argument.Value?.ToString()));
}
