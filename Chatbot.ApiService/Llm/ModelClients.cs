using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Llm;

/// <summary>
/// The model as the agents call it: <see cref="Routing"/> for the manager's hand-off (no tools run),
/// <see cref="Answering"/> for the specialists (tools invoked). Both traced and retried on throttling.
/// <see cref="Provider"/> names the model behind them in logs and metrics.
/// </summary>
public sealed record ModelClients(IChatClient Routing, IChatClient Answering, string Provider);
