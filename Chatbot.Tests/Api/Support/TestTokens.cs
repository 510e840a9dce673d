using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Chatbot.Tests.Api.Support;

/// <summary>
/// HS256 tokens for an API in jwt mode with <c>Chatbot:Auth:Jwt:SigningKey</c> = <see cref="SigningKey"/>
/// and <c>Chatbot:Auth:Jwt:Audience</c> = <see cref="Audience"/>, issued for that audience.
/// </summary>
public static class TestTokens
{
    public const string SigningKey = "a-test-signing-key-that-is-long-enough-for-hs256";
    public const string Audience = "chatbot-api";

    public static ApiFactory JwtApi() => new ApiFactory()
        .With("Chatbot:Auth:Mode", "jwt")
        .With("Chatbot:Auth:Jwt:SigningKey", SigningKey)
        .With("Chatbot:Auth:Jwt:Audience", Audience);

    public static string Create(params Claim[] claims) => Create(DateTime.UtcNow.AddHours(1), SigningKey, claims);

    public static string Create(DateTime expires, string key, params Claim[] claims) => Create(Descriptor(expires, key, claims));

    /// <summary>A token whose JOSE header <c>typ</c> is <paramref name="type"/> (the handler writes <c>JWT</c> otherwise).</summary>
    public static string Typed(string type, params Claim[] claims)
    {
        var descriptor = Descriptor(DateTime.UtcNow.AddHours(1), SigningKey, claims);
        descriptor.TokenType = type;
        return Create(descriptor);
    }

    private static string Create(SecurityTokenDescriptor descriptor) => new JsonWebTokenHandler().CreateToken(descriptor);

    private static SecurityTokenDescriptor Descriptor(DateTime expires, string key, Claim[] claims) => new()
    {
        Subject = new ClaimsIdentity(claims),
        Audience = Audience,
        NotBefore = expires.AddHours(-3),
        IssuedAt = expires.AddHours(-3),
        Expires = expires,
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
    };
}
