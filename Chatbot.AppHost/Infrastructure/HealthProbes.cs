namespace Chatbot.AppHost.Infrastructure;

/// <summary>
/// The probes on the service defaults' endpoints: /alive for liveness (the process answers), /health
/// for readiness (503 until the start-up warm-up is done). WithHttpProbe also makes each path a
/// dashboard health check, so <c>WaitFor(api)</c> waits for /health.
/// </summary>
/// <remarks>
/// What azd deploys does not come from these annotations: Aspire 13.6's manifest publisher writes no
/// probes, and azd's manifest reader has no field for them. azd takes each project's container app
/// from <c>Chatbot.AppHost/infra/&lt;resource&gt;.tmpl.yaml</c> when that file exists, and those files
/// carry the same probes. <c>ContainerAppManifestTests</c> fails when the two disagree, or when a
/// template misses an environment variable the manifest gives its project.
/// </remarks>
public static class HealthProbes
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";

    public const int InitialDelaySeconds = 5;
    public const int PeriodSeconds = 5;

    /// <summary>Aspire's default is 1 s; /health pings Redis and MongoDB, and a replica on two cores under load can take longer than that.</summary>
    public const int TimeoutSeconds = 3;

    public const int FailureThreshold = 3;
    public const int SuccessThreshold = 1;

#pragma warning disable ASPIREPROBES001 // Probe APIs are marked for evaluation.
    public static IResourceBuilder<ProjectResource> WithHealthProbes(this IResourceBuilder<ProjectResource> project) =>
        project.WithHttpProbe(ProbeType.Liveness, AlivePath, InitialDelaySeconds, PeriodSeconds, TimeoutSeconds, FailureThreshold, SuccessThreshold)
            .WithHttpProbe(ProbeType.Readiness, HealthPath, InitialDelaySeconds, PeriodSeconds, TimeoutSeconds, FailureThreshold, SuccessThreshold);
#pragma warning restore ASPIREPROBES001
}
