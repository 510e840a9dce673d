using Chatbot.AppHost;
using Chatbot.AppHost.Infrastructure;
using Chatbot.AppHost.Providers;

var builder = DistributedApplication.CreateBuilder(args);

var stores = builder.AddChatbotStores();

var api = builder.AddProject<Projects.Chatbot_ApiService>("apiservice")
    .WithHttpHealthCheck("/health")
    .WithStores(stores)
    .WithModelProvider(builder.AddModelProviderParameters())
    .WithReplicas(ApiReplicas.Count(builder.Configuration));

builder.AddProject<Projects.Chatbot_Web>("webfrontend")
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health")
    .WithReference(api)
    .WaitFor(api);

builder.Build().Run();
