namespace Chatbot.ApiService.Memory.Redis;

/// <summary>
/// Where a conversation lives in Redis, laid out for a Redis Cluster: everything of one owner
/// shares the owner's hash tag, so one owner's turns, metadata and list are in one slot and each
/// script touches one slot. Ids are per owner: nothing is keyed by an id alone. The owner is
/// escaped (no ':', '{' or '}'), so one owner's keys can never be spelled as another's, whatever
/// the ids contain.
/// <code>
/// chatbot:{o:owner}:conv:id       list of turn JSON, capped, sliding expiry
/// chatbot:{o:owner}:meta:id       hash: title, updated (unix ms), turns (all ever written)
/// chatbot:{o:owner}:convs         sorted set of the owner's ids by updated time
/// chatbot:{o:owner}:turn-ids:id   set of the ids of the turns appended (a repeated write adds nothing)
/// chatbot:{o:owner}:feedback:id   hash: run id -> the owner's feedback JSON on that run's answer
/// </code>
/// </summary>
public static class RedisConversationKeys
{
    public const string Prefix = "chatbot:";

    public static string Turns(ConversationKey key) => $"{OwnerPrefix(key.Owner)}conv:{key.ConversationId}";

    public static string Meta(ConversationKey key) => MetaPrefix(key.Owner) + key.ConversationId;

    public static string MetaPrefix(string owner) => $"{OwnerPrefix(owner)}meta:";

    public static string Index(string owner) => $"{OwnerPrefix(owner)}convs";

    public static string TurnIds(ConversationKey key) => $"{OwnerPrefix(key.Owner)}turn-ids:{key.ConversationId}";

    public static string Feedback(ConversationKey key) => $"{OwnerPrefix(key.Owner)}feedback:{key.ConversationId}";

    private static string OwnerPrefix(string owner) => $"{Prefix}{{o:{Uri.EscapeDataString(owner)}}}:";
}
