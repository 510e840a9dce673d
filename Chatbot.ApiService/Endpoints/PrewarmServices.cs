using Chatbot.ApiService.Agents;
using Chatbot.ApiService.Llm;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Prewarm;
using Chatbot.ApiService.Stores;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Endpoints;

/// <summary>What <c>/prewarm</c> needs, bound as one parameter (<c>[AsParameters]</c>).</summary>
public sealed record PrewarmServices(
    PrewarmService Prewarm,
    AgentRuntimeProvider Runtimes,
    IConversationStore Memory,
    StoreStatus Stores,
    IOptions<LlmOptions> Llm,
    IOptions<RequestLimits> Limits,
    ILogger<PrewarmService> Logger);
