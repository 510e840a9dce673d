using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace Chatbot.ApiService.Context;

/// <summary>
/// Reads <see cref="AltecoContext"/> from the seed's headers: each name in kebab case
/// (<c>alteco-user-id</c>) or snake case (<c>ALTECO_USER_ID</c>, <c>alteco_user_id</c>; header
/// names are case-insensitive), each also with an <c>x-</c> prefix. The user name is base64;
/// systems, groups, charge points and storage are JSON arrays. A malformed value is ignored with
/// a warning, never an error.
/// </summary>
public sealed class AltecoContextParser(ILogger<AltecoContextParser> logger)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>Each suffix's four spellings, built once: a request reads thirteen headers.</summary>
    private static readonly ConcurrentDictionary<string, string[]> SpellingsBySuffix = new();

    public AltecoContext Parse(IHeaderDictionary headers)
    {
        var role = Header(headers, "user-role");
        return new AltecoContext
        {
            SiteId = Header(headers, "site-id"),
            UserId = Header(headers, "user-id"),
            UserName = Base64Text(headers, "user-name"),
            UserEmail = Header(headers, "user-email"),
            TenantId = Header(headers, "user-tenant-id"),
            TenantIds = Header(headers, "user-tenant-ids"),
            CustomerId = Header(headers, "user-customer-id"),
            Role = role,
            LogId = Header(headers, "log-id") ?? Guid.NewGuid().ToString(),
            UserSystems = JsonList(headers, "user-systems") ?? [],
            Groups = JsonList(headers, "user-groups") ?? JsonList(headers, "groups") ?? [],
            ChargePoints = JsonList(headers, "user-charge-points") ?? JsonList(headers, "charge-points") ?? [],
            Storage = JsonList(headers, "user-storage") ?? JsonList(headers, "storage") ?? [],
            AccessToken = Header(headers, "access-token"),
        };
    }

    /// <summary>The header's value under any of the seed's spellings, or null.</summary>
    public static string? Header(IHeaderDictionary headers, string suffix)
    {
        foreach (var name in SpellingsBySuffix.GetOrAdd(suffix, Spellings))
        {
            var value = headers[name];
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value.ToString().Trim();
            }
        }
        return null;
    }

    private static string[] Spellings(string suffix)
    {
        var kebab = "alteco-" + suffix;
        var snake = kebab.Replace('-', '_');
        return [kebab, snake, "x-" + kebab, "x-" + snake];
    }

    private string? Base64Text(IHeaderDictionary headers, string suffix)
    {
        var raw = Header(headers, suffix);
        if (raw is null)
        {
            return null;
        }
        var buffer = new byte[raw.Length];
        if (Convert.TryFromBase64String(raw, buffer, out var length))
        {
            try
            {
                return StrictUtf8.GetString(buffer, 0, length);
            }
            catch (DecoderFallbackException)
            {
                // Falls through: not UTF-8 after decoding.
            }
        }
        logger.LogWarning("Header alteco-{Header} is not base64 UTF-8; using it as sent", suffix);
        return raw;
    }

    /// <summary>The header's JSON array; null when the header is absent, empty when malformed.</summary>
    private IReadOnlyList<string>? JsonList(IHeaderDictionary headers, string suffix)
    {
        var raw = Header(headers, suffix);
        if (raw is null)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(raw);
            if (document.RootElement.ValueKind == JsonValueKind.Array)
            {
                return document.RootElement.EnumerateArray()
                    .Select(item => item.ValueKind == JsonValueKind.String ? item.GetString() : item.GetRawText())
                    .OfType<string>()
                    .Where(item => item.Length > 0)
                    .ToArray();
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException)
        {
            // Falls through to the warning. JsonException: not JSON. InvalidOperationException: an
            // item with a lone surrogate escape (["\ud800"]) that GetString cannot turn into text.
            // ArgumentException: the header text itself is not valid UTF-16.
        }
        logger.LogWarning("Header alteco-{Header} is not a JSON array of text; ignoring it", suffix);
        return [];
    }
}
