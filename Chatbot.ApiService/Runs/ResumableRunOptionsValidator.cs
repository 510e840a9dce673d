using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Runs;

/// <summary>Refuses <c>Chatbot:Runs</c> settings the journal cannot work with, at start-up.</summary>
public sealed class ResumableRunOptionsValidator : IValidateOptions<ResumableRunOptions>
{
    public ValidateOptionsResult Validate(string? name, ResumableRunOptions options)
    {
        List<string> failures = [];
        if (options.JournalWindow < TimeSpan.Zero)
        {
            failures.Add($"{ResumableRunOptions.Section}:{nameof(options.JournalWindow)} must be zero or more (it is {options.JournalWindow}).");
        }
        if (options.JournalMaxBatch < 1)
        {
            failures.Add($"{ResumableRunOptions.Section}:{nameof(options.JournalMaxBatch)} must be at least 1 (it is {options.JournalMaxBatch}).");
        }
        if (options.Lease <= TimeSpan.Zero)
        {
            failures.Add($"{ResumableRunOptions.Section}:{nameof(options.Lease)} must be positive (it is {options.Lease}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
