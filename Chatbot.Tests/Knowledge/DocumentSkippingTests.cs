using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.ApiService.Tools.Knowledge;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Knowledge.Support;

namespace Chatbot.Tests.Knowledge;

/// <summary>What the folder holds never fails a start or an answer: a bad file is skipped with a warning naming it.</summary>
public sealed class DocumentSkippingTests
{
    /// <summary>The passages of <see cref="OperatorDocuments"/>: a heading with text under it is one.</summary>
    private const int OperatorPassages = 11;

    [Fact]
    public async Task Malformed_binary_and_huge_files_are_skipped_with_a_warning_and_the_rest_is_served()
    {
        await using var api = DocumentsApi.With(documents =>
        {
            documents.WriteBytes("latin1.md", [.. "# Preise\n\nGeb"u8, 0xFC, 0x68, 0x72, 0x65, 0x6E, 0x0A]); // "Gebühren" in Latin-1
            documents.WriteBytes("logo.md", [.. "# Logo\n"u8, 0x00, 0x01, 0x02, 0x00]);
            documents.Write("manual-export.md", "# Export\n\n" + new string('x', 20_000));
        }, ($"{KnowledgeOptions.Section}:{nameof(KnowledgeOptions.MaxFileBytes)}", "16384"));
        using var http = api.Factory.CreateClient();

        var knowledge = await KnowledgeWarmUpAsync(http);
        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("How are charging sessions billed?"));

        Assert.Equal(new PrewarmComponentResponse("knowledge", knowledge.DurationMs, $"{OperatorPassages} passages"), knowledge);
        var logs = api.Factory.Logs.All;
        Assert.Contains("Warning Chatbot.ApiService.Tools.Knowledge.KnowledgeLibrary: Skipped document latin1.md: it is not valid UTF-8", logs);
        Assert.Contains("Warning Chatbot.ApiService.Tools.Knowledge.KnowledgeLibrary: Skipped document logo.md: it is binary", logs);
        Assert.Contains("Warning Chatbot.ApiService.Tools.Knowledge.KnowledgeLibrary: Skipped document manual-export.md: 20010 bytes is over the cap of 16384", logs);
        Assert.Equal(new AnswerSource(OperatorDocuments.ChargePoints, "Billing charging sessions"),
            events[^1].Data.GetProperty(StreamEventFields.Sources).Deserialize<AnswerSource[]>()![0]);
    }

    [Fact]
    public async Task A_missing_folder_warns_and_the_api_starts_and_answers_that_it_found_nothing()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"chatbot-no-documents-{Guid.NewGuid():N}");
        await using var factory = new ApiFactory().With($"{KnowledgeOptions.Section}:{nameof(KnowledgeOptions.DocumentsPath)}", missing);
        using var http = factory.CreateClient();

        var knowledge = await KnowledgeWarmUpAsync(http);
        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("How are charging sessions billed?"));

        Assert.Equal(("0 passages", true), (knowledge.Detail, knowledge.Ok));
        Assert.Contains($"Warning Chatbot.ApiService.Tools.Knowledge.KnowledgeLibrary: The documents folder {missing} does not exist", factory.Logs.All);
        Assert.Equal(StreamEventTypes.Complete, events[^1].Type);
        Assert.StartsWith("I found nothing on that in the documents.", ChatbotClient.Answer(events));
    }

    [Fact]
    public async Task An_empty_folder_warns_and_the_api_starts()
    {
        using var documents = OperatorDocuments.Empty();
        await using var factory = new ApiFactory().With($"{KnowledgeOptions.Section}:{nameof(KnowledgeOptions.DocumentsPath)}", documents.Folder);
        using var http = factory.CreateClient();

        var knowledge = await KnowledgeWarmUpAsync(http);

        Assert.Equal(("0 passages", true), (knowledge.Detail, knowledge.Ok));
        Assert.Contains($"Warning Chatbot.ApiService.Tools.Knowledge.KnowledgeLibrary: The documents folder {documents.Folder} has no passages to search (0 Markdown files)", factory.Logs.All);
    }

    private static async Task<PrewarmComponentResponse> KnowledgeWarmUpAsync(HttpClient http)
    {
        var prewarm = await http.GetFromJsonAsync<PrewarmResponse>(ChatbotRoutes.Prewarm);
        Assert.Equal(PrewarmResponse.Ready, prewarm!.Status);
        return Assert.Single(prewarm.Components!, component => component.Name == "knowledge");
    }
}
