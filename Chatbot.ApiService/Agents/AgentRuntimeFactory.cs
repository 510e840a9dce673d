using System.Diagnostics;
using System.Security.Cryptography;
using Chatbot.ApiService.Llm;
using Chatbot.ApiService.Telemetry;
using Chatbot.ApiService.Tools;
using Microsoft.SemanticKernel;

namespace Chatbot.ApiService.Agents;

/// <summary>Builds the agent team: kernels with their plugins and filter, over the model's pipelines.</summary>
public sealed class AgentRuntimeFactory(KnowledgeBase knowledge, AssetCatalog assets, ChatbotMetrics metrics, ILogger<AgentRuntime> logger)
{
    /// <summary>Builds a runtime over the model's ready pipelines (<see cref="ModelPipelines"/>).</summary>
    public AgentRuntime Create(ModelClients model)
    {
        var started = Stopwatch.GetTimestamp();

        Specialist[] specialists =
        [
            new Specialist(ToolNames.Knowledge,
                "Explains energy concepts: solar PV, CAPEX, OPEX, payback, tariffs, EV charging, battery storage.",
                "You explain energy concepts for a business audience. Use the search_knowledge tool and answer from what it returns, briefly, in markdown.",
                KernelWith(new KnowledgeTools(knowledge))),
            new Specialist(ToolNames.Portfolio,
                "Answers questions about the user's own PV systems, charge points and battery storage.",
                "You report on the user's own assets. Use list_my_assets or get_asset; never guess figures. Answer in markdown.",
                KernelWith(new PortfolioTools(assets))),
            new Specialist(ToolNames.Finance,
                "Calculates CAPEX estimates and payback periods from the user's numbers.",
                "You calculate CAPEX and payback with the tools and explain the result in two or three sentences.",
                KernelWith(new FinanceTools(), new KnowledgeTools(knowledge))),
        ];

        return new AgentRuntime(NewRuntimeId(), specialists, model.Routing, model.Answering, Stopwatch.GetElapsedTime(started), logger);
    }

    private Kernel KernelWith(params object[] plugins)
    {
        var kernel = new Kernel();
        foreach (var plugin in plugins)
        {
            kernel.Plugins.AddFromObject(plugin, PluginName(plugin));
        }
        kernel.FunctionInvocationFilters.Add(new ToolEventFilter(metrics));
        return kernel;
    }

    private static string PluginName(object plugin) => plugin switch
    {
        KnowledgeTools => ToolNames.Knowledge,
        PortfolioTools => ToolNames.Portfolio,
        FinanceTools => ToolNames.Finance,
        _ => plugin.GetType().Name,
    };

    /// <summary>A positive 48-bit number, distinct across replicas (the seed used the object's address).</summary>
    private static long NewRuntimeId() => RandomNumberGenerator.GetInt32(1, int.MaxValue) * 65_536L + RandomNumberGenerator.GetInt32(65_536);
}
