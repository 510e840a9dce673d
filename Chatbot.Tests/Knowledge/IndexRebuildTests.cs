using System.Text.Json;
using Chatbot.ApiService.Tools.Knowledge;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Knowledge.Support;

namespace Chatbot.Tests.Knowledge;

/// <summary>The index follows the documents folder: a file added or edited is searched once the index is rebuilt.</summary>
public sealed class IndexRebuildTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly (string, string) QuickRebuild = ($"{KnowledgeOptions.Section}:{nameof(KnowledgeOptions.RebuildDelay)}", "00:00:00.050");

    [Fact]
    public async Task A_document_added_to_the_folder_answers_once_the_index_is_rebuilt()
    {
        await using var api = DocumentsApi.With(_ => { }, QuickRebuild);
        using var http = api.Factory.CreateClient();
        const string question = "How does the heat pump defrost?";
        var generation = await BuiltGenerationAsync(api);
        Assert.Null(await FirstSourceAsync(http, question));

        api.Documents.MoveIn("heat-pumps.md", "# Heat pumps\n\n## Defrosting\n\nIn frost the heat pump runs in reverse for a few minutes to defrost its outdoor coil.\n");
        await RebuiltAsync(api, generation);

        Assert.Equal(new AnswerSource("heat-pumps.md", "Defrosting"), await FirstSourceAsync(http, question));
    }

    [Fact]
    public async Task A_passage_edited_in_place_answers_with_its_new_words()
    {
        await using var api = DocumentsApi.With(_ => { }, QuickRebuild);
        using var http = api.Factory.CreateClient();
        const string question = "Where is the blue button?";
        var generation = await BuiltGenerationAsync(api);
        Assert.Null(await FirstSourceAsync(http, question));

        api.Documents.MoveIn(OperatorDocuments.ChargePoints, "# Charge point operations\n\n## Resetting a charge point\n\nHold the blue button under the display for ten seconds.\n");
        await RebuiltAsync(api, generation);

        Assert.Equal(new AnswerSource(OperatorDocuments.ChargePoints, "Resetting a charge point"), await FirstSourceAsync(http, question));
    }

    /// <summary>The first index is built (and the folder watched) before the test changes a file.</summary>
    private static async Task<int> BuiltGenerationAsync(DocumentsApi api)
    {
        await api.Library.IndexAsync();
        return api.Library.Generation;
    }

    private static async Task RebuiltAsync(DocumentsApi api, int generation)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (api.Library.Generation <= generation)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }
    }

    private static async Task<AnswerSource?> FirstSourceAsync(HttpClient http, string question)
    {
        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest(question));
        Assert.Equal(StreamEventTypes.Complete, events[^1].Type);
        return events[^1].Data.TryGetProperty(StreamEventFields.Sources, out var sources) ? sources.Deserialize<AnswerSource[]>()![0] : null;
    }
}
