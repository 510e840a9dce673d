namespace Chatbot.ApiService.Logging;

/// <summary>
/// Stands in for a logged exception whose text held a secret: its message and its
/// <see cref="ToString"/> (type, message, stack, inner exceptions) are the original's, redacted.
/// </summary>
public sealed class RedactedException : Exception
{
    private readonly string _details;
    private readonly string? _stackTrace;

    private RedactedException(string message, string details, string? stackTrace) : base(message)
    {
        _details = details;
        _stackTrace = stackTrace;
    }

    public override string? StackTrace => _stackTrace;

    /// <summary>The exception itself when nothing in it needs masking, else its redacted stand-in.</summary>
    public static Exception? From(Exception? exception, SecretRedactor redactor)
    {
        if (exception is null)
        {
            return null;
        }
        var details = exception.ToString();
        var redacted = redactor.Redact(details);
        return redacted == details
            ? exception
            : new RedactedException(redactor.Redact(exception.Message), redacted, exception.StackTrace is { } stack ? redactor.Redact(stack) : null);
    }

    public override string ToString() => _details;
}
