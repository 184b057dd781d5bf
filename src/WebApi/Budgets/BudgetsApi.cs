using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OneAIHub.Grains.Interfaces.Budgets;
using OneAIHub.Grains.Interfaces.Users;
using OneAIHub.WebApi.Common;

namespace OneAIHub.WebApi.Budgets;

/// <summary>The signed-in user's budgets: one on the account, one per API key. Another user's key is not found.</summary>
public static class BudgetsApi
{
    public const decimal MaxAmount = 1_000_000m;

    public static RouteGroupBuilder MapBudgetsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Budgets").RequireAuthorization();
        group.MapGet("/profile/budget", (ClaimsPrincipal user, IGrainFactory grains) => GetAsync(user, grains, null))
            .WithSummary("The account's budget in its current period");
        group.MapPut("/profile/budget", (BudgetRequest request, ClaimsPrincipal user, IGrainFactory grains) => SetAsync(request, user, grains, null))
            .WithSummary("Set the account's max spend per period; mirrored to LiteLLM as a budget");
        group.MapDelete("/profile/budget", (ClaimsPrincipal user, IGrainFactory grains) => RemoveAsync(user, grains, null))
            .WithSummary("Remove the account's budget");
        group.MapGet("/keys/{id}/budget", (string id, ClaimsPrincipal user, IGrainFactory grains) => GetAsync(user, grains, id))
            .WithSummary("A key's budget in its current period");
        group.MapPut("/keys/{id}/budget", (string id, BudgetRequest request, ClaimsPrincipal user, IGrainFactory grains) => SetAsync(request, user, grains, id))
            .WithSummary("Set a key's max spend per period; mirrored to the key's LiteLLM virtual key");
        group.MapDelete("/keys/{id}/budget", (string id, ClaimsPrincipal user, IGrainFactory grains) => RemoveAsync(user, grains, id))
            .WithSummary("Remove a key's budget");
        return group;
    }

    public static async Task<Results<Ok<BudgetDto>, ProblemHttpResult>> GetAsync(ClaimsPrincipal user, IGrainFactory grains, string? keyId)
    {
        var owner = grains.GetGrain<IUserGrain>(user.Id());
        if (keyId is not null && !(await owner.ListKeysAsync()).Any(k => k.Id == keyId))
            return Problems.NotFound("No such API key.");
        var budget = (await owner.ListBudgetsAsync()).FirstOrDefault(b => b.ApiKeyId == keyId);
        return budget is null ? Problems.NotFound(NoBudget(keyId)) : TypedResults.Ok(BudgetDto.From(budget));
    }

    public static async Task<Results<Ok<BudgetDto>, ValidationProblem, ProblemHttpResult>> SetAsync(
        BudgetRequest request, ClaimsPrincipal user, IGrainFactory grains, string? keyId)
    {
        var validator = new Validator().OneOf("budgetDuration", request.BudgetDuration, BudgetDurations.All, "Budget duration");
        if (request.BudgetDuration is null) validator.Add("budgetDuration", "Budget duration is required (daily, weekly or monthly).");
        if (request.MaxBudget is not { } max) validator.Add("maxBudget", "Max budget is required.");
        else if (max <= 0 || max > MaxAmount) validator.Add("maxBudget", $"Max budget must be more than 0 and at most {MaxAmount:0}.");
        if (!validator.IsValid) return Problems.Validation(validator);

        var change = await grains.GetGrain<IUserGrain>(user.Id()).SetBudgetAsync(keyId, request.MaxBudget!.Value, request.BudgetDuration!);
        return Answer(change, keyId);
    }

    public static async Task<Results<Ok<BudgetDto>, ValidationProblem, ProblemHttpResult>> RemoveAsync(
        ClaimsPrincipal user, IGrainFactory grains, string? keyId) =>
        Answer(await grains.GetGrain<IUserGrain>(user.Id()).RemoveBudgetAsync(keyId), keyId);

    private static Results<Ok<BudgetDto>, ValidationProblem, ProblemHttpResult> Answer(BudgetChange change, string? keyId) => change.Outcome switch
    {
        BudgetOutcome.Saved or BudgetOutcome.Removed => TypedResults.Ok(BudgetDto.From(change.Budget!, change.Mirror)),
        BudgetOutcome.KeyNotFound => Problems.NotFound("No such API key."),
        BudgetOutcome.KeyRevoked => Problems.Conflict("This API key is revoked; it cannot spend, so it needs no budget."),
        BudgetOutcome.NoBudget => Problems.NotFound(NoBudget(keyId)),
        _ => Problems.Unauthorized("The account no longer exists."),
    };

    private static string NoBudget(string? keyId) => keyId is null ? "The account has no budget." : "This API key has no budget.";
}
