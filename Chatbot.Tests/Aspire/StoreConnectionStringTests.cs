using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Chatbot.Tests.Aspire;

/// <summary>The AppHost pointed at an existing Redis (a cluster) or MongoDB by connection string starts none of its own.</summary>
public sealed class StoreConnectionStringTests
{
    private const string Cluster = "10.0.0.1:7000,10.0.0.2:7000,10.0.0.3:7000,password=secret,ssl=True";

    [Fact]
    public async Task A_redis_connection_string_in_the_apphosts_configuration_is_what_the_api_and_the_web_reference()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Chatbot_AppHost>(
            ["Chatbot:Infrastructure=local", $"ConnectionStrings:redis={Cluster}"]);

        var redis = Assert.IsAssignableFrom<IResourceWithConnectionString>(Assert.IsAssignableFrom<ParameterResource>(builder.Resources.Single(resource => resource.Name == "redis")));

        Assert.Equal(Cluster, await redis.ConnectionStringExpression.GetValueAsync(CancellationToken.None));
        Assert.DoesNotContain(builder.Resources, resource => resource is ExecutableResource or ContainerResource && resource.Name == "redis");
        Assert.True(References(builder, "apiservice", redis));
        Assert.True(References(builder, "webfrontend", redis));
    }

    private static bool References(IDistributedApplicationTestingBuilder builder, string project, IResource store) =>
        builder.Resources.Single(resource => resource.Name == project).Annotations
            .OfType<ResourceRelationshipAnnotation>().Any(relationship => relationship.Resource == store);
}
