using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Amazon.Util;

namespace Chatbot.ApiService.Llm.Converse;

/// <summary>
/// Signs a Bedrock runtime request with SigV4 (service <c>bedrock</c>) from AWSSDK.Core's signer
/// parts: its canonical request, signing key and signature. Derived from <see cref="AWS4Signer"/>
/// only to reach its protected canonicalisation; its whole-request <c>Sign</c> needs a service
/// client's configuration, which only a service package such as AWSSDK.BedrockRuntime has.
/// </summary>
public sealed class BedrockRequestSigner(AWSCredentials credentials, string region) : AWS4Signer
{
    public const string Service = "bedrock";

    /// <summary>Signed, but written by HttpClient from the URL and the content, with the values signed.</summary>
    private static readonly HashSet<string> WrittenByHttpClient = new(StringComparer.OrdinalIgnoreCase) { "host", "Content-Type" };

    public string Region { get; } = region;

    /// <param name="resourcePath">The path template, e.g. <c>/model/{modelId}/converse-stream</c>, with its values in <paramref name="pathResources"/>.</param>
    public async Task SignAsync(HttpRequestMessage request, Uri runtime, string resourcePath, IDictionary<string, string> pathResources, string contentType, byte[] body)
    {
        // Refreshing credentials (roles, web identity) renew themselves here.
        var identity = await credentials.GetCredentialsAsync();
        var bodyHash = AWSSDKUtils.ToHex(ComputeHash(body), lowercase: true);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = contentType };
        var signedAt = InitializeHeaders(headers, runtime);
        headers["X-Amz-Content-SHA256"] = bodyHash;
        if (identity.UseToken)
        {
            headers["X-Amz-Security-Token"] = identity.Token;
        }

        var sorted = SortAndPruneHeaders(headers);
        var canonicalRequest = CanonicalizeRequest(runtime, resourcePath, request.Method.Method, sorted, "", bodyHash, pathResources, doubleEncode: true);
        var signature = ComputeSignature(identity, Region, signedAt, Service, CanonicalizeHeaderNames(sorted), canonicalRequest);

        foreach (var (name, value) in headers.Where(header => !WrittenByHttpClient.Contains(header.Key)))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        request.Headers.TryAddWithoutValidation("Authorization", signature.ForAuthorizationHeader);
    }
}
