using System.Diagnostics;
using System.Security.Cryptography;
using Chatbot.ApiService.Llm;
using Chatbot.ApiService.Telemetry;
using Chatbot.ApiService.Tools;
using Chatbot.ApiService.Tools.Knowledge;
using Chatbot.ApiService.Tools.Portfolio;
using Microsoft.SemanticKernel;

namespace Chatbot.ApiService.Agents;

/// <summary>
/// Builds the process's one agent runtime (the seed's GraphCompiler singleton): lazily, for the
/// first caller, prewarm or request, exactly once however many arrive together. A failed
/// creation is forgotten so the next caller tries again.
/// </summary>
public sealed class AgentRuntimeProvider(KnowledgeLibrary knowledge, IPortfolioSource portfolio, ModelClients model, ChatbotMetrics metrics, ILogger<AgentRuntime> logger)
{
    private readonly Lock _gate = new();
    private Task<AgentRuntime>? _creation;
    private int _creations;
    private long _reuses;

    public bool IsInitialized => _creation is { IsCompletedSuccessfully: true };

    /// <summary>How many runtimes this process has built; stays 1.</summary>
    public int Creations => Volatile.Read(ref _creations);

    /// <summary>How many callers were served a runtime they did not start building.</summary>
    public long Reuses => Interlocked.Read(ref _reuses);

    public AgentRuntime? Current => _creation is { IsCompletedSuccessfully: true } creation ? creation.Result : null;

    public Task<AgentRuntime> GetAsync()
    {
        var creation = Volatile.Read(ref _creation);
        if (creation is not { IsCompletedSuccessfully: true })
        {
            lock (_gate)
            {
                if (_creation is null || _creation.IsFaulted || _creation.IsCanceled)
                {
                    _creation = Task.Run(Create);
                    return _creation;
                }
                creation = _creation;
            }
        }
        // Served by the runtime that exists or is being built by someone else.
        Interlocked.Increment(ref _reuses);
        metrics.RuntimeReused();
        return creation;
    }

    private AgentRuntime Create()
    {
        var number = Interlocked.Increment(ref _creations);
        metrics.RuntimeCreated();
        logger.LogInformation("Creating agent runtime #{Number}", number);
        var runtime = Build();
        logger.LogInformation("Agent runtime #{Number} (id {AgentId}) created in {ElapsedMs:F1} ms",
            number, runtime.Id, runtime.BuildTime.TotalMilliseconds);
        return runtime;
    }

    /// <summary>The team: kernels with their plugins and filter, over the model's ready pipelines (<see cref="ModelPipelines"/>).</summary>
    private AgentRuntime Build()
    {
        var started = Stopwatch.GetTimestamp();

        Specialist[] specialists =
        [
            new Specialist(ToolNames.Knowledge,
                "Answers from the operator's documents and explains energy concepts: solar PV, CAPEX, OPEX, payback, tariffs, EV charging, battery storage.",
                "You answer from the operator's documents for a business audience. Use the search_knowledge tool and answer from the passages it returns, briefly, in markdown. "
                + "Cite every passage you use as the tool gives its source, e.g. (Source: capex.md › What CAPEX covers): name the document and the heading. "
                + "If no passage answers the question, say so.",
                KernelWith(new KnowledgeTools(knowledge))),
            new Specialist(ToolNames.Portfolio,
                "Answers questions about the user's own PV systems, charge points and battery storage.",
                "You report on the user's own assets. Use list_my_assets or get_asset; never guess figures. Answer in markdown.",
                KernelWith(new PortfolioTools(portfolio))),
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
