using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Chatbot.Tests.Production;

/// <summary>What an operator gives azd as <c>session-keys-certificate</c>: a self-signed certificate with its key, base64 PKCS#12.</summary>
public static class SessionKeysCertificate
{
    private static readonly Lazy<string> Pfx = new(Create);

    public static string Base64 => Pfx.Value;

    private static string Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=chatbot-session-keys", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pfx));
    }
}
