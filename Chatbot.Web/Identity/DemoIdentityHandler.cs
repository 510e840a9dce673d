using System.Security.Claims;
using System.Text.Encodings.Web;
using Chatbot.Contracts.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Chatbot.Web.Identity;

/// <summary>Demo mode: every request is the configured demo user, whatever it sends.</summary>
public sealed class DemoIdentityHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggers,
    UrlEncoder encoder,
    WebIdentitySetup setup)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    public const string SchemeName = "demo";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var demo = setup.Options.Demo;
        var identity = new AltecoContext
        {
            UserId = demo.UserId,
            UserName = demo.UserName,
            TenantId = demo.TenantId,
            Role = demo.Role,
            UserSystems = demo.Systems,
            ChargePoints = demo.ChargePoints,
            Storage = demo.Storage,
        };
        var user = new ClaimsPrincipal(new ClaimsIdentity(IdentityClaims.ToClaims(identity, setup.Options.Claims), SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(user, SchemeName)));
    }
}
