using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using OneAIHub.Tests.LiteLLMStandin.Auth;
using OneAIHub.Tests.LiteLLMStandin.Http;
using OneAIHub.Tests.LiteLLMStandin.Llm;
using OneAIHub.Tests.LiteLLMStandin.Rendering;
using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin.Endpoints;

/// <summary><c>/spend/logs</c>, <c>/spend/calculate</c>, <c>/spend/tags</c> (CONTRACT.md §9.2, 9.4, 9.5).</summary>
internal static class SpendEndpoints
{
    public static IEndpointRouteBuilder MapSpendEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/spend/logs", Logs);
        app.MapPost("/spend/calculate", CalculateAsync);
        app.MapGet("/spend/tags", Tags);
        return app;
    }

    private static IResult Logs(
        HttpContext context,
        StandinState state,
        [FromQuery(Name = "api_key")] string? apiKey,
        [FromQuery(Name = "user_id")] string? userId,
        [FromQuery(Name = "request_id")] string? requestId,
        [FromQuery(Name = "start_date")] string? startDate,
        [FromQuery(Name = "end_date")] string? endDate,
        bool? summarize)
    {
        var caller = Authenticator.Require(context, state);

        var user = caller.IsAdmin ? userId : caller.UserId;
        var hasRange = startDate is not null && endDate is not null;
        DateOnly from = default, to = default;
        if (hasRange && !(SpendDates.TryParse(startDate, out from) && SpendDates.TryParse(endDate, out to)))
        {
            return LiteLLMErrors.Proxy(StatusCodes.Status500InternalServerError, $"/spend/logs Error({startDate}, {endDate}): invalid date format, expected YYYY-MM-DD", "internal_error");
        }

        lock (state.Gate)
        {
            IEnumerable<SpendLogEntry> rows = state.Spend.All;
            if (requestId is not null)
            {
                rows = rows.Where(r => r.RequestId == requestId);
            }

            if (apiKey is not null)
            {
                // With a date range LiteLLM compares api_key unhashed (CONTRACT.md §9.2), so only a hash matches there.
                var token = hasRange ? apiKey : VirtualKey.TokenOf(apiKey);
                rows = rows.Where(r => r.ApiKey == token);
            }

            if (user is not null)
            {
                rows = rows.Where(r => r.User == user);
            }

            if (hasRange)
            {
                rows = rows.Where(r => SpendDates.InRange(r.StartTime, from, to));
                if (summarize != false)
                {
                    return JsonOut.Ok(DailySummary(rows.ToList(), from, to));
                }
            }

            var result = rows.OrderByDescending(r => r.StartTime).Select(r => (JsonNode?)SpendRendering.Row(r)).ToArray();
            return JsonOut.Ok(new JsonArray(result));
        }
    }

    private static async Task<IResult> CalculateAsync(HttpContext context, StandinState state)
    {
        Authenticator.Require(context, state);

        var body = await JsonRead.BodyAsync(context.Request);
        int prompt, completion;
        string? model;
        if (body["completion_response"] is JsonObject response)
        {
            model = JsonRead.String(response["model"]);
            prompt = (int)(JsonRead.Long(response["usage"]?["prompt_tokens"]) ?? 0);
            completion = (int)(JsonRead.Long(response["usage"]?["completion_tokens"]) ?? 0);
        }
        else if (JsonRead.String(body["model"]) is { } requested)
        {
            model = requested;
            prompt = body["messages"] is JsonArray messages ? SyntheticLlm.ChatPromptTokens(messages) : 0;
            completion = 0;
        }
        else
        {
            return LiteLLMErrors.Proxy(StatusCodes.Status400BadRequest, "Bad Request - Either 'model' or 'completion_response' must be provided", "internal_server_error");
        }

        var deployment = model is null ? null : state.Models.FindGroup(model) ?? state.Models.All().FirstOrDefault(m => m.ProviderModel == model);
        if (deployment is null)
        {
            return LiteLLMErrors.Proxy(
                StatusCodes.Status500InternalServerError,
                $"Internal Server Error, This model isn't mapped yet. model={model}. Add it here - https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json.",
                "internal_server_error");
        }

        return JsonOut.Ok(new JsonObject { ["cost"] = JsonOut.Float(LlmLedger.Cost(deployment, prompt, completion)) });
    }

    private static IResult Tags(HttpContext context, StandinState state)
    {
        Authenticator.Require(context, state, "/spend/tags");

        lock (state.Gate)
        {
            var tags = state.Spend.All
                .SelectMany(r => r.RequestTags.Select(t => (Tag: t, r.Spend)))
                .GroupBy(x => x.Tag)
                .Select(g => new { Tag = g.Key, Count = g.Count(), Total = g.Sum(x => x.Spend) })
                .OrderByDescending(g => g.Total)
                .Select(g => (JsonNode?)new JsonObject
                {
                    ["individual_request_tag"] = g.Tag,
                    ["log_count"] = g.Count,
                    ["total_spend"] = JsonOut.Float(g.Total),
                })
                .ToArray();
            return JsonOut.Ok(new JsonArray(tags));
        }
    }

    /// <summary>Per-day aggregates of <c>/spend/logs</c> with a date range and <c>summarize=true</c>.</summary>
    private static JsonArray DailySummary(List<SpendLogEntry> rows, DateOnly from, DateOnly to)
    {
        var days = new JsonArray();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var dayRows = rows.Where(r => DateOnly.FromDateTime(r.StartTime.UtcDateTime) == day).ToList();
            var entry = new JsonObject
            {
                ["users"] = Sums(dayRows, r => r.User),
                ["models"] = Sums(dayRows, r => r.ModelGroup),
                ["spend"] = JsonOut.Float(dayRows.Sum(r => r.Spend)),
            };
            foreach (var (key, spend) in Sums(dayRows, r => r.ApiKey))
            {
                entry[key] = spend?.DeepClone();
            }

            entry["startTime"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            days.Add(entry);
        }

        return days;
    }

    private static JsonObject Sums(IEnumerable<SpendLogEntry> rows, Func<SpendLogEntry, string> by)
    {
        var sums = new JsonObject();
        foreach (var group in rows.GroupBy(by))
        {
            sums[group.Key] = JsonOut.Float(group.Sum(r => r.Spend));
        }

        return sums;
    }
}

/// <summary><c>YYYY-MM-DD</c> dates of the spend endpoints.</summary>
internal static class SpendDates
{
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool InRange(DateTimeOffset time, DateOnly from, DateOnly to)
    {
        var day = DateOnly.FromDateTime(time.UtcDateTime);
        return day >= from && day <= to;
    }
}
