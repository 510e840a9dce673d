using StackExchange.Redis;

namespace Chatbot.ApiService.Settings;

/// <summary>
/// The seed's REDIS_URL (<c>redis://[[user]:password@]host[:port][/db]</c>, <c>rediss://</c> for
/// TLS) as a StackExchange.Redis configuration string, which has no URL form.
/// </summary>
public static class RedisUrl
{
    private const int DefaultPort = 6379;

    /// <summary>A value that is not a redis URL (already <c>host:port,...</c>) is returned as it is.</summary>
    public static string ToConnectionString(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("redis" or "rediss") || url.Host.Length == 0)
        {
            return value;
        }
        var options = new ConfigurationOptions();
        if (url.Scheme == "rediss")
        {
            options.Ssl = true;
        }
        options.EndPoints.Add(url.DnsSafeHost, url.Port > 0 ? url.Port : DefaultPort);
        AddCredentials(options, url.UserInfo);
        if (int.TryParse(url.AbsolutePath.Trim('/'), out var database))
        {
            options.DefaultDatabase = database;
        }
        return options.ToString(includePassword: true);
    }

    private static void AddCredentials(ConfigurationOptions options, string userInfo)
    {
        if (userInfo.Length == 0)
        {
            return;
        }
        var parts = userInfo.Split(':', 2);
        var user = Uri.UnescapeDataString(parts[0]);
        options.User = user.Length > 0 ? user : null;
        options.Password = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : null;
    }
}
