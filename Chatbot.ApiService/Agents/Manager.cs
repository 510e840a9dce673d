using System.Text.Json;
using Chatbot.ApiService.Tools;
using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Agents;

/// <summary>
/// Routes each question to one specialist: the model is offered one <c>transfer_to_*</c>
/// function per specialist (declarations only, never invoked) and the call it makes names the
/// specialist. A model that calls none gets the first specialist.
/// </summary>
public sealed class Manager
{
    public const string Name = "manager";

    private const string Instructions =
        "You are the manager of an energy-management assistant. Read the conversation and call exactly one "
        + "transfer function to hand the latest question to the specialist best suited to answer it. Do not answer yourself.";

    private static readonly JsonElement NoParameters = JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement;

    private readonly IReadOnlyList<Specialist> _specialists;
    private readonly ChatOptions _options;

    public Manager(IReadOnlyList<Specialist> specialists)
    {
        _specialists = specialists;
        _options = new ChatOptions
        {
            Tools = specialists
                .Select(AITool (specialist) => AIFunctionFactory.CreateDeclaration(ToolNames.HandoffPrefix + specialist.Name, specialist.Description, NoParameters))
                .ToList(),
            ToolMode = ChatToolMode.Auto,
        };
    }

    public IReadOnlyList<Specialist> Specialists => _specialists;

    public async Task<Specialist> RouteAsync(IChatClient chat, IReadOnlyList<ChatMessage> conversation, RunContext run, CancellationToken cancellationToken)
    {
        IEnumerable<ChatMessage> messages = [new ChatMessage(ChatRole.System, Instructions), .. conversation];
        Specialist? chosen = null;
        // Read to the end even after the hand-off: some providers send usage after the call.
        await foreach (var update in chat.GetStreamingResponseAsync(messages, _options, cancellationToken))
        {
            foreach (var content in update.Contents)
            {
                if (content is FunctionCallContent call && chosen is null && Find(call.Name) is { } specialist)
                {
                    chosen = specialist;
                }
                else
                {
                    await AgentUpdateWriter.WriteReasoningAsync(content, run, cancellationToken);
                }
            }
        }
        return chosen ?? _specialists[0];
    }

    private Specialist? Find(string functionName) =>
        _specialists.FirstOrDefault(specialist => functionName == ToolNames.HandoffPrefix + specialist.Name);
}
