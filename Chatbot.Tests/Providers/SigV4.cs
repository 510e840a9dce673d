using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Chatbot.Tests.Providers;

/// <summary>
/// Checks a request's AWS Signature Version 4 the way AWS does, written from the specification and
/// independent of the SDK that signed it: canonical request, string to sign, derived key, HMAC.
/// </summary>
public static partial class SigV4
{
    public sealed record Authorization(string AccessKeyId, string Date, string Region, string Service, IReadOnlyList<string> SignedHeaders, string Signature);

    public static Authorization? Parse(string header) => AuthorizationPattern().Match(header) is { Success: true } match
        ? new Authorization(
            match.Groups["key"].Value, match.Groups["date"].Value, match.Groups["region"].Value, match.Groups["service"].Value,
            match.Groups["headers"].Value.Split(';'), match.Groups["signature"].Value)
        : null;

    /// <summary>The signature AWS would compute for <paramref name="request"/> under <paramref name="secretAccessKey"/>.</summary>
    public static string ExpectedSignature(RecordedModelRequest request, Authorization authorization, string secretAccessKey)
    {
        var amzDate = request.Headers["x-amz-date"];
        var scope = $"{authorization.Date}/{authorization.Region}/{authorization.Service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalRequest(request, authorization))))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + secretAccessKey);
        foreach (var part in new[] { authorization.Date, authorization.Region, authorization.Service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }
        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static string PayloadHash(RecordedModelRequest request) => Hex(SHA256.HashData(request.RawBody));

    private static string CanonicalRequest(RecordedModelRequest request, Authorization authorization)
    {
        var path = request.RawTarget.Split('?')[0];
        var query = request.RawTarget.Contains('?') ? request.RawTarget[(request.RawTarget.IndexOf('?') + 1)..] : "";
        var headers = authorization.SignedHeaders.Select(name => $"{name}:{Collapse(request.Headers[name])}\n");
        return string.Join('\n',
            request.Method,
            // Every service but S3 signs each path segment encoded once more than it was sent.
            string.Join('/', path.Split('/').Select(Uri.EscapeDataString)),
            query,
            string.Concat(headers),
            string.Join(';', authorization.SignedHeaders),
            PayloadHash(request));
    }

    private static string Collapse(string value) => WhitespaceRun().Replace(value.Trim(), " ");

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, SignedHeaders=(?<headers>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();
}
