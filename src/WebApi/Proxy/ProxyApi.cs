using Microsoft.AspNetCore.Mvc;
using OneAIHub.Grains.Interfaces;
using OneAIHub.Grains.Interfaces.Catalog;
using OneAIHub.Grains.Interfaces.Keys;
using OneAIHub.Grains.Interfaces.Users;

namespace OneAIHub.WebApi.Proxy;

public static class ProxyApi
{
    public static IServiceCollection AddHubProxy(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section);
        services.AddSingleton<UpstreamClient>();
        services.AddSingleton<TokenEstimator>();
        services.AddSingleton<KeyOwnerCache>();
        services.AddSingleton<ProxyMetrics>();
        services.AddSingleton<ProxyHandler>();
        services.AddSingleton<SettlementJournal>();
        services.AddHostedService(sp => sp.GetRequiredService<SettlementJournal>());
        return services;
    }

    public static void MapProxyApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1").WithTags("OpenAI-compatible proxy");
        // The hot path skips the middleware meant for the SPA and /api (static files, JWT, docs, problem
        // details): routing runs the endpoint at once. ProxyHandler keeps its own log scope and error handling.
        var hot = group.MapGroup("");
        hot.ShortCircuit();
        hot.MapPost("/chat/completions", (HttpContext c, [FromServices] ProxyHandler h) => h.HandleAsync(c, ProxyEndpoint.ChatCompletions))
            .WithSummary("Chat completion (streaming or not) through the hub, with tier limits and billing");
        hot.MapPost("/completions", (HttpContext c, [FromServices] ProxyHandler h) => h.HandleAsync(c, ProxyEndpoint.Completions))
            .WithSummary("Text completion through the hub");
        hot.MapPost("/embeddings", (HttpContext c, [FromServices] ProxyHandler h) => h.HandleAsync(c, ProxyEndpoint.Embeddings))
            .WithSummary("Embeddings through the hub");
        group.MapGet("/models", ListModelsAsync).WithSummary("The models this key's tier may use (OpenAI list format)");
    }

    /// <summary>OpenAI's model list, restricted to what the key's owner may call (and the key's scope).</summary>
    private static async Task ListModelsAsync(HttpContext context, KeyOwnerCache owners, CatalogCache catalog, IGrainFactory grains)
    {
        RequestIds.Assign(context);
        var key = ApiKeyReader.Read(context.Request);
        var owner = key is not null && ApiKeyFormat.LooksValid(key) ? await owners.FindAsync(ApiKeyFormat.Hash(key)) : null;
        var user = owner is null ? null : grains.GetHotGrain<IUserGrain>(owner.UserId);
        var profile = user is null ? null : await user.GetProfileAsync();
        var keyInfo = profile is null ? null : (await user!.ListKeysAsync()).FirstOrDefault(k => k.Id == owner!.ApiKeyId);
        if (profile is null || keyInfo is null || keyInfo.RevokedAt is not null || keyInfo.ExpiresAt <= DateTime.UtcNow)
        {
            await OpenAIErrors.WriteAsync(context, 401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
            return;
        }

        var index = await catalog.GetAsync(context.RequestAborted);
        var models = index.Snapshot.Models
            .Where(m => index.IsOffered(m) && index.FindEffectiveLimit(profile.TierId, m.Id) is not null)
            .Where(m => keyInfo.Models is null || keyInfo.Models.Contains(m.ExternalId) || keyInfo.Models.Contains(m.Id))
            .Select(m => new
            {
                id = m.ExternalId,
                @object = "model",
                created = new DateTimeOffset(m.LastSyncedAt ?? DateTime.UnixEpoch, TimeSpan.Zero).ToUnixTimeSeconds(),
                owned_by = index.FindCompany(m.CompanyId)?.ExternalId ?? "unknown",
            });
        await context.Response.WriteAsJsonAsync(new { @object = "list", data = models });
    }
}
