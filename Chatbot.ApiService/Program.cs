using Chatbot.ApiService;
using Chatbot.ApiService.Endpoints;
using Chatbot.ApiService.Stores;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddChatbotStores();
builder.AddChatbotApi();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
if (app.Environment.IsDevelopment())
{
    app.MapOpenApi();
    app.MapScalarApiReference();
}
app.MapDefaultEndpoints();
app.MapGet("/", (StoreStatus stores) => new { service = "Chatbot.ApiService", stores }).ExcludeFromDescription();
app.MapChatbotApi();

app.Run();
