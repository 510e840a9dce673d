using System.Text.RegularExpressions;

namespace Chatbot.Tests.Browser;

/// <summary>The API's one line per run: "Run {RunId} {Outcome}: conversation {ConversationId}, ...".</summary>
public static partial class RunLog
{
    /// <summary>The outcome of each run the API logged for the conversation, in order.</summary>
    public static IReadOnlyList<string> Outcomes(string apiOutput, string conversationId) =>
        RunLine().Matches(apiOutput)
            .Where(match => match.Groups["conversation"].Value == conversationId)
            .Select(match => match.Groups["outcome"].Value)
            .ToList();

    /// <summary>The conversation id at the end of a chat URL (/c/{id}).</summary>
    public static string ConversationIdOf(string url) => url[(url.LastIndexOf('/') + 1)..];

    [GeneratedRegex(@"Run \S+ (?<outcome>[a-z_]+): conversation (?<conversation>[0-9a-f]+),")]
    private static partial Regex RunLine();
}
