using System.Text.RegularExpressions;

namespace Chatbot.ApiService.Logging;

/// <summary>
/// Masks secrets in log text: configured secret values (API keys, gateway secrets, passwords),
/// JWTs (base64url segments joined by dots, starting with <c>eyJ</c> as every JWS/JWE header
/// does), <c>Bearer</c>/<c>Basic</c> credentials, and the value after a secret-bearing field
/// name (<c>alteco-access-token: ...</c>, <c>x-api-key=...</c>, <c>"password":"..."</c>).
/// </summary>
/// <remarks>
/// Written by hand rather than with Microsoft.Extensions.Compliance.Redaction: that package
/// redacts log parameters by data classification ([PrivateData] on our own LoggerMessage
/// methods), but the leaks this guards against are free text in framework messages (Kestrel's
/// bad-request log quotes the raw header line), which need matching on the text itself.
/// </remarks>
public sealed partial class SecretRedactor
{
    public const string Mask = "[redacted]";

    /// <summary>Shorter configured values are left alone: masking "15" or "true" everywhere would ruin logs.</summary>
    public const int MinSecretLength = 8;

    private static readonly string[] SecretKeyWords =
        ["apikey", "api-key", "api_key", "secret", "password", "accesstoken", "access-token", "access_token"];

    private readonly string[] _secrets;

    public SecretRedactor(IEnumerable<string> secrets) =>
        _secrets = secrets.Where(secret => secret.Length >= MinSecretLength).Distinct().OrderByDescending(secret => secret.Length).ToArray();

    /// <summary>Every configured value whose key names a secret (<c>Chatbot:Llm:OpenAI:ApiKey</c>, <c>...:GatewaySecret</c>).</summary>
    public static SecretRedactor FromConfiguration(IConfiguration configuration) =>
        new(configuration.AsEnumerable()
            .Where(setting => setting.Value is not null && IsSecretKey(setting.Key))
            .Select(setting => setting.Value!));

    public static bool IsSecretKey(string key) => SecretKeyWords.Any(word => key.Contains(word, StringComparison.OrdinalIgnoreCase));

    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        text = SecretField().Replace(text, match => match.Groups["name"].Value + match.Groups["separator"].Value + Mask);
        text = Credential().Replace(text, match => match.Groups["scheme"].Value + " " + Mask);
        return Jwt().Replace(text, Mask);
    }

    [GeneratedRegex("""(?<name>\b(?:x[-_])?(?:alteco[-_])?access[-_]token|\bproxy-authorization|\bauthorization|\bx-gateway-secret|\bx-api-key|\bapi[-_]?key|\bclient[-_]?secret|\bpassword|\bpwd|\bcookie)(?<separator>"?\s*[:=]\s*"?)(?<value>(?:(?:bearer|basic)\s+)?[^\s'",;&]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex SecretField();

    [GeneratedRegex(@"\b(?<scheme>Bearer|Basic)\s+[A-Za-z0-9._~+/-]{8,}=*", RegexOptions.IgnoreCase)]
    private static partial Regex Credential();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();
}
