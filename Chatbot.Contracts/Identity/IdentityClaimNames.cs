namespace Chatbot.Contracts.Identity;

/// <summary>
/// Which claim carries each identity field, in a token the API validates or in the web's
/// sign-in. The defaults are the names our own tokens use; an identity provider with other
/// names (Auth0's namespaced claims, Entra's <c>tid</c>, Cognito's <c>custom:*</c>) is mapped here.
/// </summary>
public sealed class IdentityClaimNames
{
    public string UserId { get; set; } = "sub";
    public string UserName { get; set; } = "name";
    public string Email { get; set; } = "email";
    public string TenantId { get; set; } = "tenant_id";
    public string Role { get; set; } = "role";
    public string Systems { get; set; } = "user_systems";
    public string ChargePoints { get; set; } = "charge_points";
    public string Storage { get; set; } = "storage";
    public string Groups { get; set; } = "groups";
}
