using Chatbot.AppHost;
using Chatbot.AppHost.Infrastructure;
using Chatbot.AppHost.Providers;

var builder = DistributedApplication.CreateBuilder(args);

var stores = builder.AddChatbotStores();
// The web front end is the API's gateway: it proves it with this secret (API auth mode "gateway").
var gatewaySecret = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, "gateway-secret", special: false);

var api = builder.AddProject<Projects.Chatbot_ApiService>("apiservice")
    .WithHttpHealthCheck("/health")
    .WithStores(stores)
    .WithEnvironment("Chatbot__Auth__GatewaySecret", gatewaySecret)
    .WithModelProvider(builder.AddModelProviderParameters())
    .WithReplicas(ApiReplicas.Count(builder.Configuration));

builder.AddProject<Projects.Chatbot_Web>("webfrontend")
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health")
    .WithEnvironment("Chatbot__GatewaySecret", gatewaySecret)
    .WithReference(api)
    .WaitFor(api);

builder.Build().Run();
