using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace Chatbot.ApiService.Memory.Mongo;

/// <summary>
/// The durable archive: one document per turn in <see cref="MemoryOptions.Collection"/>,
/// numbered by an atomic per-conversation counter. Writes are idempotent by turn id, so a write
/// retried after an unclear failure does not duplicate turns. Indexes are made on connect.
/// </summary>
public sealed class MongoConversationStore : IConversationStore
{
    public const string SequencesSuffix = "_sequences";

    private readonly IMongoCollection<TurnDocument> _turns;
    private readonly IMongoCollection<SequenceDocument> _sequences;
    private readonly IOptions<MemoryOptions> _options;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _indexGate = new(1, 1);
    private bool _indexed;

    public MongoConversationStore(IMongoDatabase database, IOptions<MemoryOptions> options, TimeProvider clock)
    {
        _turns = database.GetCollection<TurnDocument>(options.Value.Collection);
        _sequences = database.GetCollection<SequenceDocument>(options.Value.Collection + SequencesSuffix);
        _options = options;
        _clock = clock;
    }

    public string Name => "mongodb";

    public async Task<IReadOnlyList<ConversationTurn>> GetTurnsAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        var newestFirst = await _turns.Find(ArchiveQueries.Conversation(key))
            .Sort(ArchiveQueries.NewestFirst)
            .Limit(_options.Value.MaxHotTurns)
            .ToListAsync(cancellationToken);
        return [.. Enumerable.Reverse(newestFirst).Select(document => document.ToTurn())];
    }

    public async Task AppendAsync(ConversationKey key, IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken)
    {
        if (turns.Count == 0)
        {
            return;
        }
        var last = await ReserveSequenceAsync(key, turns.Count, cancellationToken);
        var documents = turns
            .Select((turn, i) => TurnDocument.From(key, last - turns.Count + 1 + i, turn, turn.Id ?? ObjectId.GenerateNewId().ToString()))
            .ToArray();
        try
        {
            await _turns.InsertManyAsync(documents, new InsertManyOptions { IsOrdered = false }, cancellationToken);
        }
        catch (MongoBulkWriteException<TurnDocument> exception)
            when (exception.WriteErrors.All(error => error.Category == ServerErrorCategory.DuplicateKey))
        {
            // Fine when an earlier try of this write got through before its answer was lost.
            if (!await AllWrittenAsync(key, documents, cancellationToken))
            {
                throw;
            }
        }
    }

    public async Task<ConversationPage> ListAsync(string owner, PageRequest page, CancellationToken cancellationToken)
    {
        var result = await _turns.Aggregate(ArchiveQueries.ListConversations(owner, page), cancellationToken: cancellationToken)
            .FirstOrDefaultAsync(cancellationToken);
        var total = result?["total"].AsBsonArray.FirstOrDefault()?["count"].ToInt64() ?? 0;
        var items = result?["items"].AsBsonArray
            .Select(item => BsonSerializer.Deserialize<ArchivedConversation>(item.AsBsonDocument).ToSummary())
            .ToList() ?? [];
        return new ConversationPage(items, page.Page, page.PageSize, total);
    }

    public async Task<bool> DeleteAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        var deleted = await _turns.DeleteManyAsync(ArchiveQueries.Conversation(key), cancellationToken);
        await _sequences.DeleteOneAsync(ArchiveQueries.Sequence(key), cancellationToken);
        return deleted.DeletedCount > 0;
    }

    /// <summary>Updates the answer's turn document in place; the feedback it held before comes back.</summary>
    public async Task<FeedbackUpdate> SetFeedbackAsync(ConversationKey key, string runId, TurnFeedback? feedback, CancellationToken cancellationToken)
    {
        var before = await _turns.FindOneAndUpdateAsync(
            ArchiveQueries.Answer(key, runId),
            ArchiveQueries.SetFeedback(feedback),
            new FindOneAndUpdateOptions<TurnDocument> { ReturnDocument = ReturnDocument.Before, Sort = ArchiveQueries.NewestFirst },
            cancellationToken);
        return before is null ? FeedbackUpdate.NotFound : FeedbackUpdate.Replaced(before.Feedback?.ToFeedback());
    }

    /// <summary>Creates the indexes the first time it succeeds; later calls only cost a flag check.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (_indexed)
        {
            return;
        }
        await _indexGate.WaitAsync(cancellationToken);
        try
        {
            if (!_indexed)
            {
                var retention = _options.Value.RetentionDays;
                await ArchiveIndexInstaller.EnsureAsync(_turns, ArchiveIndexes.ForTurns(retention), cancellationToken);
                await ArchiveIndexInstaller.EnsureAsync(_sequences, ArchiveIndexes.ForSequences(retention), cancellationToken);
                _indexed = true;
            }
        }
        finally
        {
            _indexGate.Release();
        }
    }

    private async Task<long> ReserveSequenceAsync(ConversationKey key, int count, CancellationToken cancellationToken)
    {
        var sequence = await _sequences.FindOneAndUpdateAsync(
            ArchiveQueries.Sequence(key),
            ArchiveQueries.Reserve(count, _clock.GetUtcNow()),
            new FindOneAndUpdateOptions<SequenceDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After },
            cancellationToken);
        return sequence.Last;
    }

    private async Task<bool> AllWrittenAsync(ConversationKey key, TurnDocument[] documents, CancellationToken cancellationToken) =>
        await _turns.CountDocumentsAsync(ArchiveQueries.Turns(key, documents.Select(document => document.Id)), cancellationToken: cancellationToken)
            == documents.Length;
}
