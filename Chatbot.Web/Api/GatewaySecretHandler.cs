using Chatbot.Contracts.Identity;
using Microsoft.Extensions.Options;

namespace Chatbot.Web.Api;

/// <summary>
/// Sends the API's gateway secret (<c>Chatbot:Api:GatewaySecret</c>) with every API call, so the API
/// in gateway mode believes the identity headers this front end built from the user's claims.
/// </summary>
public sealed class GatewaySecretHandler(IOptions<ApiConnectionOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (options.Value.GatewaySecret is { Length: > 0 } secret)
        {
            request.Headers.Remove(IdentityHeaders.GatewaySecret);
            request.Headers.TryAddWithoutValidation(IdentityHeaders.GatewaySecret, secret);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
