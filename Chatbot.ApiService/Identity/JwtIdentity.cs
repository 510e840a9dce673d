using System.Text;
using Chatbot.Contracts.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Chatbot.ApiService.Identity;

/// <summary>
/// JwtBearer in jwt mode: validates the token (signature, lifetime within <see cref="ClockSkew"/>,
/// issuer, and the API's own audience, which <see cref="AuthOptionsValidator"/> requires), takes
/// access tokens only (<see cref="TokenKind"/>), and turns its claims into the caller's identity
/// under <see cref="AuthOptions.Claims"/>'s names. Identity headers are ignored; a token naming no
/// user is refused.
/// </summary>
public static class JwtIdentity
{
    /// <summary>How far past its expiry (or before its start) a token is still taken, for clocks that drift; JwtBearer's default of 5 minutes would keep an expired token working that long.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static void Configure(JwtBearerOptions bearer, IOptions<AuthOptions> options)
    {
        var jwt = options.Value.Jwt;
        bearer.MapInboundClaims = false;
        bearer.Authority = jwt.Authority;
        bearer.Audience = jwt.Audience;
        bearer.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateAudience = true,
            ValidAudience = jwt.Audience,
            ValidateIssuer = !string.IsNullOrEmpty(jwt.Issuer) || !string.IsNullOrEmpty(jwt.Authority),
            ValidIssuer = jwt.Issuer,
            ValidateLifetime = true,
            ClockSkew = ClockSkew,
        };
        if (!string.IsNullOrEmpty(jwt.SigningKey))
        {
            bearer.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey));
            bearer.TokenValidationParameters.ValidateIssuerSigningKey = true;
        }
        bearer.Events = new JwtBearerEvents
        {
            OnTokenValidated = context => AcceptAsync(context, options.Value.Claims),
            OnChallenge = WriteProblemAsync,
        };
    }

    private static Task AcceptAsync(TokenValidatedContext context, IdentityClaimNames names)
    {
        // Fails closed: a validated token that is no JsonWebToken cannot be told apart from an id token.
        if (context.SecurityToken is not JsonWebToken token || TokenKind.IsIdToken(token))
        {
            context.Fail("Only an access token is a credential for this API, never an id token.");
            return Task.CompletedTask;
        }
        return ToCaller(context, names, token);
    }

    private static Task ToCaller(TokenValidatedContext context, IdentityClaimNames names, JsonWebToken token)
    {
        var identity = IdentityClaims.FromPrincipal(context.Principal!, names) with
        {
            // The gateway's log id still correlates logs; it proves nothing.
            LogId = IdentityHeaderReader.Field(context.Request.Headers, IdentityHeaders.LogId) ?? Guid.NewGuid().ToString(),
            // The caller's own credential, for the platform's asset API on their behalf (never logged: AltecoContext.ToString).
            AccessToken = token.EncodedToken,
        };
        if (identity.UserId is null)
        {
            context.Fail("The token names no user.");
            return Task.CompletedTask;
        }
        context.Principal = CallerIdentity.Principal(identity, context.Scheme.Name);
        return Task.CompletedTask;
    }

    /// <summary>Keeps JwtBearer's WWW-Authenticate header and adds the ProblemDetails body every 401 here has.</summary>
    private static async Task WriteProblemAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        context.Response.Headers.WWWAuthenticate = string.IsNullOrEmpty(context.Error) ? "Bearer" : $"Bearer error=\"{context.Error}\"";
        await IdentityProblems.Unauthorized().ExecuteAsync(context.HttpContext);
    }
}
