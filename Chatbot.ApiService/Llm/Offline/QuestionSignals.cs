using System.Globalization;
using System.Text.RegularExpressions;
using Chatbot.ApiService.Tools;
using Chatbot.ApiService.Tools.Portfolio;

namespace Chatbot.ApiService.Llm.Offline;

/// <summary>What a question is about, read from its words: the offline model's whole "understanding".</summary>
public sealed partial record QuestionSignals(string Text, HashSet<string> Words, IReadOnlyList<double> Amounts, double? Kwp)
{
    private static readonly string[] PortfolioWords = ["my", "our", "mine", "assets", "asset", "portfolio", "site", "sites", "status", "offline", "systems"];
    private static readonly string[] KnowledgeTopics = ["solar", "pv", "capex", "opex", "payback", "tariff", "tariffs", "charging", "battery", "storage", "lcoe", "feed-in", "self-consumption", "kwp", "inverter"];
    private static readonly string[] FinanceWords = ["calculate", "estimate", "payback", "roi", "invest", "investment", "savings", "saving", "cost", "costs", "price", "eur", "euro", "€"];

    public static QuestionSignals Of(string text) => new(text, TextMatching.Words(text), ReadAmounts(text), ReadKwp(text));

    /// <summary>
    /// A follow-up read with the question before it: its words join the earlier ones, and its
    /// amounts replace the earlier question's last ones ("and if it saves 20000?" keeps the investment).
    /// </summary>
    public static QuestionSignals FollowUp(string previous, string current)
    {
        var before = Of(previous);
        var now = Of(current);
        var kept = before.Amounts.Take(Math.Max(before.Amounts.Count - now.Amounts.Count, 0));
        var text = previous + " " + current;
        return new(text, TextMatching.Words(text), kept.Concat(now.Amounts).ToArray(), now.Kwp ?? before.Kwp);
    }

    public string? AssetId => AssetIdPattern().Match(Text) is { Success: true } match ? match.Value.ToUpperInvariant() : null;

    public bool IsAboutPortfolio => AssetId is not null || PortfolioWords.Any(Words.Contains);

    public bool IsAboutFinance => Kwp is not null || (Amounts.Count > 0 && (FinanceWords.Any(Words.Contains) || Words.Contains("capex")));

    /// <summary>Knowledge-base words, so a follow-up without any can borrow the previous question's topic.</summary>
    public bool HasTopic => IsAboutPortfolio || IsAboutFinance || KnowledgeTopics.Any(topic => TextMatching.Mentions(Words, Text, topic));

    private static double? ReadKwp(string text) => KwpPattern().Match(text) is { Success: true } match ? ParseAmount(match.Groups[1].Value, "") : null;

    /// <summary>Amounts in order, "100,000", "100k" and "1.5m" understood; kWp figures excluded.</summary>
    private static double[] ReadAmounts(string text) => AmountPattern().Matches(KwpPattern().Replace(text, " "))
        .Select(match => ParseAmount(match.Groups[1].Value, match.Groups[2].Value))
        .OfType<double>()
        .ToArray();

    /// <summary>Asset kind named in the question, if one.</summary>
    public string Kind =>
        Words.Overlaps(["charger", "chargers", "charging"]) || Text.Contains("charge point", StringComparison.OrdinalIgnoreCase) ? EnergyAsset.ChargePoint
        : Words.Overlaps(["battery", "batteries", "storage"]) ? EnergyAsset.Storage
        : Words.Overlaps(["pv", "solar", "panels"]) ? EnergyAsset.PvSystem
        : "";

    private static double? ParseAmount(string digits, string suffix)
    {
        if (!double.TryParse(digits.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }
        return suffix.ToLowerInvariant() switch
        {
            "k" => value * 1_000,
            "m" => value * 1_000_000,
            _ => value,
        };
    }

    [GeneratedRegex(@"\b(?:PV|CP|BAT)-\d{1,6}\b", RegexOptions.IgnoreCase)]
    private static partial Regex AssetIdPattern();

    [GeneratedRegex(@"(\d[\d,]*(?:\.\d+)?)\s*kwp\b", RegexOptions.IgnoreCase)]
    private static partial Regex KwpPattern();

    [GeneratedRegex(@"(?<![A-Za-z-])(\d[\d,]*(?:\.\d+)?)\s*(k|m)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex AmountPattern();

}
