using System.Text;
using System.Text.Json;
using Chatbot.ApiService.Tools.Knowledge;
using Chatbot.ApiService.Tools.Portfolio;
using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Llm.Offline;

/// <summary>Writes the offline model's answer from the tool results it was given, in markdown.</summary>
public static class OfflineAnswerWriter
{
    public const string Signature = "_Answered by the offline model (no LLM configured)._";

    public static string Write(OfflineConversation conversation)
    {
        var answer = new StringBuilder();
        foreach (var result in conversation.ToolResults)
        {
            var tool = conversation.ToolNamesByCallId.GetValueOrDefault(result.CallId, "");
            answer.Append(Describe(tool, ResultText(result))).Append("\n\n");
        }
        if (answer.Length == 0)
        {
            answer.Append("I can explain solar PV, CAPEX, OPEX, payback, tariffs, EV charging and battery storage, ")
                .Append("report on your own PV systems, charge points and storage, and calculate payback periods.\n\n");
        }
        return answer.Append(Signature).ToString();
    }

    private static string Describe(string tool, string result)
    {
        if (tool.EndsWith(KnowledgeTools.SearchKnowledge, StringComparison.Ordinal))
        {
            // The search's result is its passages, each followed by its citation: the answer cites them as they are.
            return result == KnowledgeTools.NothingFound
                ? "I found nothing on that in the documents."
                : "Here is what the knowledge base says.\n\n" + result;
        }
        if (tool.EndsWith(PortfolioTools.ListMyAssets, StringComparison.Ordinal) || tool.EndsWith(PortfolioTools.GetAsset, StringComparison.Ordinal))
        {
            return DescribeAssets(result);
        }
        return result;
    }

    private static string DescribeAssets(string result)
    {
        if (!result.StartsWith('[') && !result.StartsWith('{'))
        {
            return result;
        }
        using var document = JsonDocument.Parse(result);
        var assets = document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement.EnumerateArray().ToArray()
            : [document.RootElement];
        var text = new StringBuilder(assets.Length == 1 ? "Here is your asset.\n" : $"You have {assets.Length} assets.\n");
        foreach (var asset in assets)
        {
            text.Append("\n- **").Append(asset.GetProperty("id").GetString()).Append("** ")
                .Append(asset.GetProperty("name").GetString()).Append(", ").Append(asset.GetProperty("site").GetString())
                .Append(": status ").Append(asset.GetProperty("status").GetString());
            AppendMetrics(text, asset);
        }
        return text.ToString();
    }

    /// <summary>Every metric as "name value unit", whatever its name: a new metric needs no code.</summary>
    private static void AppendMetrics(StringBuilder text, JsonElement asset)
    {
        if (!asset.TryGetProperty("metrics", out var metrics) || metrics.ValueKind != JsonValueKind.Array)
        {
            return;
        }
        foreach (var metric in metrics.EnumerateArray())
        {
            var value = metric.GetProperty("value");
            text.Append(", ").Append(metric.GetProperty("name").GetString()).Append(' ')
                .Append(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText());
            if (metric.TryGetProperty("unit", out var unit))
            {
                text.Append(' ').Append(unit.GetString());
            }
        }
    }

    private static string ResultText(FunctionResultContent result) => result.Result switch
    {
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString() ?? "",
        null => "",
        var other => other.ToString() ?? "",
    };
}
