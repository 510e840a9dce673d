namespace Chatbot.Web.Identity;

/// <summary>
/// <c>Chatbot:DemoIdentity</c>: who the UI says the user is when no gateway headers arrive, in
/// Development or where <see cref="Enabled"/> is set (a demo deployment without a gateway).
/// </summary>
public sealed class DemoIdentityOptions
{
    public const string Section = "Chatbot:DemoIdentity";

    /// <summary>Use the demo identity outside Development too; every visitor is then the demo user.</summary>
    public bool Enabled { get; set; }

    public string UserId { get; set; } = "demo-user";
    public string TenantId { get; set; } = "t-100";
    public string UserName { get; set; } = "Demo User";
    public string Role { get; set; } = "user";
    public string[] Systems { get; set; } = [];
    public string[] ChargePoints { get; set; } = [];
    public string[] Storage { get; set; } = [];
}
