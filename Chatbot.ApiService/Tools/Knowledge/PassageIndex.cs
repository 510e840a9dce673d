using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Chatbot.ApiService.Tools.Knowledge;

/// <summary>
/// The passages in an in-memory Lucene index, ranked by BM25. English analysis (stop words and
/// question words, possessives, Porter stemming) on both sides, so "payback periods" finds "payback period"; a
/// word in a passage's heading counts double. Built once and then only read: a rebuild makes a
/// new index, and searches in flight finish on the old one, which holds only managed memory.
/// </summary>
public sealed class PassageIndex
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string IdField = "id";
    private const string HeadingField = "heading";
    private const string TextField = "text";
    private const float HeadingBoost = 2f;

    /// <summary>More distinct words than this in a question add nothing but clauses (Lucene allows 1024).</summary>
    private const int MaxQueryTerms = 200;

    /// <summary>
    /// A passage scoring under this share of the best one has only a common word in common with the
    /// question; citing it would mislead.
    /// </summary>
    private const float RelevantShareOfBest = 0.4f;

    /// <summary>
    /// Lucene's English stop words, and the words questions are made of ("how does", "what can I"):
    /// in nearly every question and in few passages, they would rank passages by phrasing, not topic.
    /// </summary>
    private static readonly string[] QuestionWords =
    [
        "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "do", "does", "did", "done",
        "i", "me", "my", "we", "us", "our", "you", "your", "can", "could", "should", "would", "must", "may",
        "has", "have", "had", "about", "tell", "explain", "please", "there", "any", "some",
    ];

    private static readonly Analyzer English = new EnglishAnalyzer(Version, StopWords());

    private readonly IReadOnlyList<Passage> _passages;
    private readonly IndexSearcher _searcher;

    private PassageIndex(IReadOnlyList<Passage> passages, IndexSearcher searcher)
    {
        _passages = passages;
        _searcher = searcher;
    }

    public int Count => _passages.Count;

    public static PassageIndex Build(IReadOnlyList<Passage> passages)
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, English) { Similarity = new BM25Similarity() }))
        {
            for (var id = 0; id < passages.Count; id++)
            {
                writer.AddDocument(new Document
                {
                    new StoredField(IdField, id),
                    new TextField(HeadingField, passages[id].Heading, Field.Store.NO),
                    new TextField(TextField, passages[id].Text, Field.Store.NO),
                });
            }
            writer.Commit();
        }
        return new PassageIndex(passages, new IndexSearcher(DirectoryReader.Open(directory)) { Similarity = new BM25Similarity() });
    }

    /// <summary>The passages that answer <paramref name="question"/>, best first; none when no word of it is in any passage.</summary>
    public IReadOnlyList<Passage> Search(string question, int limit)
    {
        var terms = Terms(question);
        if (terms.Count == 0 || _passages.Count == 0)
        {
            return [];
        }
        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            query.Add(new TermQuery(new Term(TextField, term)), Occur.SHOULD);
            query.Add(new TermQuery(new Term(HeadingField, term)) { Boost = HeadingBoost }, Occur.SHOULD);
        }
        var hits = _searcher.Search(query, limit).ScoreDocs;
        return hits.Length == 0
            ? []
            : [.. hits.Where(hit => hit.Score >= hits[0].Score * RelevantShareOfBest).Select(hit => _passages[_searcher.Doc(hit.Doc).GetField(IdField).GetInt32Value()!.Value])];
    }

    private static CharArraySet StopWords()
    {
        var words = new CharArraySet(Version, EnglishAnalyzer.DefaultStopSet, ignoreCase: true);
        foreach (var word in QuestionWords)
        {
            words.Add(word);
        }
        return words.AsReadOnly();
    }

    /// <summary>The question's words as the index holds them: analysed the same way, each once.</summary>
    private static List<string> Terms(string question)
    {
        var terms = new List<string>();
        using var tokens = English.GetTokenStream(TextField, question);
        var term = tokens.AddAttribute<ICharTermAttribute>();
        tokens.Reset();
        while (tokens.IncrementToken() && terms.Count < MaxQueryTerms)
        {
            var text = term.ToString();
            if (!terms.Contains(text))
            {
                terms.Add(text);
            }
        }
        tokens.End();
        return terms;
    }
}
