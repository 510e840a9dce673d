using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Identity;

/// <summary>
/// Prewarm's own requests: one its <see cref="WarmupKey"/> proves is the key's
/// <see cref="WarmupKey.Rehearser"/>, and its identity headers are never read, so holding the key
/// names nobody. Where a rehearsal may go is <see cref="CallerPolicies"/>'s call; refused, it
/// gets 403, and a request with a wrong key 401, both ProblemDetails.
/// </summary>
public sealed class WarmupIdentityHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggers,
    UrlEncoder encoder,
    WarmupKey key)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(key.Proves(Context)
        ? AuthenticateResult.Success(new AuthenticationTicket(CallerIdentity.Principal(key.Rehearser, Scheme.Name), Scheme.Name))
        : AuthenticateResult.NoResult());

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => IdentityProblems.Unauthorized().ExecuteAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => IdentityProblems.RehearsalOnly().ExecuteAsync(Context);
}
