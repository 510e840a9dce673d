using Chatbot.ApiService;
using Chatbot.ApiService.Auth;
using Chatbot.ApiService.Endpoints;
using Chatbot.ApiService.Lifecycle;
using Chatbot.ApiService.Limits;
using Chatbot.ApiService.Stores;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddChatbotStores();
builder.AddChatbotAuth();
builder.AddChatbotApi();
builder.AddChatbotRateLimits();
builder.Services.AddOpenApi();

var app = builder.Build();
_ = app.Services.GetRequiredService<AuthModeSelector>(); // fails start-up on an unsafe auth configuration

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
app.UseMiddleware<DrainingMiddleware>();
app.UseRateLimiter();
if (app.Environment.IsDevelopment())
{
    app.MapOpenApi();
    app.MapScalarApiReference();
}
app.MapDefaultEndpoints();
app.MapGet("/", (StoreStatus stores) => new { service = "Chatbot.ApiService", stores }).ExcludeFromDescription();
app.MapChatbotApi();

app.Run();
