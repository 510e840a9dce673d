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
        if (options.FollowPollInterval <= TimeSpan.Zero)
        {
            failures.Add($"{ResumableRunOptions.Section}:{nameof(options.FollowPollInterval)} must be positive (it is {options.FollowPollInterval}).");
        }
        else if (options.Lease < options.FollowPollInterval)
        {
            // A follower checks the lease once a poll: a shorter lease lapses between two checks of a live producer.
            failures.Add($"{ResumableRunOptions.Section}:{nameof(options.Lease)} ({options.Lease}) must not be shorter than {ResumableRunOptions.Section}:{nameof(options.FollowPollInterval)} ({options.FollowPollInterval}).");
        }
        if (options.RetainFor <= TimeSpan.Zero)
        {
            failures.Add($"{ResumableRunOptions.Section}:{nameof(options.RetainFor)} must be positive (it is {options.RetainFor}).");
        }
        if (options.MaxEvents < 1)
        {
            failures.Add($"{ResumableRunOptions.Section}:{nameof(options.MaxEvents)} must be at least 1 (it is {options.MaxEvents}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
