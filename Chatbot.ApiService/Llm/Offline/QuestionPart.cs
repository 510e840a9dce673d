using System.Text.RegularExpressions;
using Chatbot.ApiService.Tools;

namespace Chatbot.ApiService.Llm.Offline;

/// <summary>
/// A part of the question and the specialist it is for. Most questions are one part; a compound
/// one ("How are my PV systems doing, and what would a 200 kWh battery cost?") has one per
/// specialist, in the order asked. A later part that points back ("…, and what is the payback of
/// those if …") needs the earlier parts' answers first.
/// </summary>
public sealed partial record QuestionPart(string Specialist, QuestionSignals Signals, bool NeedsEarlierAnswers = false)
{
    /// <summary>
    /// The question's parts. Clauses split only at sentence ends, semicolons and ", and", so "my charge
    /// points and batteries" stays one; clauses for one specialist join; with fewer than two
    /// specialists the whole question is the one part, read as before.
    /// </summary>
    public static IReadOnlyList<QuestionPart> Of(OfflineConversation conversation)
    {
        QuestionPart[] parts =
        [
            .. ClauseBoundary().Split(conversation.Question)
                .Select(QuestionSignals.Of)
                .Where(clause => clause.HasTopic)
                .GroupBy(SpecialistFor)
                .Select((clauses, index) => new QuestionPart(
                    clauses.Key,
                    QuestionSignals.Of(string.Join(" ", clauses.Select(clause => clause.Text))),
                    NeedsEarlierAnswers: index > 0 && clauses.Any(clause => BackReference().IsMatch(clause.Text)))),
        ];
        var whole = Topic(conversation);
        return parts.Length > 1 ? parts : [new QuestionPart(SpecialistFor(whole), whole)];
    }

    /// <summary>Why the manager hands this part to its specialist, for the reasoning it shows.</summary>
    public string Why => Specialist switch
    {
        ToolNames.Finance => "it gives figures to calculate with",
        ToolNames.Portfolio => "it asks about the user's own assets",
        _ => "it asks to explain a concept",
    };

    private static string SpecialistFor(QuestionSignals signals) =>
        signals.IsAboutFinance ? ToolNames.Finance
        : signals.IsAboutPortfolio ? ToolNames.Portfolio
        : ToolNames.Knowledge;

    /// <summary>A follow-up without a topic of its own ("and if it saves 20000 a year?") continues the previous question's.</summary>
    private static QuestionSignals Topic(OfflineConversation conversation)
    {
        var current = QuestionSignals.Of(conversation.Question);
        return current.HasTopic || conversation.PreviousQuestion is null
            ? current
            : QuestionSignals.FollowUp(conversation.PreviousQuestion, conversation.Question);
    }

    [GeneratedRegex(@"\b(?:that|those|these|they|them|their)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BackReference();

    [GeneratedRegex(@"(?<=[.?!;])\s+|,\s*(?:and|but|also|plus)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBoundary();
}
