using System.Security.Cryptography;
using System.Text;
using Chatbot.Contracts.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Internal;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Tools.Portfolio;

/// <summary>
/// A user's read of the platform, kept for <see cref="PortfolioOptions.CacheFor"/> so that the tool
/// calls of one answer ask the platform once (calls that arrive together share one request). Keyed
/// on the proven owner and a hash of the token: another user, or the same user with a new token,
/// asks again, and the raw token is never a key. Only good reads are kept.
/// </summary>
public sealed class PortfolioCache(IOptions<PortfolioOptions> options, [FromKeyedServices(PortfolioCache.ClockKey)] TimeProvider clock) : IDisposable
{
    public const string ClockKey = "portfolio-cache";

    /// <summary>Users whose reads are kept at once; beyond it, reads are not kept until entries expire.</summary>
    private const int MaxUsers = 10_000;

    private readonly MemoryCache _reads = new(new MemoryCacheOptions { Clock = new Clock(clock), SizeLimit = MaxUsers });

    public async Task<PortfolioRead> GetAsync(AltecoContext caller, string token, Func<Task<PortfolioRead>> read, CancellationToken cancellationToken)
    {
        if (options.Value.CacheFor <= TimeSpan.Zero)
        {
            return await read().WaitAsync(cancellationToken);
        }
        var key = Key(caller, token);
        var shared = _reads.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = options.Value.CacheFor;
            entry.Size = 1;
            return new Lazy<Task<PortfolioRead>>(read);
        })!;
        // This caller may leave; the shared read, which carries no caller's cancellation, goes on for the others.
        var result = await shared.Value.WaitAsync(cancellationToken);
        if (result.Catalog is null && _reads.TryGetValue(key, out Lazy<Task<PortfolioRead>>? current) && current == shared)
        {
            _reads.Remove(key);
        }
        return result;
    }

    public void Dispose() => _reads.Dispose();

    private static string Key(AltecoContext caller, string token) =>
        $"{caller.Owner}|{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)))}";

    /// <summary>The memory cache's clock from a <see cref="TimeProvider"/>, so tests move time instead of waiting.</summary>
    private sealed class Clock(TimeProvider time) : ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
