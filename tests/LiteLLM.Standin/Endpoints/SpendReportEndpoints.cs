using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using OneAIHub.Tests.LiteLLMStandin.Auth;
using OneAIHub.Tests.LiteLLMStandin.Http;
using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin.Endpoints;

/// <summary><c>GET /global/spend/report</c> (CONTRACT.md §9.6), answering as a licensed (enterprise) proxy would.</summary>
internal static class SpendReportEndpoints
{
    public static IEndpointRouteBuilder MapSpendReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/global/spend/report", Report);
        return app;
    }

    private static IResult Report(
        HttpContext context,
        StandinState state,
        [FromQuery(Name = "start_date")] string? startDate,
        [FromQuery(Name = "end_date")] string? endDate,
        [FromQuery(Name = "group_by")] string? groupBy,
        [FromQuery(Name = "api_key")] string? apiKey,
        [FromQuery(Name = "internal_user_id")] string? internalUserId,
        [FromQuery(Name = "team_id")] string? teamId,
        [FromQuery(Name = "customer_id")] string? customerId)
    {
        Authenticator.Require(context, state, "/global/spend/report");

        if (!SpendDates.TryParse(startDate, out var from) || !SpendDates.TryParse(endDate, out var to))
        {
            return LiteLLMErrors.DetailError(StatusCodes.Status400BadRequest, "Please provide start_date and end_date in the format YYYY-MM-DD");
        }

        List<SpendLogEntry> rows;
        lock (state.Gate)
        {
            rows = state.Spend.All
                .Where(r => SpendDates.InRange(r.StartTime, from, to))
                .Where(r => teamId is null || r.TeamId == teamId)
                .Where(r => customerId is null || r.EndUser == customerId)
                .ToList();
        }

        if (groupBy == "api_key" || apiKey is not null || internalUserId is not null)
        {
            var selected = rows
                .Where(r => apiKey is null || r.ApiKey == VirtualKey.TokenOf(apiKey))
                .Where(r => internalUserId is null || r.User == internalUserId);
            return JsonOut.Ok(new JsonArray(selected.GroupBy(r => r.ApiKey).Select(g => (JsonNode?)ByApiKey(g.Key, g.ToList())).ToArray()));
        }

        var customers = groupBy == "customer";
        var days = rows
            .GroupBy(r => r.StartTime.UtcDateTime.Date)
            .OrderBy(g => g.Key)
            .Select(day => (JsonNode?)new JsonObject
            {
                ["group_by_day"] = day.Key.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+00:00",
                [customers ? "customers" : "teams"] = new JsonArray(day
                    .GroupBy(r => customers ? r.EndUser : string.IsNullOrEmpty(r.TeamId) ? "Unassigned Team" : r.TeamId)
                    .Select(g => (JsonNode?)new JsonObject
                    {
                        [customers ? "customer" : "team_name"] = g.Key,
                        ["total_spend"] = JsonOut.Float(g.Sum(r => r.Spend)),
                        ["metadata"] = new JsonArray(g.GroupBy(r => (r.ModelGroup, r.ApiKey)).Select(m => (JsonNode?)new JsonObject
                        {
                            ["model"] = m.Key.ModelGroup,
                            ["api_key"] = m.Key.ApiKey,
                            ["spend"] = JsonOut.Float(m.Sum(r => r.Spend)),
                            ["total_tokens"] = m.Sum(r => r.TotalTokens),
                        }).ToArray()),
                    }).ToArray()),
            })
            .ToArray();
        return JsonOut.Ok(new JsonArray(days));
    }

    private static JsonObject ByApiKey(string apiKey, List<SpendLogEntry> rows) => new()
    {
        ["api_key"] = apiKey,
        ["total_cost"] = JsonOut.Float(rows.Sum(r => r.Spend)),
        ["total_input_tokens"] = rows.Sum(r => r.PromptTokens),
        ["total_output_tokens"] = rows.Sum(r => r.CompletionTokens),
        ["model_details"] = new JsonArray(rows.GroupBy(r => r.ModelGroup).Select(g => (JsonNode?)new JsonObject
        {
            ["model"] = g.Key,
            ["total_cost"] = JsonOut.Float(g.Sum(r => r.Spend)),
            ["total_input_tokens"] = g.Sum(r => r.PromptTokens),
            ["total_output_tokens"] = g.Sum(r => r.CompletionTokens),
        }).ToArray()),
    };
}
