using Chatbot.Contracts.Api;
using Microsoft.AspNetCore.Authorization;

namespace Chatbot.ApiService.Identity;

/// <summary>
/// Who may call which chatbot endpoint. The default policy, which an endpoint gets from
/// <c>RequireAuthorization()</c>, admits a proven caller but never a rehearsal: whoever holds the
/// warm-up key reaches no conversation, run or cancel. <see cref="Rehearsable"/> admits a rehearsal
/// too, on what prewarm rehearses: a question, and <c>/prewarm</c> naming no conversation.
/// </summary>
public static class CallerPolicies
{
    public const string Rehearsable = "rehearsable";

    public static void Add(AuthorizationOptions options)
    {
        options.DefaultPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .RequireAssertion(context => !CallerIdentity.IsRehearsal(context.User))
            .Build();
        options.AddPolicy(Rehearsable, policy => policy.RequireAuthenticatedUser()
            .RequireAssertion(context => !CallerIdentity.IsRehearsal(context.User) || NamesNoConversation(context.Resource)));
    }

    /// <summary>A rehearsal may warm the process, not load a conversation into memory.</summary>
    private static bool NamesNoConversation(object? resource) =>
        resource is HttpContext http && !http.Request.Query.ContainsKey(ChatbotRoutes.ConversationQuery);
}
