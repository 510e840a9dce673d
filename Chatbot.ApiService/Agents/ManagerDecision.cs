using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Agents;

/// <summary>
/// One manager turn's outcome: the hand-offs in call order, every function it called (each needs
/// a result if the manager is asked again), and whether it called <c>finish</c>.
/// </summary>
public sealed record ManagerDecision(IReadOnlyList<Handoff> Handoffs, IReadOnlyList<FunctionCallContent> Calls, bool Finished);
