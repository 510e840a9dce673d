using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace Chatbot.Web.Identity;

/// <summary>
/// Signed-in sessions kept on the server (Redis, or this process without it): the cookie carries
/// only a random session id, so signing out deletes the session everywhere and a copied cookie
/// opens nothing afterwards. Tickets are encrypted with the session keys, so write access to Redis
/// alone cannot forge or change one. The entry expires with the session.
/// </summary>
public sealed class SessionStore(IDistributedCache cache, IDataProtectionProvider protection, ILogger<SessionStore> logger) : ITicketStore
{
    /// <summary>The claim that carries the session's id in the user's principal, for the circuit's re-checks.</summary>
    public const string SessionIdClaim = "chatbot:session";

    public const string RedisKeyPrefix = "chatbot:web:session:";

    private readonly IDataProtector _protector = protection.CreateProtector("Chatbot.Web.Sessions");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        if (ticket.Principal.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(SessionIdClaim, id));
        }
        await RenewAsync(id, ticket);
        return id;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var entry = new DistributedCacheEntryOptions { AbsoluteExpiration = ticket.Properties.ExpiresUtc };
        return cache.SetAsync(key, _protector.Protect(TicketSerializer.Default.Serialize(ticket)), entry);
    }

    /// <summary>The session, or null when it ended, expired, was tampered with, or cannot be read now.</summary>
    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        try
        {
            return await cache.GetAsync(key) is { } bytes ? TicketSerializer.Default.Deserialize(_protector.Unprotect(bytes)) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            // Nobody is let in on a session that cannot be checked; it is still there when Redis is back.
            logger.LogWarning("A session could not be read from Redis: {Message}", exception.Message);
            return null;
        }
    }

    public Task RemoveAsync(string key) => cache.RemoveAsync(key);

    /// <summary>The session a circuit's user was signed in with, if it still exists.</summary>
    public Task<AuthenticationTicket?> RetrieveAsync(ClaimsPrincipal user) =>
        user.FindFirst(SessionIdClaim)?.Value is { } id ? RetrieveAsync(id) : Task.FromResult<AuthenticationTicket?>(null);

    /// <summary>Sessions in Redis when the web has one (every replica sees a sign-out), else in this process.</summary>
    public static void Add(IHostApplicationBuilder builder)
    {
        if (SessionKeyRing.HasRedis(builder.Configuration))
        {
            builder.Services.AddStackExchangeRedisCache(_ => { });
            builder.Services.AddOptions<Microsoft.Extensions.Caching.StackExchangeRedis.RedisCacheOptions>()
                .Configure<IServiceProvider>((options, services) =>
                {
                    options.InstanceName = RedisKeyPrefix;
                    options.ConnectionMultiplexerFactory = () => Task.FromResult(services.GetRequiredService<IConnectionMultiplexer>());
                });
        }
        else
        {
            builder.Services.AddDistributedMemoryCache();
        }
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<SessionStore>((cookie, store) => cookie.SessionStore = store);
    }
}
