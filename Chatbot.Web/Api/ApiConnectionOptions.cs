namespace Chatbot.Web.Api;

/// <summary><c>Chatbot:Api</c>: where the API is and how the web front end proves itself to it.</summary>
public sealed class ApiConnectionOptions
{
    public const string Section = "Chatbot:Api";

    /// <summary>The API's base address; under the AppHost, service discovery's <c>apiservice</c>.</summary>
    public Uri BaseAddress { get; set; } = new("https+http://apiservice");

    /// <summary>The API's gateway secret (API in gateway mode): sent on every call so the API believes the identity headers.</summary>
    public string? GatewaySecret { get; set; }
}
