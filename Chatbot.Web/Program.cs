using Chatbot.Web.Api;
using Chatbot.Web.Components;
using Chatbot.Web.Identity;
using Chatbot.Web.Markdown;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();

var apiBaseAddress = new Uri(builder.Configuration["Chatbot:ApiBaseAddress"] ?? "https+http://apiservice");
builder.Services.AddTransient<GatewaySecretHandler>();
builder.Services.AddHttpClient<ChatbotApiClient>(client => client.BaseAddress = apiBaseAddress)
    .AddHttpMessageHandler<GatewaySecretHandler>();
builder.Services.AddHttpClient<ChatStreamClient>(client => client.BaseAddress = apiBaseAddress)
    .AddHttpMessageHandler<GatewaySecretHandler>()
    .AddStreamingDefaults();
builder.Services.AddOptions<DemoIdentityOptions>().BindConfiguration(DemoIdentityOptions.Section);
builder.Services.AddSingleton<UserIdentityResolver>();
builder.Services.AddSingleton<MarkdownRenderer>();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();
app.MapDefaultEndpoints();

app.Run();
