using Chatbot.Benchmarks;

return await BenchmarkCommands.RunAsync(args);
