using System.Runtime.CompilerServices;
using Chatbot.ApiService.Llm;
using Chatbot.ApiService.Llm.Offline;
using Chatbot.ApiService.Tools.Portfolio;
using Microsoft.Extensions.AI;

namespace Chatbot.Tests.Portfolio.Support;

/// <summary>
/// The offline model, except that the portfolio specialist's first turn calls both of its tools
/// (list_my_assets, then get_asset for <see cref="AssetId"/>), as a hosted model may: one answer,
/// two reads of the user's portfolio.
/// </summary>
public sealed class TwoPortfolioToolsChatClient() : DelegatingChatClient(new OfflineChatClient(new OfflineModelOptions { TokenDelayMs = 0 }))
{
    public const string AssetId = "PV-001";

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var tools = (options?.Tools ?? []).Select(tool => tool.Name).ToArray();
        var listTool = tools.FirstOrDefault(name => name.EndsWith("_" + PortfolioTools.ListMyAssets, StringComparison.Ordinal));
        var getTool = tools.FirstOrDefault(name => name.EndsWith("_" + PortfolioTools.GetAsset, StringComparison.Ordinal));
        if (listTool is not null && getTool is not null && list[^1].Role != ChatRole.Tool)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant,
            [
                new FunctionCallContent(Guid.NewGuid().ToString("N"), listTool, new Dictionary<string, object?> { ["kind"] = "" }),
                new FunctionCallContent(Guid.NewGuid().ToString("N"), getTool, new Dictionary<string, object?> { ["assetId"] = AssetId }),
            ]);
            yield break;
        }
        await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken))
        {
            yield return update;
        }
    }
}
