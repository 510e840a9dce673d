using Chatbot.Contracts.Streams;
using Chatbot.Web.Api;
using Chatbot.Web.Components;
using Chatbot.Web.Identity;
using Chatbot.Web.Markdown;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddSessionKeyRing();
builder.AddChatbotIdentity();
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();
builder.Services.AddSessionRevalidation();

builder.Services.AddOptionsWithValidateOnStart<ApiConnectionOptions, ApiConnectionOptionsValidator>().BindConfiguration(ApiConnectionOptions.Section);
var apiBaseAddress = builder.Configuration.GetSection(ApiConnectionOptions.Section).Get<ApiConnectionOptions>()?.BaseAddress
    ?? new ApiConnectionOptions().BaseAddress;
builder.Services.AddTransient<GatewaySecretHandler>();
builder.Services.AddHttpClient<ChatbotApiClient>(client => client.BaseAddress = apiBaseAddress)
    .AddHttpMessageHandler<GatewaySecretHandler>();
// The answer stream's client: no standard resilience (its attempt timeout would cut a long answer,
// its retry would ask the model twice); it resumes a broken stream itself.
builder.Services.AddHttpClient<ChatStreamClient>(client => client.BaseAddress = apiBaseAddress)
    .AddHttpMessageHandler<GatewaySecretHandler>()
    .AddStreamingDefaults();
builder.Services.AddSingleton<MarkdownRenderer>();

var app = builder.Build().ValidateSettings();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        ExceptionHandlingPath = "/Error",
        CreateScopeForErrors = true,
        // A request the framework found malformed is the client's error, not ours.
        StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
    });
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseGatewayConflicts();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapDefaultEndpoints();

app.Run();
