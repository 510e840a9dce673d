using Microsoft.Extensions.Options;

namespace Chatbot.Web.Api;

/// <summary>Refuses a <c>Chatbot:Api:BaseAddress</c> the HTTP clients cannot call, at start, naming it.</summary>
public sealed class ApiConnectionOptionsValidator : IValidateOptions<ApiConnectionOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiConnectionOptions options) =>
        options.BaseAddress is { IsAbsoluteUri: true }
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{ApiConnectionOptions.Section}:BaseAddress must be an absolute URL (like https+http://apiservice), not '{options.BaseAddress}'.");
}
