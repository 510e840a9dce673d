using System.Net.Http.Json;

namespace Chatbot.Web.Api;

/// <summary>The typed client for Chatbot.ApiService (found through service discovery).</summary>
public sealed class ChatbotApiClient(HttpClient http)
{
    public async Task<ApiServiceInfo?> GetServiceInfoAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<ApiServiceInfo>("/", cancellationToken);
}

public sealed record ApiServiceInfo(string Service, ApiStores Stores);

public sealed record ApiStores(string Infrastructure, string Memory, string Archive);
