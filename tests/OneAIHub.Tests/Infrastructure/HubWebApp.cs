using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OneAIHub.Tests.Infrastructure;

/// <summary>The real WebApi on Kestrel (a real port), its own Orleans client finding the test silos through MariaDB.</summary>
public sealed class HubWebApp(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public const string JwtKey = "test-signing-key-that-is-long-enough-0123456789";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Jwt:SigningKey", JwtKey);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    /// <summary>Starts Kestrel on a free loopback port and returns the base address.</summary>
    public Uri StartOnKestrel()
    {
        UseKestrel(MariaDbServer.FreePort());
        StartServer();
        return ClientOptions.BaseAddress;
    }
}
