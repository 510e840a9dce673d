using Chatbot.ApiService;
using Chatbot.ApiService.Endpoints;
using Chatbot.ApiService.Identity;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Prewarm;
using Chatbot.ApiService.Settings;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.AddChatbotSettings();
builder.AddServiceDefaults();
var stores = builder.AddChatbotStores();
builder.AddChatbotAuth();
builder.AddChatbotApi(stores);
builder.AddQuestionLimits();
builder.Services.AddOpenApi(openApi => openApi
    .AddDocumentTransformer<ServiceInfoDocument>()
    .AddDocumentTransformer<IdentitySchemeDocument>());

var app = builder.Build().ValidateSettings();
StartupPreload.Begin(app.Services);
// Fails start-up on an unsafe identity configuration, naming the setting.
_ = app.Services.GetRequiredService<AuthModeSelector>();
_ = app.Services.GetRequiredService<GatewayProof>();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
// Readiness only: no other request waits on the warm-up.
app.UseWhen(context => context.Request.Path.StartsWithSegments(Extensions.HealthEndpointPath), health => health.UseMiddleware<WarmUpGate>());
app.UseMiddleware<DrainingMiddleware>();
app.UseAuthentication();
app.UseMiddleware<RehearsalGate>();
app.UseAuthorization();
// After authorization: limits partition on the proven caller, and an unproven request spends nobody's quota.
app.UseRateLimiter();
if (app.Environment.IsDevelopment())
{
    app.MapOpenApi();
    app.MapScalarApiReference();
}
app.MapDefaultEndpoints();
// Anonymous: the service's name, nothing about how it is set up.
app.MapGet("/", (IOptions<ServiceOptions> service) => new { service = service.Value.Name }).ExcludeFromDescription();
app.MapChatbotApi();

app.Run();
