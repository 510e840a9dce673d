namespace Chatbot.Web.Api;

/// <summary>
/// Sends the shared gateway secret (<c>Chatbot:GatewaySecret</c>) with every API call, so the API
/// in gateway mode trusts the identity headers this front end forwards.
/// </summary>
public sealed class GatewaySecretHandler(IConfiguration configuration) : DelegatingHandler
{
    public const string Header = "x-gateway-secret";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (configuration["Chatbot:GatewaySecret"] is { Length: > 0 } secret)
        {
            request.Headers.Remove(Header);
            request.Headers.TryAddWithoutValidation(Header, secret);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
