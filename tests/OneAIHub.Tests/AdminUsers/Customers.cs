using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OneAIHub.Tests.Infrastructure;

namespace OneAIHub.Tests.AdminUsers;

public sealed record Customer(string Id, string Email, string Token);

/// <summary>People and traffic for these tests, made through the real API.</summary>
public static class Customers
{
    /// <summary>Signs up, then an admin approves the account, moves it to <paramref name="tierId"/> and tops it up.</summary>
    public static async Task<Customer> CreateAsync(HubFixture hub, string tierId = TestModel.StarterTierId, decimal balance = 100m)
    {
        var email = Users.NewEmail("cust");
        var (token, profile) = await Users.RegisterAsync(hub, email);
        var id = profile.GetProperty("id").GetString()!;
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        (await admin.PostAsync($"/api/admin/approve/{id}", null)).EnsureSuccessStatusCode();
        if (tierId != TestModel.FreeTierId)
            (await admin.PutAsJsonAsync($"/api/admin/users/{id}", new { tierId })).EnsureSuccessStatusCode();
        if (balance != 0)
            (await admin.PostAsJsonAsync($"/api/admin/users/{id}/balance", new { amount = balance, reason = "test top-up" })).EnsureSuccessStatusCode();
        return new Customer(id, email, token);
    }

    /// <summary>An active account of the given role, created by an admin, signed in.</summary>
    public static async Task<Customer> CreateWithRoleAsync(HubFixture hub, string role)
    {
        var email = Users.NewEmail(role);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        var response = await admin.PostAsJsonAsync("/api/admin/users", new { email, password = Users.Password, role });
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return new Customer(id, email, await hub.LoginAsync(email, Users.Password));
    }

    public static async Task<(string Id, string Key)> CreateKeyAsync(HubFixture hub, Customer customer, string name = "test key")
    {
        using var client = hub.CreateClient(customer.Token);
        var response = await client.PostAsJsonAsync("/api/keys", new { name });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("apiKey").GetProperty("id").GetString()!, body.GetProperty("key").GetString()!);
    }

    /// <summary>One chat completion through the hub's proxy (the stand-in answers "Echo: " and the first words).</summary>
    public static async Task<HttpResponseMessage> ChatAsync(HubFixture hub, string key, string prompt = "hello there", int maxTokens = 3)
    {
        using var client = hub.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = JsonContent.Create(new
            {
                model = TestModel.ExternalId,
                messages = new[] { new { role = "user", content = prompt } },
                max_tokens = maxTokens,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await client.SendAsync(request);
    }

    /// <summary>Polls the history until the UserGrain's flush has written <paramref name="count"/> rows.</summary>
    public static async Task<JsonElement> WaitForRequestsAsync(HubFixture hub, Customer customer, int count, string query = "")
    {
        using var client = hub.CreateClient(customer.Token);
        JsonElement page = default;
        await Poll.UntilAsync(async () =>
        {
            page = await client.GetFromJsonAsync<JsonElement>($"/api/requests{query}");
            return page.GetProperty("items").GetArrayLength() >= count;
        }, $"{count} request rows");
        return page;
    }
}
