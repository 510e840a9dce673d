namespace Chatbot.ApiService.Memory;

/// <summary>Which stores this process uses: the configured server, or the embedded default.</summary>
public sealed record StoreStatus(string Infrastructure, string Memory, string Archive)
{
    public const string RedisMemory = "redis";
    public const string InProcessMemory = "in-process";
    public const string MongoArchive = "mongodb";
    public const string NoArchive = "disabled";
}
