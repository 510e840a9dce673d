using System.Text;
using Chatbot.ApiService.Context;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Chatbot.ApiService.Auth;

/// <summary>Registers the identity modes, JWT bearer validation (jwt mode only) and CORS for the web front end.</summary>
public static class AuthRegistration
{
    public const string CorsPolicy = "chatbot-web";

    public static IHostApplicationBuilder AddChatbotAuth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddSingleton<AuthModeSelector>();
        services.AddSingleton<AltecoContextParser>();
        services.AddSingleton<IdentityResolver>();
        services.AddSingleton<RequestIdentity>();

        var jwt = builder.Configuration.GetSection($"{AuthOptions.Section}:Jwt").Get<JwtOptions>() ?? new JwtOptions();
        if (string.Equals(builder.Configuration[$"{AuthOptions.Section}:Mode"], nameof(AuthMode.Jwt), StringComparison.OrdinalIgnoreCase))
        {
            services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(bearer => Configure(bearer, jwt));
        }

        var origins = builder.Configuration.GetSection("Chatbot:Cors:Origins").Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST", "DELETE")
            .AllowAnyHeader()
            .WithExposedHeaders("X-Run-Id", "X-Conversation-Id", "X-Stream-Resumable", "Retry-After")));
        return builder;
    }

    private static void Configure(JwtBearerOptions bearer, JwtOptions jwt)
    {
        bearer.MapInboundClaims = false;
        bearer.Authority = jwt.Authority;
        bearer.Audience = jwt.Audience;
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateAudience = !string.IsNullOrEmpty(jwt.Audience),
            ValidAudience = jwt.Audience,
            ValidateIssuer = !string.IsNullOrEmpty(jwt.Issuer),
            ValidIssuer = jwt.Issuer,
            ValidateLifetime = true,
            RoleClaimType = "role",
            NameClaimType = "sub",
        };
        if (!string.IsNullOrEmpty(jwt.SigningKey))
        {
            bearer.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey));
            bearer.TokenValidationParameters.ValidateIssuerSigningKey = true;
        }
    }
}
