using Chatbot.ApiService.Tools.Knowledge;
using Chatbot.Tests.Knowledge.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chatbot.Tests.Knowledge;

/// <summary>The documents' passages, split at their headings and ranked by BM25: the one that answers comes first.</summary>
public sealed class PassageRankingTests : IClassFixture<OperatorDocuments>
{
    private readonly PassageIndex _index;

    public PassageRankingTests(OperatorDocuments documents) =>
        _index = PassageIndex.Build(DocumentFolder.Read(documents.Folder, 1024 * 1024, NullLogger.Instance));

    [Theory]
    [MemberData(nameof(OperatorDocuments.Questions), MemberType = typeof(OperatorDocuments))]
    public void The_passage_that_answers_comes_first(string question, string document, string heading)
    {
        var best = _index.Search(question, 3)[0];

        Assert.Equal((document, heading), (best.Document, best.Heading));
    }

    [Fact]
    public void Words_are_found_in_other_forms_of_the_same_word()
    {
        // "Batteries", "covered", "guaranteed" appear; the question's words only in other forms.
        var found = _index.Search("battery cover guarantee", 1);

        Assert.Equal(OperatorDocuments.Warranty, Assert.Single(found).Document);
    }

    [Fact]
    public void A_question_no_document_speaks_of_finds_nothing() =>
        Assert.Empty(_index.Search("Who won the football world cup?", 3));
}
