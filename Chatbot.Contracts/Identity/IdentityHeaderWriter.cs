using System.Text;
using System.Text.Json;

namespace Chatbot.Contracts.Identity;

/// <summary>
/// Writes an <see cref="AltecoContext"/> as the gateway would: one kebab-case header per field
/// that has a value, the user name in base64, asset lists as JSON arrays. Never the access token.
/// </summary>
public static class IdentityHeaderWriter
{
    public static IReadOnlyList<KeyValuePair<string, string>> Write(AltecoContext identity)
    {
        var headers = new List<KeyValuePair<string, string>>();
        Add(headers, IdentityHeaders.UserId, identity.UserId);
        Add(headers, IdentityHeaders.UserName, identity.UserName is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(identity.UserName)));
        Add(headers, IdentityHeaders.UserEmail, identity.UserEmail);
        Add(headers, IdentityHeaders.TenantId, identity.TenantId);
        Add(headers, IdentityHeaders.TenantIds, identity.TenantIds);
        Add(headers, IdentityHeaders.CustomerId, identity.CustomerId);
        Add(headers, IdentityHeaders.SiteId, identity.SiteId);
        Add(headers, IdentityHeaders.Role, identity.Role);
        Add(headers, IdentityHeaders.Systems, JsonSerializer.Serialize(identity.UserSystems));
        Add(headers, IdentityHeaders.Groups, JsonSerializer.Serialize(identity.Groups));
        Add(headers, IdentityHeaders.ChargePoints, JsonSerializer.Serialize(identity.ChargePoints));
        Add(headers, IdentityHeaders.Storage, JsonSerializer.Serialize(identity.Storage));
        return headers;
    }

    private static void Add(List<KeyValuePair<string, string>> headers, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            headers.Add(KeyValuePair.Create(IdentityHeaders.Name(field), value));
        }
    }
}
