namespace Chatbot.AppHost.Infrastructure;

/// <summary>How the AppHost runs Redis and MongoDB.</summary>
public enum InfrastructureMode
{
    /// <summary>Containers when a container runtime answers, otherwise local executables.</summary>
    Auto,

    /// <summary>Redis and MongoDB as containers (Docker or Podman).</summary>
    Containers,

    /// <summary>redis-server and mongod from PATH as executables; what is missing is left out.</summary>
    Local,
}
