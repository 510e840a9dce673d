using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Agents;

/// <summary>The manager's call to a <c>transfer_to_*</c> declaration, and the specialist it names.</summary>
public sealed record Handoff(FunctionCallContent Call, Specialist Specialist);
