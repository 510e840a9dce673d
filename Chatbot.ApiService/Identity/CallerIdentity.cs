using System.Security.Claims;
using Chatbot.Contracts.Identity;

namespace Chatbot.ApiService.Identity;

/// <summary>
/// The authenticated caller: the principal's identity carries the <see cref="AltecoContext"/> that
/// its scheme proved (gateway headers, development headers, or a token's claims), read once.
/// </summary>
public sealed class CallerIdentity(AltecoContext context, string authenticationType) : ClaimsIdentity(authenticationType)
{
    public AltecoContext Context { get; } = context;

    public static ClaimsPrincipal Principal(AltecoContext context, string authenticationType) =>
        new(new CallerIdentity(context, authenticationType));

    /// <summary>Who asks; only on endpoints that require authorization, where a scheme has proved it.</summary>
    public static AltecoContext Of(ClaimsPrincipal user) =>
        user.Identities.OfType<CallerIdentity>().FirstOrDefault()?.Context
        ?? throw new InvalidOperationException("No authenticated caller: the endpoint must require authorization.");
}
