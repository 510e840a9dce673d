using Chatbot.Contracts.Api;

namespace Chatbot.ApiService.Prewarm;

/// <summary>What the process's last warm-up did, kept for every /prewarm call until it is warmed again.</summary>
public sealed record PrewarmReport(IReadOnlyList<PrewarmComponentResponse> Components, double TotalMs, DateTimeOffset WarmedAt)
{
    public bool AllWarm => Components.All(component => component.Ok);

    public IEnumerable<string> Failed => Components.Where(component => !component.Ok).Select(component => component.Name);
}
