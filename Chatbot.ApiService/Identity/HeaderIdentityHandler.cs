using System.Text.Encodings.Web;
using Chatbot.Contracts.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Identity;

/// <summary>
/// Identity from the seed's headers: in <see cref="AuthMode.Gateway"/> only on a request the
/// gateway proved (and naming a user), and only the fields the gateway is declared to set; in
/// <see cref="AuthMode.Development"/> every field as sent. An unproven request's headers are never
/// read. A field sent twice with different values fails with 400.
/// </summary>
public sealed class HeaderIdentityHandler(
    IOptionsMonitor<HeaderIdentityOptions> options,
    ILoggerFactory loggers,
    UrlEncoder encoder)
    : AuthenticationHandler<HeaderIdentityOptions>(options, loggers, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var requireProof = Options.Proof is not null;
        if (Options.Proof is { } proof && !proof(Context))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var reading = IdentityHeaderReader.Read(Request.Headers, Options.Fields);
        foreach (var field in reading.Malformed)
        {
            Logger.LogWarning("Header {Header} is malformed; using it as sent or as empty", field);
        }
        if (reading.ConflictingField is { } conflict)
        {
            return Task.FromResult(AuthenticateResult.Fail(new IdentityHeaderConflict(conflict)));
        }
        var identity = reading.Identity!;
        // Only development mode has an anonymous owner: otherwise every caller naming no user would share one.
        if (requireProof && identity.UserId is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The gateway named no user."));
        }
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(CallerIdentity.Principal(identity, Scheme.Name), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var problem = result.Failure is IdentityHeaderConflict conflict ? IdentityProblems.Conflict(conflict) : IdentityProblems.Unauthorized();
        await problem.ExecuteAsync(Context);
    }
}
