using System.Text.Json.Nodes;
using OneAIHub.Tests.LiteLLMStandin.Auth;
using OneAIHub.Tests.LiteLLMStandin.Http;
using OneAIHub.Tests.LiteLLMStandin.Rendering;
using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin.Endpoints;

/// <summary><c>/budget/*</c> (CONTRACT.md §7); every error here is a plain <c>{"detail": …}</c>.</summary>
internal static class BudgetEndpoints
{
    private static readonly string[] Columns =
        ["max_budget", "soft_budget", "max_parallel_requests", "tpm_limit", "rpm_limit", "model_max_budget", "budget_duration"];

    public static IEndpointRouteBuilder MapBudgetEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/budget/new", NewAsync);
        app.MapPost("/budget/update", UpdateAsync);
        app.MapPost("/budget/info", InfoAsync);
        app.MapGet("/budget/list", List);
        app.MapPost("/budget/delete", DeleteAsync);
        return app;
    }

    private static async Task<IResult> NewAsync(HttpContext context, StandinState state)
    {
        var caller = Authenticator.Require(context, state);

        var body = await JsonRead.BodyAsync(context.Request);
        var budgetId = JsonRead.String(body["budget_id"]) ?? Guid.NewGuid().ToString();
        lock (state.Gate)
        {
            if (state.Budgets.Find(budgetId) is not null)
            {
                return LiteLLMErrors.DetailError(StatusCodes.Status400BadRequest, $"Budget with id={budgetId} already exists");
            }

            var now = DateTimeOffset.UtcNow;
            var row = new BudgetRow { BudgetId = budgetId, CreatedAt = now, UpdatedAt = now };
            foreach (var column in Columns)
            {
                row.Fields[column] = Column(column, body[column]);
            }

            row.Fields["created_by"] = caller.UserId;
            row.Fields["updated_by"] = caller.UserId;
            row.BudgetResetAt = Durations.Add(now, JsonRead.String(body["budget_duration"]));
            state.Budgets.Add(row);
            return JsonOut.Ok(BudgetRendering.Row(row));
        }
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, StandinState state)
    {
        var caller = Authenticator.Require(context, state);

        var body = await JsonRead.BodyAsync(context.Request);
        if (JsonRead.String(body["budget_id"]) is not { } budgetId)
        {
            return LiteLLMErrors.DetailError(StatusCodes.Status400BadRequest, "budget_id is required");
        }

        lock (state.Gate)
        {
            if (state.Budgets.Find(budgetId) is not { } row)
            {
                return LiteLLMErrors.DetailError(StatusCodes.Status400BadRequest, $"Budget id = {budgetId} not found");
            }

            var now = DateTimeOffset.UtcNow;
            foreach (var column in Columns.Where(body.ContainsKey))
            {
                row.Fields[column] = Column(column, body[column]);
            }

            if (body.ContainsKey("budget_duration"))
            {
                row.BudgetResetAt = Durations.Add(now, JsonRead.String(body["budget_duration"]));
            }

            row.Fields["updated_by"] = caller.UserId;
            row.UpdatedAt = now;
            return JsonOut.Ok(BudgetRendering.Row(row));
        }
    }

    private static async Task<IResult> InfoAsync(HttpContext context, StandinState state)
    {
        Authenticator.Require(context, state);

        var body = await JsonRead.BodyAsync(context.Request);
        var ids = JsonRead.Strings(body["budgets"]);
        if (ids.Count == 0)
        {
            return LiteLLMErrors.DetailError(StatusCodes.Status400BadRequest, "Specify list of budget id's to query. Passed in=[]");
        }

        lock (state.Gate)
        {
            var rows = state.Budgets.All.Where(b => ids.Contains(b.BudgetId)).Select(b => (JsonNode?)BudgetRendering.Row(b)).ToArray();
            return JsonOut.Ok(new JsonArray(rows));
        }
    }

    private static IResult List(HttpContext context, StandinState state)
    {
        var caller = Authenticator.Require(context, state);

        RequireAdmin(caller);

        lock (state.Gate)
        {
            return JsonOut.Ok(new JsonArray(state.Budgets.All.Select(b => (JsonNode?)BudgetRendering.Row(b)).ToArray()));
        }
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, StandinState state)
    {
        var caller = Authenticator.Require(context, state);

        RequireAdmin(caller);

        var body = await JsonRead.BodyAsync(context.Request);
        if (JsonRead.String(body["id"]) is not { } budgetId)
        {
            return LiteLLMErrors.MissingField("id", body);
        }

        lock (state.Gate)
        {
            if (state.Budgets.Find(budgetId) is not { } row)
            {
                return LiteLLMErrors.DetailError(StatusCodes.Status400BadRequest, $"Budget id = {budgetId} not found");
            }

            state.Budgets.Remove(row);
            return JsonOut.Ok(BudgetRendering.Row(row));
        }
    }

    /// <summary>Money columns are Python floats (<c>100.0</c>); the rest are stored as sent.</summary>
    private static JsonNode? Column(string column, JsonNode? value) =>
        column is "max_budget" or "soft_budget" && JsonRead.Double(value) is { } amount ? JsonOut.Float(amount) : value?.DeepClone();

    /// <summary>Budget routes refuse non-admins with a plain 400, not the usual ProxyException 401.</summary>
    private static void RequireAdmin(Caller caller)
    {
        if (!caller.IsAdmin)
        {
            throw new LiteLLMErrorException(LiteLLMErrors.DetailError(StatusCodes.Status400BadRequest, $"Admin-only endpoint. Not allowed to access this., your role={caller.Role}"));
        }
    }
}
