namespace Chatbot.Web.Identity;

/// <summary><c>Chatbot:Identity:Demo</c>: who every visitor is in demo mode.</summary>
public sealed class DemoIdentityOptions
{
    public string UserId { get; set; } = "demo-user";
    public string TenantId { get; set; } = "t-100";
    public string UserName { get; set; } = "Demo User";
    public string Role { get; set; } = "user";
    public string[] Systems { get; set; } = [];
    public string[] ChargePoints { get; set; } = [];
    public string[] Storage { get; set; } = [];
}
