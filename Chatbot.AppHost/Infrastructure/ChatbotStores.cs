namespace Chatbot.AppHost.Infrastructure;

/// <summary>The stores the AppHost could run; a null store is left to the API's embedded default.</summary>
public sealed record ChatbotStores(
    InfrastructureMode Mode,
    IResourceBuilder<IResourceWithConnectionString>? Redis,
    IResourceBuilder<IResourceWithConnectionString>? Mongo)
{
    public string Describe() =>
        $"Chatbot infrastructure: mode={Mode.ToString().ToLowerInvariant()}, "
        + $"redis={(Redis is null ? "not running (API uses its in-process memory store)" : "running")}, "
        + $"mongo={(Mongo is null ? "not running (API archive disabled)" : "running")}";
}
