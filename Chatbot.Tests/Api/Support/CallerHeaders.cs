using Chatbot.Contracts.Identity;

namespace Chatbot.Tests.Api.Support;

/// <summary>
/// Identity headers named as the gateway names them (<see cref="IdentityHeaders"/>), as the
/// (name, value) pairs <see cref="ChatbotClient"/> sends. Spelling variants and hostile values are
/// written out where a test is about them.
/// </summary>
public static class CallerHeaders
{
    /// <summary>Every header the gateway writes for <paramref name="identity"/> (<see cref="IdentityHeaderWriter"/>).</summary>
    public static (string Name, string Value)[] Of(AltecoContext identity) =>
        [.. IdentityHeaderWriter.Write(identity).Select(header => (header.Key, header.Value))];

    /// <summary>One identity field under the name we write: <c>alteco-user-id</c> for <see cref="IdentityHeaders.UserId"/>.</summary>
    public static (string Name, string Value) Field(string field, string value) => (IdentityHeaders.Name(field), value);

    public static (string Name, string Value) User(string userId) => Field(IdentityHeaders.UserId, userId);

    public static (string Name, string Value) GatewaySecret(string secret) => (IdentityHeaders.GatewaySecret, secret);
}
