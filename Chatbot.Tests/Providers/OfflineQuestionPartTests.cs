using Chatbot.ApiService.Llm.Offline;
using Chatbot.ApiService.Tools;
using Chatbot.ApiService.Tools.Portfolio;
using Microsoft.Extensions.AI;

namespace Chatbot.Tests.Providers;

/// <summary>How the offline model splits a question between specialists: compound questions only.</summary>
public sealed class OfflineQuestionPartTests
{
    [Fact]
    public void A_compound_question_has_a_part_per_specialist_in_the_order_asked()
    {
        var parts = PartsOf("How are my PV systems doing, and what would a 200 kWh battery cost?");

        Assert.Equal([ToolNames.Portfolio, ToolNames.Finance], parts.Select(part => part.Specialist));
        Assert.Equal(EnergyAsset.PvSystem, parts[0].Signals.Kind);
    }

    [Theory]
    [InlineData("How are my PV systems doing, and what is the payback of those if they cost 100000 EUR and save 15000 EUR a year?", true)]
    [InlineData("How are my PV systems doing, and what would a 200 kWh battery cost?", false)]
    public void A_later_part_that_points_back_needs_the_earlier_answers(string question, bool needsEarlier)
    {
        var parts = PartsOf(question);

        Assert.Equal(2, parts.Count);
        Assert.False(parts[0].NeedsEarlierAnswers);
        Assert.Equal(needsEarlier, parts[1].NeedsEarlierAnswers);
    }

    [Theory]
    [InlineData("Show my charge points and batteries", ToolNames.Portfolio)]
    [InlineData("Explain solar PV. Then explain OPEX.", ToolNames.Knowledge)]
    [InlineData("What is the payback of a 100000 EUR investment saving 15000 EUR a year?", ToolNames.Finance)]
    public void A_question_for_one_specialist_is_one_part(string question, string specialist)
    {
        var part = Assert.Single(PartsOf(question));

        Assert.Equal(specialist, part.Specialist);
        Assert.Equal(question, part.Signals.Text);
    }

    [Fact]
    public void A_follow_up_without_a_topic_stays_with_the_previous_questions_specialist()
    {
        var conversation = OfflineConversation.Read(
        [
            new ChatMessage(ChatRole.User, "What is the payback of a 100000 EUR investment saving 15000 EUR a year?"),
            new ChatMessage(ChatRole.Assistant, "Payback: 6.7 years."),
            new ChatMessage(ChatRole.User, "And if it saves 20000 a year?"),
        ]);

        Assert.Equal(ToolNames.Finance, Assert.Single(QuestionPart.Of(conversation)).Specialist);
    }

    private static IReadOnlyList<QuestionPart> PartsOf(string question) =>
        QuestionPart.Of(OfflineConversation.Read([new ChatMessage(ChatRole.User, question)]));
}
