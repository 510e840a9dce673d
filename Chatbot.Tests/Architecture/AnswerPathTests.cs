using Chatbot.ApiService;
using Mono.Cecil;
using Xunit.Abstractions;

namespace Chatbot.Tests.Architecture;

/// <summary>
/// How many of our source files an answer's code runs through, in the deployed shape (Redis
/// memory and run store, the MongoDB archive, the default offline model): the house a newcomer
/// walks to follow one answer.
/// </summary>
public sealed class AnswerPathTests(ITestOutputHelper output)
{
    private const string Api = "Chatbot.ApiService";

    /// <summary>What the framework calls on the way of a streamed question.</summary>
    private static readonly (string Type, string Method)[] StreamedRoots =
    [
        ($"{Api}.Endpoints.AskStreamEndpoint", "HandleAsync"),
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
        [.. StreamedRoots, ($"{Api}.Endpoints.ResumeStreamEndpoint", "HandleAsync")];

    [Fact]
    public void A_streamed_answer_runs_through_few_files() => Walk(StreamedRoots, resumable: false);

    [Fact]
    public void A_resumable_answer_runs_through_few_files() => Walk(ResumableRoots, resumable: true);

    private void Walk((string, string)[] roots, bool resumable)
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
    }

    /// <summary>The in-process stores stand in without Redis; a plain stream never reaches the journal.</summary>
    private static bool OffPath(TypeDefinition type, bool resumable) =>
        type.Name is "InProcessConversationStore" or "InProcessRunStore"
        || Beyond(type.Namespace)
        || (!resumable && type.Name == "ResumableRuns");

    private static bool Beyond(string space) =>
        space.StartsWith($"{Api}.Llm.", StringComparison.Ordinal) || space.StartsWith($"{Api}.Memory.", StringComparison.Ordinal)
        || space.StartsWith($"{Api}.Runs.", StringComparison.Ordinal) || space == $"{Api}.Tools";
}
