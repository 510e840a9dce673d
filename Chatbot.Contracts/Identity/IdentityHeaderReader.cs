using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Chatbot.Contracts.Identity;

/// <summary>
/// Reads an <see cref="AltecoContext"/> from the identity headers, under every spelling of
/// <see cref="IdentityHeaders"/>, of the fields it is told to believe (<see cref="IdentityFields"/>;
/// the others are never looked at). One value per field: the same field sent twice (two spellings,
/// or one header repeated) with different values is a conflict, never "the first one wins",
/// because a proxy that adds one spelling does not strip the others; an empty value beside a
/// non-empty one is a conflict too, since either could be the one the gateway meant. The user name is base64;
/// the asset lists are JSON arrays. A malformed value is kept as sent (name) or read as empty
/// (list) and reported in <see cref="IdentityHeaderReading.Malformed"/>.
/// </summary>
public static class IdentityHeaderReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static IdentityHeaderReading Read(IHeaderDictionary headers) => Read(headers, IdentityFields.All);

    public static IdentityHeaderReading Read(IHeaderDictionary headers, IdentityFields fields)
    {
        var reading = new Reading(headers, fields);
        var identity = new AltecoContext
        {
            SiteId = reading.Text(IdentityHeaders.SiteId),
            UserId = reading.Text(IdentityHeaders.UserId),
            UserName = reading.Base64Text(IdentityHeaders.UserName),
            UserEmail = reading.Text(IdentityHeaders.UserEmail),
            TenantId = reading.Text(IdentityHeaders.TenantId),
            TenantIds = reading.Text(IdentityHeaders.TenantIds),
            CustomerId = reading.Text(IdentityHeaders.CustomerId),
            Role = reading.Text(IdentityHeaders.Role),
            LogId = reading.Text(IdentityHeaders.LogId) ?? Guid.NewGuid().ToString(),
            UserSystems = reading.List(IdentityHeaders.Systems),
            Groups = reading.List(IdentityHeaders.Groups, IdentityHeaders.LegacyGroups),
            ChargePoints = reading.List(IdentityHeaders.ChargePoints, IdentityHeaders.LegacyChargePoints),
            Storage = reading.List(IdentityHeaders.Storage, IdentityHeaders.LegacyStorage),
            AccessToken = reading.Text(IdentityHeaders.AccessToken),
        };
        return new IdentityHeaderReading(reading.Conflict is null ? identity : null, reading.Conflict, reading.Malformed);
    }

    /// <summary>One field's value (the first, when sent twice): for what proves nothing, like the log id.</summary>
    public static string? Field(IHeaderDictionary headers, string field) => new Reading(headers, IdentityFields.All).Text(field);

    private sealed class Reading(IHeaderDictionary headers, IdentityFields believed)
    {
        public string? Conflict { get; private set; }

        public List<string> Malformed { get; } = [];

        /// <summary>
        /// The field's one value under any of its spellings (and older names), or null: absent,
        /// only empty, or not a field this reading believes.
        /// </summary>
        public string? Text(params string[] fields)
        {
            if (!believed.Contains(fields[0]))
            {
                return null;
            }
            var sent = new SentValues();
            foreach (var field in fields)
            {
                foreach (var name in Spellings.Of(field))
                {
                    foreach (var value in headers[name])
                    {
                        sent.Add(value);
                    }
                }
            }
            if (sent.Conflict)
            {
                Conflict ??= IdentityHeaders.Name(fields[0]);
            }
            return sent.Found;
        }

        public string? Base64Text(string field)
        {
            var raw = Text(field);
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
            Malformed.Add(IdentityHeaders.Name(field));
            return raw;
        }

        /// <summary>The field's JSON array of text; empty when absent or malformed.</summary>
        public IReadOnlyList<string> List(params string[] fields)
        {
            var raw = Text(fields);
            if (raw is null)
            {
                return [];
            }
            if (TryParseArray(raw) is { } items)
            {
                return items;
            }
            Malformed.Add(IdentityHeaders.Name(fields[0]));
            return [];
        }
    }

    /// <summary>The values one field was sent with: the one non-empty value, and whether another (or an empty one) was sent beside it.</summary>
    private struct SentValues
    {
        private bool _empty;
        private bool _differs;

        public string? Found { get; private set; }

        public readonly bool Conflict => _differs || (_empty && Found is not null);

        public void Add(string? value)
        {
            var trimmed = value?.Trim() ?? "";
            if (trimmed.Length == 0)
            {
                _empty = true;
            }
            else if (Found is null)
            {
                Found = trimmed;
            }
            else
            {
                _differs |= trimmed != Found;
            }
        }
    }

    /// <summary>A JSON array's items as text, or null when the value is not one.</summary>
    public static string[]? TryParseArray(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
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
            // Not an array. JsonException: not JSON. InvalidOperationException: an item with a lone
            // surrogate escape (["\ud800"]) that GetString cannot turn into text. ArgumentException:
            // the text itself is not valid UTF-16.
        }
        return null;
    }

    /// <summary>Each field's four spellings, built once: a request reads fourteen fields.</summary>
    private static class Spellings
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> ByField = new();

        public static string[] Of(string field) => ByField.GetOrAdd(field, IdentityHeaders.Spellings);
    }
}
