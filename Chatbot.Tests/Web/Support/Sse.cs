using System.Net;
using System.Text.Json;
using Chatbot.Contracts.Streaming;

namespace Chatbot.Tests.Web.Support;

/// <summary>Builds the API's stream frames and responses, as the resumable-stream contract describes them.</summary>
public static class Sse
{
    public const string RunId = "run-1";

    public static string Start(long seq, string question = "What is CAPEX?") => Frame(seq, new { type = StreamEventTypes.Start, conversation_id = "c1", run_id = RunId, question, seq });

    public static string Token(long seq, string content) => Frame(seq, new { type = StreamEventTypes.Token, content, seq });

    public static string Complete(long seq) => Frame(seq, new { type = StreamEventTypes.Complete, seq });

    public static string Error(long seq, string code, string message) => Frame(seq, new { type = StreamEventTypes.Error, message, code, correlation_id = RunId, seq });

    /// <summary>Tokens <paramref name="from"/>..<paramref name="to"/>, each "tN " with seq N.</summary>
    public static string Tokens(long from, long to) =>
        string.Concat(Enumerable.Range((int)from, (int)(to - from + 1)).Select(seq => Token(seq, $"t{seq} ")));

    public static HttpResponseMessage Stream(string frames, BodyEnding ending, bool resumable = true) => new(HttpStatusCode.OK)
    {
        Content = new StreamContent(new ScriptedSseBody(frames, ending)),
        Headers =
        {
            { StreamHeaders.RunId, RunId },
            { StreamHeaders.ResumableRun, resumable ? "true" : "false" },
        },
    };

    public static HttpResponseMessage Problem(HttpStatusCode status, string detail) => new(status)
    {
        Content = new StringContent(JsonSerializer.Serialize(new { title = "Problem", status = (int)status, detail }), null, "application/problem+json"),
    };

    private static string Frame(long seq, object data) =>
        $"id: {seq}\nevent: {JsonSerializer.SerializeToElement(data).GetProperty(StreamEventFields.Type).GetString()}\ndata: {JsonSerializer.Serialize(data)}\n\n";
}
