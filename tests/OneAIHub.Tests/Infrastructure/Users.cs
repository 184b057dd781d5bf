using System.Net.Http.Json;
using System.Text.Json;

namespace OneAIHub.Tests.Infrastructure;

/// <summary>Helpers for signing people up through the real API.</summary>
public static class Users
{
    public const string Password = "correct-horse-42";

    public static string NewEmail(string tag = "user") => $"{tag}-{Guid.NewGuid():N}@example.com";

    public static async Task<(string Token, JsonElement Profile)> RegisterAsync(HubFixture hub, string? email = null)
    {
        using var client = hub.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/register", new { email = email ?? NewEmail(), password = Password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("token").GetString()!, body.GetProperty("user"));
    }
}
