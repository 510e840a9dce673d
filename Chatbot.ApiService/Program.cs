using Chatbot.ApiService.Stores;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddChatbotStores();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGet("/", (StoreStatus stores) => new { service = "Chatbot.ApiService", stores });

app.Run();
