using Chatbot.ApiService.Runs.Redis;
using Chatbot.Benchmarks.Hosting;

namespace Chatbot.Benchmarks.Scale;

/// <summary>
/// What Redis says about runs whose streams ended oddly: the state in the run's record
/// (<see cref="RedisRunKeys.Record"/>, field <c>state</c>), or that there is no record at all.
/// </summary>
public static class RunRecordProbe
{
    public const string Absent = "no record";
    private const string StateField = "state";

    public static async Task<IReadOnlyDictionary<string, string>> ReadStatesAsync(RedisCluster cluster, IEnumerable<string> runIds)
    {
        var states = new Dictionary<string, string>();
        foreach (var runId in runIds.Distinct())
        {
            var state = await cluster.Database.HashGetAsync(RedisRunKeys.Record(runId), StateField);
            states[runId] = state.IsNull ? Absent : state.ToString();
        }
        return states;
    }
}
