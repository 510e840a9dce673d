using MongoDB.Driver;

namespace Chatbot.ApiService.Memory.Mongo;

/// <summary>Creates the archive's indexes; replaces one whose options changed (a new retention) and drops retention when it is off.</summary>
public static class ArchiveIndexInstaller
{
    private const int NamespaceNotFound = 26;
    private const int IndexNotFound = 27;
    private const int IndexOptionsConflict = 85;
    private const int IndexKeySpecsConflict = 86;

    public static async Task EnsureAsync<T>(IMongoCollection<T> collection, IReadOnlyList<CreateIndexModel<T>> indexes, CancellationToken cancellationToken)
    {
        foreach (var index in indexes)
        {
            try
            {
                await collection.Indexes.CreateOneAsync(index, cancellationToken: cancellationToken);
            }
            catch (MongoCommandException exception) when (exception.Code is IndexOptionsConflict or IndexKeySpecsConflict)
            {
                await collection.Indexes.DropOneAsync(index.Options.Name, cancellationToken);
                await collection.Indexes.CreateOneAsync(index, cancellationToken: cancellationToken);
            }
        }
        if (!indexes.Any(index => index.Options.Name == ArchiveIndexes.Retention))
        {
            await DropRetentionAsync(collection, cancellationToken);
        }
    }

    private static async Task DropRetentionAsync<T>(IMongoCollection<T> collection, CancellationToken cancellationToken)
    {
        try
        {
            await collection.Indexes.DropOneAsync(ArchiveIndexes.Retention, cancellationToken);
        }
        catch (MongoCommandException exception) when (exception.Code is NamespaceNotFound or IndexNotFound)
        {
            // Retention was never on.
        }
    }
}
