using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Streaming;

/// <summary>Refuses <c>Chatbot:Streaming</c> settings at start, naming the key: event names must be known, the default within what is allowed.</summary>
public sealed class StreamingOptionsValidator : IValidateOptions<StreamingOptions>
{
    private const string Section = StreamingOptions.Section;

    public ValidateOptionsResult Validate(string? name, StreamingOptions options)
    {
        var failures = Failures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Failures(StreamingOptions options)
    {
        if (!(options.HeartbeatSeconds > 0))
        {
            yield return $"{Section}:HeartbeatSeconds must be positive (it is {options.HeartbeatSeconds}).";
        }
        if (options.DefaultLevel is not (1 or 2))
        {
            yield return $"{Section}:DefaultLevel must be 1 or 2 (it is {options.DefaultLevel}).";
        }
        foreach (var unknown in Unknown("AllowedEvents", options.AllowedEvents).Concat(Unknown("DefaultEvents", options.DefaultEvents)))
        {
            yield return unknown;
        }
        var notAllowed = (options.DefaultEvents ?? []).Except(options.EffectiveAllowedEvents, StringComparer.OrdinalIgnoreCase).ToArray();
        if (notAllowed.Length > 0)
        {
            yield return $"{Section}:DefaultEvents names {string.Join(", ", notAllowed)}, which {Section}:AllowedEvents does not allow.";
        }
    }

    private static IEnumerable<string> Unknown(string setting, string[]? names) =>
        (names ?? []).Where(name => !StreamEventJson.TryParseType(name, out _))
            .Select(name => $"{Section}:{setting} names an unknown event type '{name}' (known: {string.Join(", ", Enum.GetValues<StreamEventType>().Select(type => type.ToWireName()))}).");
}
