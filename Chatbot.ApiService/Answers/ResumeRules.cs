using Chatbot.ApiService.Runs;

namespace Chatbot.ApiService.Answers;

/// <summary>Whether a run can be resumed after the client's last event, and if not, why.</summary>
public static class ResumeRules
{
    public static ResumeStatus Judge(RunRecord? run, long after, string owner)
    {
        if (run is null)
        {
            return ResumeStatus.Unknown;
        }
        if (run.Owner != owner)
        {
            return ResumeStatus.NotOwner;
        }
        if (after > run.LastSequence)
        {
            // A client only ever gets events the store already has: this position was never sent.
            return ResumeStatus.BeyondEnd;
        }
        if (run.HasEnded && after == run.LastSequence)
        {
            return ResumeStatus.ReadToEnd;
        }
        return after + 1 < run.FirstKeptSequence ? ResumeStatus.Trimmed : ResumeStatus.Resumed;
    }

    /// <summary>The <c>outcome</c> tag of <c>chatbot.stream.resumes</c>.</summary>
    public static string MetricName(ResumeStatus status) => status switch
    {
        ResumeStatus.Resumed => "resumed",
        ResumeStatus.Unknown => "unknown",
        ResumeStatus.NotOwner => "not_owner",
        ResumeStatus.BeyondEnd => "beyond_end",
        ResumeStatus.ReadToEnd => "read_to_end",
        _ => "trimmed",
    };
}
