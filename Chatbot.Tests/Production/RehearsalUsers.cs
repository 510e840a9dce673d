using Chatbot.Tests.Identity.Provider;

namespace Chatbot.Tests.Production;

/// <summary>Two users of two tenants at the identity provider, and what each may see of the sample portfolio.</summary>
public static class RehearsalUsers
{
    public static readonly OidcTestUser Alice = new("alice", "alice-password", new Dictionary<string, string[]>
    {
        ["sub"] = ["alice-1"],
        ["name"] = ["Alice Example"],
        ["tenant_id"] = ["t-100"],
        ["role"] = ["user"],
        ["user_systems"] = ["PV-001"],
        ["charge_points"] = ["CP-101"],
        ["storage"] = ["BAT-501"],
    })
    {
        // Like providers that keep custom claims out of the id token: the web reads them from userinfo.
        UserInfoOnly = new HashSet<string> { "tenant_id", "role", "user_systems", "charge_points", "storage" },
    };

    public static readonly OidcTestUser Bob = new("bob", "bob-password", new Dictionary<string, string[]>
    {
        ["sub"] = ["bob-1"],
        ["name"] = ["Bob Example"],
        ["tenant_id"] = ["t-200"],
        ["role"] = ["user"],
        ["user_systems"] = ["PV-003"],
        ["charge_points"] = ["CP-201"],
        ["storage"] = ["BAT-601"],
    });

    /// <summary>Bob's twin whose access tokens live 50 s: in token mode the web stops using one 30 s before it expires.</summary>
    public static readonly OidcTestUser Dave = Bob with { UserName = "dave", Password = "dave-password", AccessTokenLifetime = TimeSpan.FromSeconds(50) };

    public static readonly string[] AliceAssets = ["PV-001", "CP-101", "BAT-501"];

    public static readonly string[] BobAssets = ["PV-003", "CP-201", "BAT-601"];

    /// <summary>The question whose answer lists the asker's assets.</summary>
    public const string AssetQuestion = "How are my assets doing?";
}
