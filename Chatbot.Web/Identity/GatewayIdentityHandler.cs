using System.Security.Claims;
using System.Text.Encodings.Web;
using Chatbot.Contracts.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Chatbot.Web.Identity;

/// <summary>
/// Gateway mode: the platform's gateway signs users in and sends who they are as identity headers.
/// Those headers are read only on a request that proves the gateway (its secret, or a connection
/// from its network), and only the fields the gateway is declared to set; on any other request
/// they are ignored and the user is nobody. A field sent twice with different values fails with
/// <see cref="IdentityHeaderConflict"/>, which <see cref="GatewayConflicts"/> answers with 400.
/// </summary>
public sealed class GatewayIdentityHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggers,
    UrlEncoder encoder,
    WebIdentitySetup setup,
    GatewayProof proof,
    IdentityFields fields)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    public const string SchemeName = "gateway";

    /// <summary>Built once at start, so a bad network in the settings refuses to start, naming it.</summary>
    public static GatewayProof Proof(WebGatewayOptions gateway) =>
        new(gateway.Secret, gateway.SecretHeader, gateway.TrustedNetworks, $"{WebIdentityOptions.Section}:Gateway:TrustedNetworks");

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!proof.IsProven(Context))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var reading = IdentityHeaderReader.Read(Request.Headers, fields);
        if (reading.ConflictingField is { } field)
        {
            return Task.FromResult(AuthenticateResult.Fail(new IdentityHeaderConflict(field)));
        }
        if (reading.Identity is not { UserId: not null } identity)
        {
            return Task.FromResult(AuthenticateResult.Fail("The gateway named no user."));
        }
        var user = new ClaimsPrincipal(new ClaimsIdentity(IdentityClaims.ToClaims(identity, setup.Options.Claims), SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(user, SchemeName)));
    }
}
