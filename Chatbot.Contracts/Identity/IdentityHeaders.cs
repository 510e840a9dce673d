namespace Chatbot.Contracts.Identity;

/// <summary>
/// The seed's identity headers. Each field is read under four spellings: kebab case
/// (<c>alteco-user-id</c>), snake case (<c>alteco_user_id</c>, <c>ALTECO_USER_ID</c>: names are
/// case-insensitive) and either with an <c>x-</c> prefix; we always write kebab case.
/// </summary>
public static class IdentityHeaders
{
    public const string Prefix = "alteco-";

    public const string SiteId = "site-id";
    public const string UserId = "user-id";
    public const string UserName = "user-name";
    public const string UserEmail = "user-email";
    public const string TenantId = "user-tenant-id";
    public const string TenantIds = "user-tenant-ids";
    public const string CustomerId = "user-customer-id";
    public const string Role = "user-role";
    public const string LogId = "log-id";
    public const string Systems = "user-systems";
    public const string Groups = "user-groups";
    public const string ChargePoints = "user-charge-points";
    public const string Storage = "user-storage";
    public const string AccessToken = "access-token";

    /// <summary>Every field the seed's headers carry, as an operator names them in a list of a gateway's fields.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        SiteId, UserId, UserName, UserEmail, TenantId, TenantIds, CustomerId, Role, LogId, Systems, Groups, ChargePoints, Storage, AccessToken,
    ];

    /// <summary>Older spellings the seed also read for three lists.</summary>
    public const string LegacyGroups = "groups";
    public const string LegacyChargePoints = "charge-points";
    public const string LegacyStorage = "storage";

    /// <summary>The secret with which a gateway (or the web front end) proves it set the identity headers.</summary>
    public const string GatewaySecret = "x-gateway-secret";

    /// <summary>The name we write for a field: <c>alteco-user-id</c>.</summary>
    public static string Name(string field) => Prefix + field;

    /// <summary>Every spelling of a field, kebab first.</summary>
    public static string[] Spellings(string field)
    {
        var kebab = Name(field);
        var snake = kebab.Replace('-', '_');
        return [kebab, snake, "x-" + kebab, "x-" + snake];
    }

    /// <summary>Any spelling of any field: <c>alteco-*</c>, <c>alteco_*</c>, <c>x-alteco-*</c>, <c>x-alteco_*</c>.</summary>
    public static bool IsIdentityHeader(string name) =>
        name.StartsWith("alteco", StringComparison.OrdinalIgnoreCase) || name.StartsWith("x-alteco", StringComparison.OrdinalIgnoreCase);
}
