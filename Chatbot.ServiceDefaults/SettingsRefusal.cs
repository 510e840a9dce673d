using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A setting a service cannot run with ends its process with the setting's message on stderr and
/// exit code 1, not an unhandled exception's stack trace and an abort (exit code 134).
/// </summary>
public static class SettingsRefusal
{
    public const int ExitCode = 1;

    /// <summary>The failure a setting check throws: the framework's own, so one handler ends the process for all of them.</summary>
    public static OptionsValidationException Refuse(string setting, string message) =>
        new(setting, typeof(IConfiguration), [message]);

    /// <summary>
    /// From here on, a setting refused at start (an <see cref="OptionsValidationException"/> left
    /// unhandled) ends the process as above. Called first by <c>AddServiceDefaults</c>, so the checks
    /// made while the services are registered are covered too.
    /// </summary>
    internal static void ExitOnRefusedSetting()
    {
        AppDomain.CurrentDomain.UnhandledException -= ExitNamingTheSetting;
        AppDomain.CurrentDomain.UnhandledException += ExitNamingTheSetting;
    }

    /// <summary>
    /// Validates the options registered with <c>ValidateOnStart</c> now, before anything resolves
    /// them and before the host starts (which would log the failure with its stack trace). The
    /// failure is thrown on, so a test host that runs the app in process still receives it; left
    /// unhandled, it ends the process as above (<c>AddServiceDefaults</c> installed the handler).
    /// </summary>
    public static WebApplication ValidateSettings(this WebApplication app)
    {
        app.Services.GetService<IStartupValidator>()?.Validate();
        return app;
    }

    private static void ExitNamingTheSetting(object? sender, UnhandledExceptionEventArgs args)
    {
        IEnumerable<Exception>? failures = args.ExceptionObject switch
        {
            OptionsValidationException failure => [failure],
            // Several options classes failed at once.
            AggregateException { InnerExceptions: var inner } when inner.All(exception => exception is OptionsValidationException) => inner,
            _ => null,
        };
        if (failures is null)
        {
            return;
        }
        foreach (var failure in failures)
        {
            Console.Error.WriteLine(failure.Message);
        }
        Environment.Exit(ExitCode);
    }
}
