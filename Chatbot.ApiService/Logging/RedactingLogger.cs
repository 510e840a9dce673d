namespace Chatbot.ApiService.Logging;

/// <summary>
/// Passes each log event on with its message, its structured values and its exception text
/// redacted by <see cref="SecretRedactor"/>. Scopes pass through unchanged.
/// </summary>
public sealed class RedactingLogger(ILogger inner, SecretRedactor redactor) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }
        var message = redactor.Redact(formatter(state, exception));
        var redacted = RedactedLogState.From(state, message, redactor);
        inner.Log(logLevel, eventId, redacted, RedactedException.From(exception, redactor), static (value, _) => value.Message);
    }
}
