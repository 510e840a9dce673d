namespace Chatbot.ApiService.Memory.Redis;

/// <summary>
/// Where a conversation lives in Redis. The owner is escaped so it holds no ':' and one owner's
/// keys can never be spelled as another's, whatever the ids contain.
/// <code>
/// chatbot:conv:{owner}:{id}        list of turn JSON, capped, sliding expiry
/// chatbot:conv-meta:{owner}:{id}   hash: title, updated (unix ms), turns (all ever written)
/// chatbot:convs:{owner}            sorted set of the owner's ids by updated time
/// chatbot:conv-owner:{id}          the owner holding the id (404 for anyone else)
/// </code>
/// Scripts touch several of these keys at once, so the store needs one Redis, not a cluster.
/// </summary>
public static class RedisConversationKeys
{
    public const string Prefix = "chatbot:";

    public static string Turns(ConversationKey key) => $"{Prefix}conv:{Escape(key.Owner)}:{key.ConversationId}";

    public static string Meta(ConversationKey key) => MetaPrefix(key.Owner) + key.ConversationId;

    public static string MetaPrefix(string owner) => $"{Prefix}conv-meta:{Escape(owner)}:";

    public static string Index(string owner) => $"{Prefix}convs:{Escape(owner)}";

    public static string Holder(string conversationId) => $"{Prefix}conv-owner:{conversationId}";

    private static string Escape(string owner) => Uri.EscapeDataString(owner);
}
