using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

namespace Chatbot.Web.Identity;

/// <summary>
/// The keys that protect sessions, sign-in state and the circuit's parameters. With Redis
/// (<c>ConnectionStrings:redis</c>) every replica shares them and they outlive a restart or a new
/// revision, so nobody is signed out by a deployment; without, they live in this process's profile.
/// </summary>
public static class SessionKeyRing
{
    public const string RedisKey = "chatbot:web:data-protection-keys";

    public static IHostApplicationBuilder AddSessionKeyRing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("Chatbot.Web");
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("redis")))
        {
            return builder;
        }
        // No health check: the web keeps serving with the keys it has loaded while Redis is away.
        builder.AddRedisClient("redis", settings => settings.DisableHealthChecks = true);
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((options, redis) =>
            options.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), RedisKey));
        return builder;
    }
}
