namespace Chatbot.Web.Identity;

/// <summary>How a signed-in user's identity is proven to the API (<c>Chatbot:Identity:Oidc:ApiCredential</c>).</summary>
public enum ApiCredential
{
    /// <summary>As the gateway: the API's gateway secret and identity headers built from the user's claims (API in gateway mode).</summary>
    Gateway,

    /// <summary>The user's access token as a bearer token (API in jwt mode, validating the same provider's tokens).</summary>
    Token,
}
