using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Chatbot.ApiService.Identity;

/// <summary>
/// Shows in the OpenAPI document how a caller proves who it is in the configured mode: a bearer
/// token (jwt), the gateway's secret header (gateway), nothing (development).
/// </summary>
public sealed class IdentitySchemeDocument(AuthModeSelector modes, Microsoft.Extensions.Options.IOptions<AuthOptions> options) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (Scheme() is not { } scheme)
        {
            return Task.CompletedTask;
        }
        var name = IdentityRegistration.SchemeOf(modes.Mode);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[name] = scheme;
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(name, document)] = [] });
        return Task.CompletedTask;
    }

    private OpenApiSecurityScheme? Scheme() => modes.Mode switch
    {
        AuthMode.Jwt => new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from the configured identity provider; identity comes from its claims.",
        },
        AuthMode.Gateway => new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = options.Value.GatewaySecretHeader,
            Description = "The gateway's shared secret; the alteco-* identity headers are believed only with it (or from a trusted proxy address).",
        },
        _ => null,
    };
}
