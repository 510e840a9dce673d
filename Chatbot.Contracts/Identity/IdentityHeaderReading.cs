namespace Chatbot.Contracts.Identity;

/// <summary>
/// What <see cref="IdentityHeaderReader"/> found: the identity, or the first field that was sent
/// with two different values (then no identity); and the fields whose values were malformed.
/// </summary>
public sealed record IdentityHeaderReading(AltecoContext? Identity, string? ConflictingField, IReadOnlyList<string> Malformed);
