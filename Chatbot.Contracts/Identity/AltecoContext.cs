namespace Chatbot.Contracts.Identity;

/// <summary>
/// Who is asking (the seed's AltecoContext): the identity the gateway's headers or a token's
/// claims carry. Asset lists are what the user may see; an empty list means none.
/// </summary>
public sealed record AltecoContext
{
    public const string SuperAdminRole = "superAdmin";

    public string? SiteId { get; init; }
    public string? UserId { get; init; }
    public string? UserName { get; init; }
    public string? UserEmail { get; init; }
    public string? TenantId { get; init; }
    public string? TenantIds { get; init; }
    public string? CustomerId { get; init; }
    public string? Role { get; init; }
    public string LogId { get; init; } = "";
    public IReadOnlyList<string> UserSystems { get; init; } = [];
    public IReadOnlyList<string> Groups { get; init; } = [];
    public IReadOnlyList<string> ChargePoints { get; init; } = [];
    public IReadOnlyList<string> Storage { get; init; } = [];

    /// <summary>Never logged: excluded from <see cref="ToString"/>.</summary>
    public string? AccessToken { get; init; }

    public bool IsAlteco => Role == SuperAdminRole;

    /// <summary>
    /// The owner of the conversations this identity creates: tenant and user, each escaped so that
    /// no pair of (tenant, user) shares a key with another (<c>t/x</c> + <c>y</c> is not <c>t</c> + <c>x/y</c>).
    /// No tenant and no user are empty parts: a real id is never empty.
    /// </summary>
    public string Owner => $"{Uri.EscapeDataString(TenantId ?? "")}/{Uri.EscapeDataString(UserId ?? "")}";

    /// <summary>A log-safe description: no user id, tenant, name, e-mail or token; the gateway's log id correlates.</summary>
    public override string ToString() =>
        $"role={Role ?? "-"} systems={UserSystems.Count} charge_points={ChargePoints.Count} storage={Storage.Count} log_id={LogId}";
}
