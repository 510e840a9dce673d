namespace Chatbot.Web.Identity;

/// <summary>
/// <c>Chatbot:DemoIdentity</c>: who the UI says the user is in Development, when no gateway
/// headers arrive. Ignored outside Development.
/// </summary>
public sealed class DemoIdentityOptions
{
    public const string Section = "Chatbot:DemoIdentity";

    public string UserId { get; set; } = "demo-user";
    public string TenantId { get; set; } = "t-100";
    public string UserName { get; set; } = "Demo User";
    public string Role { get; set; } = "user";
    public string[] Systems { get; set; } = [];
    public string[] ChargePoints { get; set; } = [];
    public string[] Storage { get; set; } = [];
}
