namespace Chatbot.Web.Identity;

/// <summary>How the web front end learns who its user is (<c>Chatbot:Identity:Mode</c>).</summary>
public enum WebIdentityMode
{
    /// <summary>The user signs in with OpenID Connect; identity from the provider's claims.</summary>
    Oidc,

    /// <summary>Behind the platform's gateway, whose proof (secret or network) every request must carry.</summary>
    Gateway,

    /// <summary>Everyone is the configured demo user. Default in Development; elsewhere only when set, with a badge.</summary>
    Demo,
}
