namespace Chatbot.ApiService.Identity;

/// <summary>How the API decides whose question it is answering.</summary>
public enum AuthMode
{
    /// <summary>Identity headers only with the gateway's secret or from a trusted proxy address.</summary>
    Gateway,

    /// <summary>A validated JWT bearer token; identity from its claims.</summary>
    Jwt,

    /// <summary>Identity headers trusted as sent. Refused in Production.</summary>
    Development,
}
