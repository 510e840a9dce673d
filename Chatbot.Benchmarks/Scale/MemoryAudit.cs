using System.Net;
using System.Net.Http.Json;
using Chatbot.ApiService.Endpoints;
using Chatbot.ApiService.Memory;
using Chatbot.Benchmarks.Client;
using Chatbot.Contracts.Api;

namespace Chatbot.Benchmarks.Scale;

/// <summary>
/// Reads completed answers back from conversation memory, as their users would: <c>GET
/// conversations/{id}</c> with the same identity, through a live replica other than the one that
/// produced the answer. Both turns of the run must be there, the question as asked and the
/// answer, complete, exactly as it was streamed.
/// </summary>
public sealed class MemoryAudit(HttpClient http, IReadOnlyList<ApiReplica> replicas, string question)
{
    private const int Parallelism = 16;
    private const string ConversationsPath = "/api/v1/chatbot/conversations/";

    /// <summary>Each completed answer's problem in memory; those without one were found whole.</summary>
    public async Task<IReadOnlyDictionary<ScaleOutcome, string>> FindProblemsAsync(IEnumerable<ScaleOutcome> completed)
    {
        var problems = new Dictionary<ScaleOutcome, string>();
        await Parallel.ForEachAsync(completed, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (outcome, cancellationToken) =>
        {
            if (await ProblemAsync(outcome, cancellationToken) is { } problem)
            {
                lock (problems)
                {
                    problems[outcome] = problem;
                }
            }
        });
        return problems;
    }

    private async Task<string?> ProblemAsync(ScaleOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            using var request = ReadRequest(outcome);
            using var response = await http.SendAsync(request, cancellationToken);
            return response.StatusCode switch
            {
                HttpStatusCode.OK => Check(await response.Content.ReadFromJsonAsync<ConversationResponse>(cancellationToken), outcome),
                HttpStatusCode.NotFound => "conversation not found",
                _ => $"read answered HTTP {(int)response.StatusCode}",
            };
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return "read failed";
        }
    }

    private string? Check(ConversationResponse? conversation, ScaleOutcome outcome)
    {
        var turns = conversation?.Turns.Where(turn => turn.RunId == outcome.RunId).ToArray() ?? [];
        var asked = turns.Any(turn => turn.Role == ConversationTurn.User && turn.Content == question);
        var answer = turns.FirstOrDefault(turn => turn.Role == ConversationTurn.Assistant);
        return (asked, answer) switch
        {
            (false, null) => "both turns missing",
            (false, _) => "question turn missing",
            (_, null) => "answer turn missing",
            (_, { Incomplete: true }) => "answer marked incomplete",
            (_, { } turn) when turn.Content != outcome.Answer => "answer differs from the stream",
            _ => null,
        };
    }

    private HttpRequestMessage ReadRequest(ScaleOutcome outcome)
    {
        var reader = Reader(outcome.Producer);
        var request = new HttpRequestMessage(HttpMethod.Get, reader.Server.BaseUrl + ConversationsPath + Uri.EscapeDataString(outcome.ConversationId));
        foreach (var (name, value) in reader.Target.Headers.Where(header => header.Key != StreamTarget.UserHeader))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        // The user the stream was asked as (StreamTarget names its users so).
        request.Headers.TryAddWithoutValidation(StreamTarget.UserHeader, $"bench-user-{outcome.User}");
        return request;
    }

    /// <summary>The next live replica after the producer: another process than the one that wrote the turns, when one is left.</summary>
    private ApiReplica Reader(int producer) =>
        Enumerable.Range(1, replicas.Count).Select(step => replicas[(producer + step) % replicas.Count]).First(replica => replica.IsAlive);
}
