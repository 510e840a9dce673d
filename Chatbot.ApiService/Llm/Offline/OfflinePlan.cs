using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Llm.Offline;

/// <summary>The offline model's decision to call one tool, and why.</summary>
public sealed record OfflinePlan(string Reasoning, FunctionCallContent Call);
