using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Llm.Offline;

/// <summary>The offline model's decision to call tools, all in one turn, and why.</summary>
public sealed record OfflinePlan(string Reasoning, IReadOnlyList<FunctionCallContent> Calls);
