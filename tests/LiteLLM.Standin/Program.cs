namespace OneAIHub.Tests.LiteLLMStandin;

public static class Program
{
    public static void Main(string[] args) => WebApplication.CreateBuilder(args).Build().Run();
}
