using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Chatbot.Web.Identity;

/// <summary>
/// Decides whose identity the UI forwards: the gateway's <c>alteco-*</c> headers when the request
/// carries them; otherwise, in Development only, the configured demo identity; else none.
/// </summary>
public sealed class UserIdentityResolver(IOptions<DemoIdentityOptions> demo, IHostEnvironment environment)
{
    public UserIdentity Resolve(HttpContext? context)
    {
        var forwarded = context?.Request.Headers
            .Where(header => IsIdentityHeader(header.Key))
            .ToDictionary(header => header.Key.ToLowerInvariant(), header => header.Value.ToString());
        if (forwarded is { Count: > 0 })
        {
            return new UserIdentity(forwarded);
        }
        return environment.IsDevelopment() || demo.Value.Enabled ? Demo(demo.Value) : UserIdentity.Anonymous;
    }

    private static bool IsIdentityHeader(string name) =>
        name.StartsWith("alteco-", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("alteco_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("x-alteco", StringComparison.OrdinalIgnoreCase);

    private static UserIdentity Demo(DemoIdentityOptions options) => new(new Dictionary<string, string>
    {
        ["alteco-user-id"] = options.UserId,
        ["alteco-user-tenant-id"] = options.TenantId,
        ["alteco-user-name"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(options.UserName)),
        ["alteco-user-role"] = options.Role,
        ["alteco-user-systems"] = JsonSerializer.Serialize(options.Systems),
        ["alteco-user-charge-points"] = JsonSerializer.Serialize(options.ChargePoints),
        ["alteco-user-storage"] = JsonSerializer.Serialize(options.Storage),
    });
}
