using Chatbot.AppHost;
using Chatbot.AppHost.Identity;
using Chatbot.AppHost.Infrastructure;
using Chatbot.AppHost.Providers;

var builder = DistributedApplication.CreateBuilder(args);

var stores = builder.AddChatbotStores();
// The web front end is the API's gateway: it proves it with this secret (API auth mode "gateway").
var gatewaySecret = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, "gateway-secret", special: false);
var webIdentity = builder.AddWebIdentityParameters();
// The platform's asset API (docs/platform-api.md), called with each user's own token; empty: the sample portfolio.
var platformApi = builder.AddParameterWithDefault("platform-api", "")
    .WithDescription("Base URL of the platform's asset API (https://...); empty for the sample portfolio");
// The operator's Markdown documents (docs/documents.md); empty: the built-in articles.
var documentsPath = builder.AddParameterWithDefault("documents-path", "")
    .WithDescription("Absolute path of a folder of Markdown documents the knowledge specialist searches; empty for the built-in articles");

var api = builder.AddProject<Projects.Chatbot_ApiService>("apiservice")
    .WithHealthProbes()
    .WithStores(stores)
    .WithEnvironment("Chatbot__Auth__GatewaySecret", gatewaySecret)
    .WithForwardedNetworks(webIdentity.ForwardedNetworks)
    .WithReference(builder.AddModel())
    .WithEnvironment("Chatbot__Portfolio__BaseAddress", platformApi)
    .WithEnvironment("Chatbot__Knowledge__DocumentsPath", documentsPath)
    .WithReplicas(ApiReplicas.Count(builder.Configuration));

builder.AddProject<Projects.Chatbot_Web>("webfrontend")
    .WithExternalHttpEndpoints()
    .WithHealthProbes()
    .WithEnvironment("Chatbot__Api__GatewaySecret", gatewaySecret)
    .WithWebIdentity(webIdentity)
    .WithSessionKeyRing(stores)
    .WithReference(api)
    .WaitFor(api);

builder.Build().Run();
