using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Identity;

/// <summary>
/// The effective mode, from settings <see cref="AuthOptionsValidator"/> has checked at start (so a
/// misconfigured API never starts open); warns when it is development.
/// </summary>
public sealed class AuthModeSelector
{
    public AuthModeSelector(IOptions<AuthOptions> options, IHostEnvironment environment, ILogger<AuthModeSelector> logger)
    {
        Mode = AuthOptionsValidator.ModeOf(options.Value, environment)
            ?? throw new InvalidOperationException(AuthOptionsValidator.UnknownMode(options.Value.Mode));
        if (Mode == AuthMode.Development)
        {
            logger.LogWarning("Auth mode 'development': identity headers are trusted as sent. Never expose this API.");
        }
    }

    public AuthMode Mode { get; }
}
