namespace Chatbot.AppHost.Infrastructure;

/// <summary>
/// A server program from PATH (redis-server, mongod) run as an executable on a port we pick,
/// for machines without a container runtime.
/// </summary>
public sealed class LocalServerResource(string name, string command, string workingDirectory, string connectionStringFormat)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    private EndpointReference? _endpoint;

    public EndpointReference Endpoint => _endpoint ??= new(this, EndpointName);

    /// <summary>
    /// <c>{0}</c> in <paramref name="connectionStringFormat"/> stands for host:port.
    /// </summary>
    public ReferenceExpression ConnectionStringExpression
    {
        get
        {
            var parts = connectionStringFormat.Split("{0}");
            var builder = new ReferenceExpressionBuilder();
            builder.AppendLiteral(parts[0]);
            builder.Append($"{Endpoint.Property(EndpointProperty.HostAndPort)}");
            builder.AppendLiteral(parts.Length > 1 ? parts[1] : "");
            return builder.Build();
        }
    }
}
