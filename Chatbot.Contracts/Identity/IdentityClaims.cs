using System.Security.Claims;

namespace Chatbot.Contracts.Identity;

/// <summary>Turns claims into an <see cref="AltecoContext"/> and back, under configured claim names.</summary>
public static class IdentityClaims
{
    public static AltecoContext FromPrincipal(ClaimsPrincipal user, IdentityClaimNames names) => new()
    {
        UserId = First(user, names.UserId),
        UserName = First(user, names.UserName),
        UserEmail = First(user, names.Email),
        TenantId = First(user, names.TenantId),
        Role = Role(user, names.Role),
        UserSystems = List(user, names.Systems),
        ChargePoints = List(user, names.ChargePoints),
        Storage = List(user, names.Storage),
        Groups = List(user, names.Groups),
    };

    public static IEnumerable<Claim> ToClaims(AltecoContext identity, IdentityClaimNames names)
    {
        var claims = new List<Claim>();
        Add(claims, names.UserId, identity.UserId);
        Add(claims, names.UserName, identity.UserName);
        Add(claims, names.Email, identity.UserEmail);
        Add(claims, names.TenantId, identity.TenantId);
        Add(claims, names.Role, identity.Role);
        claims.AddRange(identity.UserSystems.Select(id => new Claim(names.Systems, id)));
        claims.AddRange(identity.ChargePoints.Select(id => new Claim(names.ChargePoints, id)));
        claims.AddRange(identity.Storage.Select(id => new Claim(names.Storage, id)));
        claims.AddRange(identity.Groups.Select(id => new Claim(names.Groups, id)));
        return claims;
    }

    private static string? First(ClaimsPrincipal user, string type) =>
        user.FindFirst(type)?.Value is { Length: > 0 } value ? value.Trim() : null;

    /// <summary>superAdmin when any role claim says so, else the first role.</summary>
    private static string? Role(ClaimsPrincipal user, string type)
    {
        var roles = List(user, type);
        return roles.Contains(AltecoContext.SuperAdminRole) ? AltecoContext.SuperAdminRole : roles.FirstOrDefault();
    }

    /// <summary>A list claim: repeated claims, or one claim holding a JSON array.</summary>
    private static string[] List(ClaimsPrincipal user, string type) =>
        user.FindAll(type)
            .SelectMany(claim => claim.Value.StartsWith('[') ? IdentityHeaderReader.TryParseArray(claim.Value) ?? [] : [claim.Value])
            .Where(value => value.Length > 0)
            .Distinct()
            .ToArray();

    private static void Add(List<Claim> claims, string type, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            claims.Add(new Claim(type, value));
        }
    }
}
