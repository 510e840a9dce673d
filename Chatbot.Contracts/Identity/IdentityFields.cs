using Microsoft.Extensions.Options;

namespace Chatbot.Contracts.Identity;

/// <summary>
/// The identity fields a reading believes: every one (<see cref="All"/>), or the ones an operator
/// declared that the gateway sets. A field outside the set is not read under any spelling, so a
/// client cannot add one that a gateway passes through untouched.
/// </summary>
public sealed class IdentityFields
{
    private readonly HashSet<string> _fields;

    private IdentityFields(IEnumerable<string> fields) => _fields = new HashSet<string>(fields, StringComparer.Ordinal);

    public static IdentityFields All { get; } = new(IdentityHeaders.Fields);

    public bool Contains(string field) => _fields.Contains(field);

    /// <summary>
    /// The fields <paramref name="names"/> declares (<see cref="All"/> when it declares none), or an
    /// exception naming <paramref name="setting"/> (see <see cref="Problem"/>).
    /// </summary>
    public static IdentityFields Declared(IReadOnlyCollection<string> names, string setting) =>
        Problem(names, setting) is { } problem ? throw new OptionsValidationException(setting, typeof(IdentityFields), [problem])
        : names.Count == 0 ? All
        : new(names.Select(Normalized));

    /// <summary>What is wrong with a declared list, naming <paramref name="setting"/>: a name that is no field, or no user id.</summary>
    public static string? Problem(IReadOnlyCollection<string> names, string setting)
    {
        if (names.Count == 0)
        {
            return null;
        }
        if (names.FirstOrDefault(name => !IdentityHeaders.Fields.Contains(Normalized(name))) is { } unknown)
        {
            return $"{setting} lists '{unknown}', which is no identity field; the fields are {string.Join(", ", IdentityHeaders.Fields)}.";
        }
        return names.Select(Normalized).Contains(IdentityHeaders.UserId)
            ? null
            : $"{setting} must list {IdentityHeaders.UserId}: a gateway that names no user proves no one.";
    }

    private static string Normalized(string name) => name.Trim().ToLowerInvariant();
}
