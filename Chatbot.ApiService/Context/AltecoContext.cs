namespace Chatbot.ApiService.Context;

/// <summary>
/// Who is asking, from the gateway's headers (the seed's AltecoContext). Asset lists are what
/// the user may see; an empty list means none.
/// </summary>
public sealed record AltecoContext
{
    public const string AnonymousUser = "anonymous";

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

    public bool IsAlteco => Role == "superAdmin";

    /// <summary>The owner of the conversations this identity creates: tenant and user.</summary>
    public string Owner => $"{TenantId ?? "-"}/{UserId ?? AnonymousUser}";

    /// <summary>A log-safe description: no user id, tenant, name, e-mail or token; the gateway's log id correlates.</summary>
    public override string ToString() =>
        $"role={Role ?? "-"} systems={UserSystems.Count} charge_points={ChargePoints.Count} storage={Storage.Count} log_id={LogId}";
}
