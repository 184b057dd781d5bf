await OneAIHub.Tests.LiteLLMStandin.LiteLLMStandinServer.RunAsync(args);
