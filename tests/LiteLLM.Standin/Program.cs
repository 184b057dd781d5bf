namespace OneAIHub.Tests.LiteLLMStandin;

/// <summary>Process mode: <c>dotnet run --project tests/LiteLLM.Standin -- --urls … --master-key …</c>.</summary>
public static class Program
{
    public static Task Main(string[] args) => LiteLLMStandinServer.RunAsync(args);
}
