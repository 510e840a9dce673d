using Chatbot.Benchmarks.Client;
using Chatbot.Benchmarks.Hosting;

namespace Chatbot.Benchmarks.Scale;

/// <summary>
/// Several API processes on one Redis Cluster, as behind a load balancer: they share the
/// gateway's secret, so any replica believes any client's identity headers and resumes any run.
/// Disposing stops every one still running.
/// </summary>
public sealed class ApiReplicaSet : IAsyncDisposable
{
    private const string GatewaySecretSetting = "Chatbot__Auth__GatewaySecret";

    private readonly List<ApiReplica> _replicas = [];
    private readonly ApiServerOptions _options;
    private readonly string _question;
    private readonly string _gatewaySecret = Guid.NewGuid().ToString("N");

    private ApiReplicaSet(ApiServerOptions options, string question)
    {
        _options = options with { Environment = new Dictionary<string, string>(options.Environment) { [GatewaySecretSetting] = _gatewaySecret } };
        _question = question;
    }

    public IReadOnlyList<ApiReplica> Replicas => _replicas;

    public IEnumerable<ApiReplica> Alive => _replicas.Where(replica => replica.IsAlive);

    public static async Task<ApiReplicaSet> StartAsync(int count, ApiServerOptions options, string question)
    {
        var set = new ApiReplicaSet(options, question);
        var starting = Enumerable.Range(0, count).Select(_ => ApiServer.StartAsync(set._options)).ToArray();
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            // The ones that did start must not outlive the benchmark.
            foreach (var started in starting.Where(task => task.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }
            throw;
        }
        set._replicas.AddRange(starting.Select((task, index) => set.Replica(task.Result, index)));
        return set;
    }

    /// <summary>A new process in a killed replica's place, as an orchestrator would start one.</summary>
    public async Task ReplaceAsync(int index)
    {
        if (_replicas[index].IsAlive)
        {
            throw new InvalidOperationException($"{_replicas[index].Name} still runs.");
        }
        _replicas[index] = Replica(await ApiServer.StartAsync(_options), index);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }
    }

    private ApiReplica Replica(ApiServer server, int index) =>
        new(index, server, StreamTarget.Api(server.BaseUrl, _question, _gatewaySecret).AsResumable());
}
