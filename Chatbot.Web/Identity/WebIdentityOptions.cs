using System.ComponentModel.DataAnnotations;
using Chatbot.Contracts.Identity;

namespace Chatbot.Web.Identity;

/// <summary><c>Chatbot:Identity</c>: who the web front end's user is, and how that is proven.</summary>
public sealed class WebIdentityOptions
{
    public const string Section = "Chatbot:Identity";

    /// <summary>oidc, gateway or demo; required outside Development (demo there).</summary>
    public string? Mode { get; set; }

    /// <summary>How long a signed-in session lasts without use (sliding).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "10675199.02:48:05.4775807", MinimumIsExclusive = true, ErrorMessage = Section + ":SessionLifetime must be positive.")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How often an open chat re-checks that its session still exists: a sign-out ends every other tab within this time.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = Section + ":RevalidationInterval must be between 1 s and 10 min.")]
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Which claim carries each identity field: in the provider's tokens (oidc), and in the session of every mode.</summary>
    public IdentityClaimNames Claims { get; set; } = new();

    public OidcSignInOptions Oidc { get; set; } = new();

    public WebGatewayOptions Gateway { get; set; } = new();

    public DemoIdentityOptions Demo { get; set; } = new();
}
