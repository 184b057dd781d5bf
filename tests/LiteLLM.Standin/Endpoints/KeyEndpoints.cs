using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using OneAIHub.Tests.LiteLLMStandin.Auth;
using OneAIHub.Tests.LiteLLMStandin.Http;
using OneAIHub.Tests.LiteLLMStandin.Rendering;
using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin.Endpoints;

/// <summary><c>/key/generate</c>, <c>/key/update</c>, <c>/key/info</c>, <c>/key/delete</c>, <c>/key/list</c> (CONTRACT.md §5).</summary>
internal static class KeyEndpoints
{
    public static IEndpointRouteBuilder MapKeyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/key/generate", GenerateAsync);
        app.MapPost("/key/update", UpdateAsync);
        app.MapGet("/key/info", Info);
        app.MapPost("/key/delete", DeleteAsync);
        app.MapGet("/key/list", List);
        return app;
    }

    private static async Task<IResult> GenerateAsync(HttpContext context, StandinState state)
    {
        var caller = Authenticator.Require(context, state, "/key/generate");

        var body = await JsonRead.BodyAsync(context.Request);
        var secret = JsonRead.String(body["key"]) ?? VirtualKey.NewSecret();
        if (!secret.StartsWith("sk-", StringComparison.Ordinal))
        {
            return LiteLLMErrors.Proxy(StatusCodes.Status400BadRequest, $"Invalid key format. LiteLLM Virtual Key must start with 'sk-'. Received={VirtualKey.Mask(secret)}", "bad_request_error", "key");
        }

        var now = DateTimeOffset.UtcNow;
        lock (state.Gate)
        {
            if (KeyFields.Problem(body, state.Keys, null) is { } problem)
            {
                var type = problem.Message.StartsWith("{'error'", StringComparison.Ordinal) ? "internal_server_error" : "bad_request_error";
                return LiteLLMErrors.Proxy(problem.Status, problem.Message, type);
            }

            if (state.Keys.Find(secret) is not null)
            {
                return LiteLLMErrors.Proxy(StatusCodes.Status400BadRequest, "Unique constraint failed on the fields: (`token`)", "bad_request_error", "key");
            }

            var key = new VirtualKey { Token = VirtualKey.Hash(secret), KeyName = VirtualKey.Abbreviate(secret), CreatedAt = now };
            key.Spend = 0d;
            KeyFields.Apply(key, body, now);
            key.Fields["created_by"] = caller.UserId;
            key.Fields["updated_by"] = caller.UserId;
            state.Keys.Add(key);
            return JsonOut.Ok(KeyRendering.GenerateResponse(key, secret, state.Budgets.Find(key.BudgetId)));
        }
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, StandinState state)
    {
        var caller = Authenticator.Require(context, state, "/key/update");

        var body = await JsonRead.BodyAsync(context.Request);
        if (JsonRead.String(body["key"]) is not { } sent)
        {
            return LiteLLMErrors.MissingField("key", body);
        }

        lock (state.Gate)
        {
            var key = state.Keys.Find(sent);
            if (key is null)
            {
                return LiteLLMErrors.Proxy(
                    StatusCodes.Status401Unauthorized,
                    $"Authentication Error: invalid user key - user key does not exist in db. User Key={sent}",
                    "auth_error");
            }

            if (KeyFields.Problem(body, state.Keys, key) is { } problem)
            {
                return LiteLLMErrors.Proxy(problem.Status, problem.Message, "auth_error");
            }

            KeyFields.Apply(key, body, DateTimeOffset.UtcNow);
            key.Fields["updated_by"] = caller.UserId;
            var row = new JsonObject { ["key"] = sent };
            foreach (var (field, value) in KeyRendering.Row(key, state.Budgets.Find(key.BudgetId), includeToken: true))
            {
                row[field] = value?.DeepClone();
            }

            return JsonOut.Ok(row);
        }
    }

    private static IResult Info(HttpContext context, StandinState state, string? key)
    {
        var caller = Authenticator.Require(context, state);

        var sent = key ?? caller.PresentedKey;
        lock (state.Gate)
        {
            var found = state.Keys.Find(sent);
            if (found is null)
            {
                return LiteLLMErrors.Proxy(StatusCodes.Status404NotFound, "Key not found in database", "not_found_error", "key");
            }

            if (!caller.IsAdmin && found.Token != caller.Token && (found.UserId is null || found.UserId != caller.UserId))
            {
                return LiteLLMErrors.Proxy(StatusCodes.Status403Forbidden, $"You are not allowed to access this key's info. Your role={caller.Role}", "auth_error", "key");
            }

            return JsonOut.Ok(new JsonObject
            {
                ["key"] = sent,
                ["info"] = KeyRendering.Row(found, state.Budgets.Find(found.BudgetId), includeToken: false),
            });
        }
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, StandinState state)
    {
        var caller = Authenticator.Require(context, state);

        var body = await JsonRead.BodyAsync(context.Request);
        var keys = JsonRead.Strings(body["keys"]);
        var aliases = JsonRead.Strings(body["key_aliases"]);
        if (body["keys"] is null && body["key_aliases"] is null)
        {
            return LiteLLMErrors.Validation("value_error", ["body"], "Value error, At least one of 'keys' or 'key_aliases' must be provided.", body);
        }

        lock (state.Gate)
        {
            var found = keys.Select(state.Keys.Find).Concat(aliases.Select(state.Keys.FindByAlias)).OfType<VirtualKey>().Distinct().ToList();
            if (found.Count == 0)
            {
                return LiteLLMErrors.Proxy(StatusCodes.Status404NotFound, JsonOut.PythonDictRepr("error", "No keys found"), "internal_server_error");
            }

            if (!caller.IsAdmin && found.Any(k => k.Token != caller.Token && (k.UserId is null || k.UserId != caller.UserId)))
            {
                return LiteLLMErrors.Proxy(StatusCodes.Status403Forbidden, JsonOut.PythonDictRepr("error", "You are not authorized to delete this key"), "internal_server_error");
            }

            foreach (var key in found)
            {
                state.Keys.Remove(key.Token);
            }

            var sent = body["keys"] is JsonArray ? body["keys"] : body["key_aliases"];
            return JsonOut.Ok(new JsonObject { ["deleted_keys"] = sent?.DeepClone() });
        }
    }

    private static IResult List(
        HttpContext context,
        StandinState state,
        int? page,
        int? size,
        [FromQuery(Name = "user_id")] string? userId,
        [FromQuery(Name = "team_id")] string? teamId,
        [FromQuery(Name = "organization_id")] string? organizationId,
        [FromQuery(Name = "key_hash")] string? keyHash,
        [FromQuery(Name = "key_alias")] string? keyAlias,
        [FromQuery(Name = "return_full_object")] bool? returnFullObject,
        [FromQuery(Name = "sort_by")] string? sortBy,
        [FromQuery(Name = "sort_order")] string? sortOrder)
    {
        var caller = Authenticator.Require(context, state);

        if (page is < 1)
        {
            return LiteLLMErrors.Validation("greater_than_equal", ["query", "page"], "Input should be greater than or equal to 1", JsonValue.Create(page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (size is < 1 or > 100)
        {
            return LiteLLMErrors.Validation("less_than_equal", ["query", "size"], "Input should be between 1 and 100", JsonValue.Create(size.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var pageNumber = page ?? 1;
        var pageSize = size ?? 10;
        var forcedUser = caller.IsAdmin ? userId : caller.UserId;
        lock (state.Gate)
        {
            var matches = state.Keys.All
                .Where(k => (caller.IsAdmin && userId is null) || k.UserId == forcedUser)
                .Where(k => teamId is null || k.TeamId == teamId)
                .Where(k => organizationId is null || k.OrganizationId == organizationId)
                .Where(k => keyHash is null || k.Token == keyHash)
                .Where(k => keyAlias is null || k.KeyAlias == keyAlias);
            var descending = !string.Equals(sortOrder, "asc", StringComparison.OrdinalIgnoreCase);
            Func<VirtualKey, object?> order = sortBy switch
            {
                "spend" => k => k.Spend,
                "user_id" => k => k.UserId,
                "key_alias" => k => k.KeyAlias,
                _ => k => k.CreatedAt,
            };
            var sorted = (descending ? matches.OrderByDescending(order) : matches.OrderBy(order)).ToList();
            var items = sorted.Skip((pageNumber - 1) * pageSize).Take(pageSize).Select(k =>
            {
                if (returnFullObject != true)
                {
                    return (JsonNode?)k.Token;
                }

                var full = KeyRendering.Row(k, state.Budgets.Find(k.BudgetId), includeToken: true);
                full["api_key"] = null;
                return full;
            });
            return JsonOut.Ok(new JsonObject
            {
                ["keys"] = new JsonArray(items.ToArray()),
                ["total_count"] = sorted.Count,
                ["current_page"] = pageNumber,
                ["total_pages"] = (int)Math.Ceiling(sorted.Count / (double)pageSize),
            });
        }
    }
}
