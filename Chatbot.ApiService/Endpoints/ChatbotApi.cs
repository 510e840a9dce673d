using Chatbot.ApiService.Identity;
using Chatbot.ApiService.Settings;
using Chatbot.Contracts.Api;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Endpoints;

/// <summary>
/// The seed-compatible HTTP API under <see cref="ChatbotRoutes.Prefix"/>, and also under the
/// configured route prefix (the seed's API_V1_STR) when that differs; each handler's typed results
/// describe its answers.
/// </summary>
public static class ChatbotApi
{
    public static IEndpointRouteBuilder MapChatbotApi(this IEndpointRouteBuilder endpoints)
    {
        MapUnder(endpoints, ChatbotRoutes.Prefix);
        var configured = endpoints.ServiceProvider.GetRequiredService<IOptions<ServiceOptions>>().Value.RoutePrefix + ChatbotRoutes.Chatbot;
        if (!string.Equals(configured, ChatbotRoutes.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            // The same operations again: described once in the OpenAPI document.
            MapUnder(endpoints, configured).ExcludeFromDescription();
        }
        return endpoints;
    }

    private static RouteGroupBuilder MapUnder(IEndpointRouteBuilder endpoints, string prefix)
    {
        var api = endpoints.MapGroup(prefix).WithTags("chatbot");
        Callers(api).RequireAuthorization().MapPrewarmApi().MapChatApi().MapConversationsApi();
        api.MapSeedHealth();
        return api;
    }

    private static RouteGroupBuilder Callers(RouteGroupBuilder api) => api.MapGroup("/")
        .AddEndpointFilter<IdentityHeaderFilter>()
        .RequireCors(IdentityRegistration.CorsPolicy);
}
