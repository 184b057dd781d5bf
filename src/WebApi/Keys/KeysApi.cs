using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OneAIHub.Grains.Interfaces.Keys;
using OneAIHub.Grains.Interfaces.Users;
using OneAIHub.WebApi.Common;

namespace OneAIHub.WebApi.Keys;

public sealed record CreateKeyRequest(string? Name, DateTime? ExpiresAt, List<string>? Models);

public sealed record RenameKeyRequest(string? Name);

public sealed record CreatedKeyDto(string Key, ApiKeyInfo ApiKey);

public static class KeysApi
{
    public static RouteGroupBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/keys").WithTags("API keys").RequireAuthorization();
        group.MapGet("/", ListAsync).WithSummary("The signed-in user's API keys (never the secret)");
        group.MapPost("/", CreateAsync).WithSummary("Create a key; the plaintext key is in this answer only");
        group.MapPatch("/{id}", RenameAsync).WithSummary("Rename a key");
        group.MapDelete("/{id}", RevokeAsync).WithSummary("Revoke a key; the proxy refuses it from the next request");
        return group;
    }

    public static async Task<Ok<IReadOnlyList<ApiKeyInfo>>> ListAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IUserGrain>(user.Id()).ListKeysAsync());

    public static async Task<Results<Created<CreatedKeyDto>, ValidationProblem, UnauthorizedHttpResult>> CreateAsync(
        CreateKeyRequest request, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time)
    {
        var validator = new Validator().Require("name", request.Name, "Name", 100);
        if (request.ExpiresAt is { } expires && expires.ToUniversalTime() <= time.GetUtcNow().UtcDateTime)
            validator.Add("expiresAt", "Expiry must be in the future.");
        if (request.Models is { } models)
        {
            if (models.Count == 0) validator.Add("models", "Give at least one model, or leave models out for every model of your tier.");
            if (models.Count > 100) validator.Add("models", "At most 100 models.");
            if (models.Any(m => string.IsNullOrWhiteSpace(m) || m.Length > 255)) validator.Add("models", "Model names must be 1 to 255 characters.");
        }
        if (!validator.IsValid) return Problems.Validation(validator);

        var key = new NewApiKey(request.Name!.Trim(), request.ExpiresAt?.ToUniversalTime(), request.Models?.Distinct().ToList());
        var created = await grains.GetGrain<IUserGrain>(user.Id()).CreateKeyAsync(key);
        return created is null
            ? TypedResults.Unauthorized()
            : TypedResults.Created($"/api/keys/{created.Info.Id}", new CreatedKeyDto(created.Key, created.Info));
    }

    public static async Task<Results<Ok<ApiKeyInfo>, ValidationProblem, ProblemHttpResult>> RenameAsync(
        string id, RenameKeyRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var validator = new Validator().Require("name", request.Name, "Name", 100);
        if (!validator.IsValid) return Problems.Validation(validator);
        return await grains.GetGrain<IUserGrain>(user.Id()).RenameKeyAsync(id, request.Name!.Trim()) is { } info
            ? TypedResults.Ok(info)
            : Problems.NotFound("No such API key.");
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        await grains.GetGrain<IUserGrain>(user.Id()).RevokeKeyAsync(id)
            ? TypedResults.NoContent()
            : Problems.NotFound("No such API key.");
}
