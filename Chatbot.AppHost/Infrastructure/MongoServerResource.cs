namespace Chatbot.AppHost.Infrastructure;

/// <summary>
/// A MongoDB server in a container, modelled by hand because Aspire.Hosting.MongoDB is not on
/// every NuGet mirror we build on.
/// </summary>
public sealed class MongoServerResource(string name, ParameterResource password)
    : ContainerResource(name), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";
    public const string UserName = "admin";

    private EndpointReference? _endpoint;

    public ParameterResource Password { get; } = password;

    public EndpointReference Endpoint => _endpoint ??= new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"mongodb://{UserName}:{Password}@{Endpoint.Property(EndpointProperty.HostAndPort)}/?authSource=admin&authMechanism=SCRAM-SHA-256");
}
