using Chatbot.Contracts.Identity;
using Chatbot.Contracts.Streaming;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Chatbot.ApiService.Identity;

/// <summary>
/// ASP.NET Core authentication for the API: one scheme per <see cref="AuthMode"/> behind a policy
/// scheme that forwards to the configured one, authorization (an endpoint that requires it admits
/// any caller a scheme proved), and CORS for browser clients.
/// </summary>
public static class IdentityRegistration
{
    public const string CorsPolicy = "chatbot-web";
    public const string PolicyScheme = "chatbot";
    public const string GatewayScheme = "gateway";
    public const string DevelopmentScheme = "development";
    public const string JwtScheme = JwtBearerDefaults.AuthenticationScheme;

    public static IHostApplicationBuilder AddChatbotAuth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<AuthOptions, AuthOptionsValidator>().BindConfiguration(AuthOptions.Section)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                options.TrustedProxies = ConfiguredList.Read(configuration, $"{AuthOptions.Section}:TrustedProxies");
                options.GatewayFields = ConfiguredList.Read(configuration, AuthOptions.GatewayFieldsSetting);
            });
        services.AddSingleton<AuthModeSelector>();
        services.AddSingleton(provider => Proof(provider.GetRequiredService<IOptions<AuthOptions>>().Value));
        services.AddAuthentication(PolicyScheme)
            .AddPolicyScheme(PolicyScheme, "The configured identity mode", policy => policy.ForwardDefaultSelector = SchemeFor)
            .AddScheme<HeaderIdentityOptions, HeaderIdentityHandler>(GatewayScheme, _ => { })
            .AddScheme<HeaderIdentityOptions, HeaderIdentityHandler>(DevelopmentScheme, _ => { })
            .AddJwtBearer(JwtScheme, _ => { });
        services.AddOptions<HeaderIdentityOptions>(GatewayScheme).Configure<GatewayProof, IOptions<AuthOptions>>((handler, gateway, auth) =>
            (handler.Proof, handler.Fields) = (gateway.IsProven, IdentityFields.Declared(auth.Value.GatewayFields, AuthOptions.GatewayFieldsSetting)));
        services.AddOptions<JwtBearerOptions>(JwtScheme).Configure<IOptions<AuthOptions>>(JwtIdentity.Configure);
        services.AddAuthorization();

        var origins = builder.Configuration.GetSection("Chatbot:Cors:Origins").Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST", "DELETE")
            .AllowAnyHeader()
            .WithExposedHeaders(StreamHeaders.RunId, StreamHeaders.ConversationId, StreamHeaders.ResumableRun, HeaderNames.RetryAfter)));
        return builder;
    }

    private static GatewayProof Proof(AuthOptions options) =>
        new(options.GatewaySecret, options.GatewaySecretHeader, options.TrustedProxies, $"{AuthOptions.Section}:TrustedProxies");

    private static string SchemeFor(HttpContext context) => SchemeOf(context.RequestServices.GetRequiredService<AuthModeSelector>().Mode);

    public static string SchemeOf(AuthMode mode) => mode switch
    {
        AuthMode.Jwt => JwtScheme,
        AuthMode.Development => DevelopmentScheme,
        _ => GatewayScheme,
    };
}
