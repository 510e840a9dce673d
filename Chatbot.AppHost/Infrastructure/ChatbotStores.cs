namespace Chatbot.AppHost.Infrastructure;

/// <summary>The stores the AppHost could run; a null store is left to the API's embedded default.</summary>
public sealed record ChatbotStores(
    InfrastructureMode Mode,
    IResourceBuilder<IResourceWithConnectionString>? Redis,
    IResourceBuilder<IResourceWithConnectionString>? Mongo)
{
    public string Describe() =>
        $"Chatbot infrastructure: mode={Mode.ToString().ToLowerInvariant()}, "
        + $"redis={Describe(Redis, "API uses its in-process memory store")}, "
        + $"mongo={Describe(Mongo, "API archive disabled")}";

    private static string Describe(IResourceBuilder<IResourceWithConnectionString>? store, string fallback) => store?.Resource switch
    {
        null => $"not running ({fallback})",
        ParameterResource => "given by connection string",
        _ => "running",
    };
}
