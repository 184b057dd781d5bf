using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using OneAIHub.Grains.Interfaces.Budgets;
using OneAIHub.WebApi.Auth;
using OneAIHub.WebApi.Common;

namespace OneAIHub.WebApi.Admin;

/// <summary>
/// Budgets for admins (seed 001): the hub's budgets (support may read), their sync with LiteLLM, and
/// LiteLLM's own budget endpoints passed through (admins only). LiteLLM's failures answer 502 with its
/// message; without a LiteLLM the answer is 503.
/// </summary>
public static partial class AdminBudgetsApi
{
    private const string LiteLLMEntity = "litellm_budget";

    public static RouteGroupBuilder MapAdminBudgetsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/budgets").WithTags("Admin: budgets").RequireAuthorization(AuthSetup.StaffPolicy);
        group.MapGet("/", ListAsync).WithSummary("Every hub budget with its owner, spend and reset time");
        group.MapPost("/sync", SyncAsync).RequireAuthorization(AuthSetup.AdminPolicy)
            .WithSummary("Compare hub budgets with LiteLLM and re-push those missing or different there");

        var liteLLM = group.MapGroup("/litellm").RequireAuthorization(AuthSetup.AdminPolicy);
        liteLLM.MapGet("/", ListLiteLLMAsync).WithSummary("LiteLLM's budgets (/budget/list)");
        liteLLM.MapPost("/", CreateLiteLLMAsync).WithSummary("Create a LiteLLM budget (/budget/new)");
        liteLLM.MapPut("/{budgetId}", UpdateLiteLLMAsync).WithSummary("Change a LiteLLM budget (/budget/update)");
        liteLLM.MapDelete("/{budgetId}", DeleteLiteLLMAsync).WithSummary("Delete a LiteLLM budget (/budget/delete)");
        return group;
    }

    public static async Task<Ok<List<AdminBudgetDto>>> ListAsync(IGrainFactory grains) =>
        TypedResults.Ok((await grains.GetGrain<IBudgetAdminGrain>(0).ListAsync()).Select(AdminBudgetDto.From).ToList());

    public static async Task<Results<Ok<BudgetSyncDto>, ProblemHttpResult>> SyncAsync(ClaimsPrincipal user, IGrainFactory grains)
    {
        var report = await grains.GetGrain<IBudgetAdminGrain>(0).SyncAsync();
        if (!report.LiteLLMConfigured) return Problems.ServiceUnavailable(report.Error!);
        if (report.Error is not null) return Problems.BadGateway(report.Error);
        var dto = BudgetSyncDto.From(report);
        if (dto.Repushed > 0) await grains.RecordAsync(user, "budget.sync", "budget", null, null, dto);
        return TypedResults.Ok(dto);
    }

    public static async Task<Results<Ok<IReadOnlyList<LiteLLMBudgetView>>, ProblemHttpResult>> ListLiteLLMAsync(IGrainFactory grains)
    {
        var (budgets, problem) = Answer(await grains.GetGrain<ILiteLLMBudgetGrain>(0).ListAsync());
        return problem is null ? TypedResults.Ok(budgets!) : problem;
    }

    public static async Task<Results<Created<LiteLLMBudgetView>, ValidationProblem, ProblemHttpResult>> CreateLiteLLMAsync(
        LiteLLMBudgetBody body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var validator = Validate(body, body.BudgetId);
        if (!validator.IsValid) return Problems.Validation(validator);
        var (budgets, problem) = Answer(await grains.GetGrain<ILiteLLMBudgetGrain>(0).CreateAsync(ToInput(body, body.BudgetId)));
        if (problem is not null) return problem;
        var created = budgets![0];
        await grains.RecordAsync(user, "litellm_budget.create", LiteLLMEntity, created.BudgetId, null, created);
        return TypedResults.Created($"/api/admin/budgets/litellm/{Uri.EscapeDataString(created.BudgetId)}", created);
    }

    public static async Task<Results<Ok<LiteLLMBudgetView>, ValidationProblem, ProblemHttpResult>> UpdateLiteLLMAsync(
        string budgetId, LiteLLMBudgetBody body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var validator = Validate(body, budgetId);
        if (!validator.IsValid) return Problems.Validation(validator);
        var (budgets, problem) = Answer(await grains.GetGrain<ILiteLLMBudgetGrain>(0).UpdateAsync(ToInput(body, budgetId)));
        if (problem is not null) return problem;
        await grains.RecordAsync(user, "litellm_budget.update", LiteLLMEntity, budgetId, body, budgets![0]);
        return TypedResults.Ok(budgets[0]);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteLiteLLMAsync(string budgetId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (budgets, problem) = Answer(await grains.GetGrain<ILiteLLMBudgetGrain>(0).DeleteAsync(budgetId));
        if (problem is not null) return problem;
        await grains.RecordAsync(user, "litellm_budget.delete", LiteLLMEntity, budgetId, budgets![0], null);
        return TypedResults.NoContent();
    }

    private static (IReadOnlyList<LiteLLMBudgetView>? Budgets, ProblemHttpResult? Problem) Answer(LiteLLMBudgetsResult result) => result.Outcome switch
    {
        LiteLLMCallOutcome.Ok => (result.Budgets, null),
        LiteLLMCallOutcome.NotConfigured => (null, Problems.ServiceUnavailable(result.Error!)),
        _ => (null, Problems.BadGateway(result.Error!)),
    };

    private static Validator Validate(LiteLLMBudgetBody body, string? budgetId)
    {
        var validator = new Validator();
        if (budgetId is not null && !BudgetIdPattern().IsMatch(budgetId))
            validator.Add("budgetId", "A budget id is 1 to 255 letters, digits and . _ : - characters.");
        validator.NonNegative("maxBudget", body.MaxBudget, "Max budget")
            .NonNegative("softBudget", body.SoftBudget, "Soft budget")
            .NonNegative("maxParallelRequests", body.MaxParallelRequests, "Max parallel requests")
            .NonNegative("tpmLimit", body.TpmLimit, "Tokens per minute")
            .NonNegative("rpmLimit", body.RpmLimit, "Requests per minute");
        if (body.BudgetDuration is not null && !DurationPattern().IsMatch(body.BudgetDuration))
            validator.Add("budgetDuration", "Budget duration is LiteLLM's <n>s, m, h, d, w or mo, e.g. 1d or 1mo.");
        return validator;
    }

    private static LiteLLMBudgetInput ToInput(LiteLLMBudgetBody body, string? budgetId) => new(budgetId, body.MaxBudget,
        body.SoftBudget, body.MaxParallelRequests, body.TpmLimit, body.RpmLimit, body.BudgetDuration);

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,255}$")]
    private static partial Regex BudgetIdPattern();

    [GeneratedRegex("^[0-9]{1,6}(s|m|h|d|w|mo)$")]
    private static partial Regex DurationPattern();
}
