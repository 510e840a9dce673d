using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.IdentityModel.Tokens;

namespace Chatbot.Tests.Identity.Provider;

/// <summary>
/// Everything that must survive a stop/start of the provider: port, issuer, keys, users, the in-memory
/// database and the data protection keys of the login cookie.
/// </summary>
internal sealed class OidcProviderState : IDisposable
{
    private readonly RSA _signingRsa = RSA.Create(2048);
    private readonly ConcurrentQueue<string> _signIns = new();

    public OidcProviderState(IReadOnlyList<OidcTestClient> clients, IReadOnlyList<OidcTestUser> users, int port)
    {
        Clients = clients;
        Users = users.ToDictionary(user => user.UserName, StringComparer.Ordinal);
        Port = port;
        Issuer = new Uri($"http://127.0.0.1:{port}/");
        SigningKey = new RsaSecurityKey(_signingRsa) { KeyId = "sig-" + Guid.NewGuid().ToString("N") };
    }

    public IReadOnlyList<OidcTestClient> Clients { get; }
    public IReadOnlyDictionary<string, OidcTestUser> Users { get; }
    public int Port { get; }
    public Uri Issuer { get; }
    public SecurityKey SigningKey { get; }
    // Symmetric: an RSA key costs ~0.3 s to generate, and the encryption key is never published.
    public SecurityKey EncryptionKey { get; } = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));
    public InMemoryDatabaseRoot DatabaseRoot { get; } = new();
    public string DatabaseName { get; } = "oidc-test-provider-" + Guid.NewGuid().ToString("N");
    public IDataProtectionProvider DataProtection { get; } = new EphemeralDataProtectionProvider();

    // Browsers share cookies between ports of one host, so the web front end on another 127.0.0.1 port
    // must never see (or overwrite) this cookie: the port in the name keeps them apart.
    public string LoginCookieName => $"oidc-test-provider-{Port}";
    public const string LoginScheme = "OidcTestProviderLogin";

    public IReadOnlyList<string> SignIns => _signIns.ToArray();

    public void RecordSignIn(string userName) => _signIns.Enqueue(userName);

    public OidcTestUser? FindUser(string? userName) =>
        userName is not null && Users.TryGetValue(userName, out var user) ? user : null;

    public OidcTestClient? FindClient(string? clientId) =>
        Clients.FirstOrDefault(client => client.ClientId == clientId);

    public OidcTestUser? FindUserBySubject(string? subject) =>
        Users.Values.FirstOrDefault(user => OidcClaims.SubjectOf(user) == subject);

    public void Dispose() => _signingRsa.Dispose();
}
