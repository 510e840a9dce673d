using System.Net;
using Chatbot.Contracts.Identity;

namespace Chatbot.ApiService.Tools.Portfolio;

/// <summary>
/// The platform's asset API (docs/platform-api.md), asked on the user's behalf with the user's own
/// token as <c>Authorization: Bearer</c> and nothing else of theirs or ours: no identity headers,
/// no secret, no cookies (<see cref="PortfolioRegistration"/> builds the client). No token, no call.
/// Whatever goes wrong becomes a sentence the tool answers with, and a warning without the token.
/// </summary>
public sealed class PlatformPortfolio(IHttpClientFactory clients, PortfolioCache cache, ILogger<PlatformPortfolio> logger) : IPortfolioSource
{
    public const string ClientName = "platform";
    public const string AssetsPath = "assets";
    public const string NoSignIn = "I can't read your asset data: it needs a signed-in platform user, and this request carries no platform sign-in.";
    public const string Unreachable = "I can't reach your asset data right now. Please try again in a moment.";
    public const string Refused = "I can't reach your asset data right now: the platform refused your sign-in. Signing in again may help.";

    private volatile PortfolioStatus _status = new(true, "not asked yet");

    public PortfolioStatus Status => _status;

    public Task<PortfolioRead> ReadAsync(AltecoContext caller, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(caller.AccessToken)
            ? Task.FromResult(PortfolioRead.Unavailable(NoSignIn))
            : cache.GetAsync(caller, caller.AccessToken, () => FetchAsync(caller, caller.AccessToken), cancellationToken);

    /// <summary>
    /// Asks for the assets with no credential: an answer that refuses it (401, 403) or serves it
    /// means the platform is there; another status (a 404 from a wrong base address, a 5xx) or none fails.
    /// </summary>
    public async Task<string> WarmAsync(CancellationToken cancellationToken)
    {
        var http = clients.CreateClient(ClientName);
        HttpStatusCode status;
        try
        {
            using var response = await http.GetAsync(AssetsPath, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            status = response.StatusCode;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _status = new(false, exception.GetType().Name);
            throw;
        }
        _status = new(Serves(status), $"{http.BaseAddress?.Host}: HTTP {(int)status}");
        return _status.Reachable ? _status.Detail : throw new HttpRequestException($"The platform's asset API answered HTTP {(int)status}.", null, status);
    }

    private async Task<PortfolioRead> FetchAsync(AltecoContext caller, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, AssetsPath);
        request.Headers.Authorization = new("Bearer", token);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request);
            return await AnswerFrom(response, caller);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Down, slow, a refused port, the circuit open, an answer too large: no message names the request's headers.
            logger.LogWarning("The platform's asset API could not be reached for {Caller}: {Failure}: {Message}", caller, exception.GetType().Name, exception.Message);
            _status = new(false, exception.GetType().Name);
            return PortfolioRead.Unavailable(Unreachable);
        }
    }

    private async Task<PortfolioRead> AnswerFrom(HttpResponseMessage response, AltecoContext caller)
    {
        var status = (int)response.StatusCode;
        _status = new(Serves(response.StatusCode), $"HTTP {status}");
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            logger.LogWarning("The platform's asset API refused the sign-in of {Caller}: HTTP {Status}", caller, status);
            return PortfolioRead.Unavailable(Refused);
        }
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("The platform's asset API answered HTTP {Status} for {Caller}", status, caller);
            return PortfolioRead.Unavailable(Unreachable);
        }
        if (!AssetCatalog.TryParse(await response.Content.ReadAsStringAsync(), out var catalog, out var dropped))
        {
            logger.LogWarning("The platform's asset API answered {Caller} with something other than a JSON array of assets", caller);
            _status = new(false, "not a JSON array of assets");
            return PortfolioRead.Unavailable(Unreachable);
        }
        if (dropped > 0)
        {
            logger.LogWarning("The platform's asset API answered {Caller} with {Dropped} entries that are not assets; they are left out", caller, dropped);
        }
        return PortfolioRead.Of(catalog);
    }

    /// <summary>The asset API is there and working: it serves the assets or refuses a credential.</summary>
    private static bool Serves(HttpStatusCode status) =>
        status is HttpStatusCode.OK or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
}
