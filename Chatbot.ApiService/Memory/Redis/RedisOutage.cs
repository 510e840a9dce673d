using StackExchange.Redis;

namespace Chatbot.ApiService.Memory.Redis;

/// <summary>
/// Whether a Redis call failed because Redis is away for a while (down, unreachable, a cluster
/// slot without its node, a connection torn down mid-command), so the caller falls back, as
/// opposed to a bug of ours (a script error), which it lets through.
/// </summary>
public static class RedisOutage
{
    /// <summary>Where the client's transport throws plain exceptions when a connection dies under a command.</summary>
    private static readonly string[] ClientTransports = ["StackExchange.Redis", "Pipelines.Sockets.Unofficial", "System.IO.Pipelines"];

    public static bool Is(Exception exception) => exception switch
    {
        RedisConnectionException or RedisTimeoutException or TimeoutException => true,
        RedisServerException server => server.Kind is RedisErrorKind.ClusterDown or RedisErrorKind.TryAgain or RedisErrorKind.Loading
            or RedisErrorKind.MasterDown or RedisErrorKind.ReadOnly or RedisErrorKind.Busy or RedisErrorKind.MaxClients,
        InvalidOperationException or IOException or ObjectDisposedException => ClientTransports.Contains(exception.Source),
        _ => false,
    };
}
