using Chatbot.ApiService;
using Mono.Cecil;
using Xunit.Abstractions;

namespace Chatbot.Tests.Architecture;

/// <summary>
/// How many of the API's source files an answer's code can run through, from the request to its
/// last event: the rooms a newcomer walks to follow one answer. The walk stops at the seams that
/// configuration fills (the model behind <c>IChatClient</c>, the stores behind
/// <c>IConversationStore</c> and <c>IRunStore</c>) and at the tools' own code, each a room of its own.
/// </summary>
public sealed class AnswerPathTests(ITestOutputHelper output)
{
    private const string Api = "Chatbot.ApiService";

    /// <summary>What the framework calls on the way of a streamed question.</summary>
    private static readonly (string Type, string Method)[] StreamedRoots =
    [
        ($"{Api}.Endpoints.ChatApi", "AskAsync"),
        ($"{Api}.Endpoints.SseStreamResult", "ExecuteAsync"),
        ($"{Api}.Endpoints.IdentityHeaderFilter", "InvokeAsync"),
        ($"{Api}.Endpoints.DrainingMiddleware", "InvokeAsync"),
        ($"{Api}.Endpoints.QuestionLimits", "<AddQuestionLimits>"),
        ($"{Api}.Prewarm.RehearsalGate", "InvokeAsync"),
        ($"{Api}.Agents.KernelTool", "InvokeCoreAsync"),
        ($"{Api}.Agents.ToolEventFilter", "OnFunctionInvocationAsync"),
    ];

    /// <summary>A resumable answer adds the journal (reached from the same question) and the resume request.</summary>
    private static readonly (string Type, string Method)[] ResumableRoots =
        [.. StreamedRoots, ($"{Api}.Endpoints.ChatApi", "ResumeAsync")];

    [Fact]
    public void A_streamed_answer_runs_through_at_most_35_files() => Assert.InRange(Walk(StreamedRoots, resumable: false), 1, 35);

    [Fact]
    public void A_resumable_answer_runs_through_at_most_50_files() => Assert.InRange(Walk(ResumableRoots, resumable: true), 1, 50);

    /// <summary>The API's files on the path (printed with the Contracts and ServiceDefaults ones).</summary>
    private int Walk((string, string)[] roots, bool resumable)
    {
        var path = CodePath.Over([typeof(ApiServiceAssembly).Assembly, typeof(Chatbot.Contracts.Api.ChatbotRoutes).Assembly, typeof(Microsoft.Extensions.Hosting.Extensions).Assembly],
            type => OffPath(type, resumable));
        var files = path.FilesFrom(roots).Order(StringComparer.Ordinal).ToArray();
        var api = files.Count(file => file.StartsWith(Api + "/", StringComparison.Ordinal));
        output.WriteLine($"{api} files of {Api}, {files.Length} with Contracts and ServiceDefaults:");
        foreach (var file in files)
        {
            output.WriteLine(file);
        }
        return api;
    }

    /// <summary>Beyond the seams, and for a plain stream the journal it never reaches.</summary>
    private static bool OffPath(TypeDefinition type, bool resumable) =>
        type.Name is "InProcessConversationStore" or "InProcessRunStore"
        || Beyond(type.Namespace)
        || (!resumable && type.Name == "ResumableRuns");

    private static bool Beyond(string space) =>
        space.StartsWith($"{Api}.Llm.", StringComparison.Ordinal) || space.StartsWith($"{Api}.Memory.", StringComparison.Ordinal)
        || space.StartsWith($"{Api}.Runs.", StringComparison.Ordinal)
        || space == $"{Api}.Tools" || space.StartsWith($"{Api}.Tools.", StringComparison.Ordinal);
}
