using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Chatbot.ApiService.Context;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Auth;

/// <summary>
/// Resolves the asking identity in the configured mode, or null when the caller is not trusted
/// (then the request gets 401 and its identity headers are ignored).
/// </summary>
public sealed class IdentityResolver(IOptions<AuthOptions> options, AuthModeSelector modes, AltecoContextParser headers)
{
    private readonly byte[] _secret = Encoding.UTF8.GetBytes(options.Value.GatewaySecret ?? "");
    private readonly IPAddress[] _trustedProxies = options.Value.TrustedProxies.Select(IPAddress.Parse).ToArray();

    /// <remarks>
    /// Only development mode has an anonymous owner; a trusted caller in the other modes must name
    /// a user, or every anonymous caller would share one owner's conversations.
    /// </remarks>
    public AltecoContext? Resolve(HttpContext context) => modes.Mode switch
    {
        AuthMode.Development => headers.Parse(context.Request.Headers),
        AuthMode.Gateway => IsFromGateway(context) ? WithUser(headers.Parse(context.Request.Headers)) : null,
        AuthMode.Jwt => context.User.Identity?.IsAuthenticated == true ? WithUser(FromClaims(context.User, context.Request.Headers)) : null,
        _ => null,
    };

    private static AltecoContext? WithUser(AltecoContext identity) => identity.UserId is null ? null : identity;

    private bool IsFromGateway(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is { } remote && _trustedProxies.Any(proxy => proxy.Equals(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote)))
        {
            return true;
        }
        var presented = context.Request.Headers[options.Value.GatewaySecretHeader].ToString();
        return _secret.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _secret);
    }

    /// <summary>Identity from the token's claims; the gateway's log id header still correlates logs.</summary>
    private AltecoContext FromClaims(ClaimsPrincipal user, IHeaderDictionary requestHeaders) => new()
    {
        UserId = Claim(user, "sub") ?? Claim(user, ClaimTypes.NameIdentifier) ?? Claim(user, "user_id"),
        UserName = Claim(user, "name"),
        UserEmail = Claim(user, "email") ?? Claim(user, ClaimTypes.Email),
        TenantId = Claim(user, "tenant_id") ?? Claim(user, "tid"),
        Role = user.FindAll(ClaimTypes.Role).Concat(user.FindAll("role")).Select(claim => claim.Value)
            .FirstOrDefault(role => role == "superAdmin") ?? Claim(user, "role") ?? Claim(user, ClaimTypes.Role),
        UserSystems = Claims(user, "user_systems"),
        ChargePoints = Claims(user, "charge_points"),
        Storage = Claims(user, "storage"),
        Groups = Claims(user, "groups"),
        LogId = AltecoContextParser.Header(requestHeaders, "log-id") ?? Guid.NewGuid().ToString(),
    };

    private static string? Claim(ClaimsPrincipal user, string type) => user.FindFirst(type)?.Value;

    /// <summary>A list claim: repeated claims, or one claim holding a JSON array.</summary>
    private static string[] Claims(ClaimsPrincipal user, string type) =>
        user.FindAll(type).SelectMany(claim => claim.Value.StartsWith('[') ? ParseArray(claim.Value) : [claim.Value]).ToArray();

    private static IEnumerable<string> ParseArray(string json)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<string[]>(json) ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }
}
