using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

namespace Chatbot.Web.Identity;

/// <summary>
/// The keys that protect sessions, sign-in state and the circuit's parameters. With Redis
/// (<c>ConnectionStrings:redis</c>) every replica shares them and they outlive a restart or a new
/// revision, so nobody is signed out by a deployment; without, they live in this process's profile.
/// Outside Development they are encrypted at rest with a certificate
/// (<c>Chatbot:Identity:SessionKeys:Certificate</c>, a base64 PKCS#12) and the web refuses to start
/// without one: a readable master key lets anyone with access to the store mint any session.
/// </summary>
public static class SessionKeyRing
{
    /// <summary>Only certificate-encrypted keys are kept here; the plain ones of older builds (<c>chatbot:web:data-protection-keys</c>) are never read.</summary>
    public const string RedisKey = "chatbot:web:session-keys";

    public const string CertificateSetting = WebIdentityOptions.Section + ":SessionKeys:Certificate";
    public const string CertificatePasswordSetting = WebIdentityOptions.Section + ":SessionKeys:CertificatePassword";

    public static IHostApplicationBuilder AddSessionKeyRing(this IHostApplicationBuilder builder)
    {
        var keys = builder.Services.AddDataProtection().SetApplicationName("Chatbot.Web");
        if (Certificate(builder.Configuration) is { } certificate)
        {
            keys.ProtectKeysWithCertificate(certificate);
        }
        else if (!builder.Environment.IsDevelopment())
        {
            throw SettingsRefusal.Refuse(CertificateSetting,
                $"{CertificateSetting} must be set outside Development: a base64 PKCS#12 certificate with a private key that encrypts the session keys at rest (docs/deploy.md).");
        }
        if (HasRedis(builder.Configuration))
        {
            // No health check: the web keeps serving with the keys it has loaded while Redis is away.
            builder.AddRedisClient("redis", settings => settings.DisableHealthChecks = true);
            builder.Services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((options, redis) =>
                options.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), RedisKey));
        }
        return builder;
    }

    public static bool HasRedis(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration.GetConnectionString("redis"));

    private static X509Certificate2? Certificate(IConfiguration configuration)
    {
        var encoded = configuration[CertificateSetting];
        if (string.IsNullOrWhiteSpace(encoded))
        {
            return null;
        }
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(encoded.Trim()), configuration[CertificatePasswordSetting]);
            return certificate.HasPrivateKey
                ? certificate
                : throw SettingsRefusal.Refuse(CertificateSetting, $"{CertificateSetting} has no private key: the session keys could be encrypted but never read again.");
        }
        catch (Exception exception) when (exception is FormatException or System.Security.Cryptography.CryptographicException)
        {
            throw SettingsRefusal.Refuse(CertificateSetting, $"{CertificateSetting} must be a base64 PKCS#12 (.pfx) certificate with its private key ({CertificatePasswordSetting} its password): {exception.Message}");
        }
    }
}
