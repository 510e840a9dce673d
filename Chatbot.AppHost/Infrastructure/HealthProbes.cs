namespace Chatbot.AppHost.Infrastructure;

/// <summary>
/// Container Apps' probes on the service defaults' endpoints: /alive for liveness, /health for
/// readiness. The readiness probe is also the dashboard's health check (WithHttpProbe adds it).
/// </summary>
public static class HealthProbes
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";

#pragma warning disable ASPIREPROBES001 // Probe APIs are marked for evaluation; the manifest carries them to azd.
    public static IResourceBuilder<ProjectResource> WithHealthProbes(this IResourceBuilder<ProjectResource> project) =>
        project.WithHttpProbe(ProbeType.Liveness, AlivePath)
            .WithHttpProbe(ProbeType.Readiness, HealthPath);
#pragma warning restore ASPIREPROBES001
}
