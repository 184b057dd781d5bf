using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OneAIHub.Grains.Interfaces.Admin;
using OneAIHub.WebApi.Auth;
using OneAIHub.WebApi.Common;

namespace OneAIHub.WebApi.Admin;

/// <summary>Usage totals across all users by user, model or day.</summary>
public static class AdminUsageApi
{
    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(30);
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(366);
    private static readonly string[] Groupings = ["user", "model", "day"];

    public static RouteGroupBuilder MapAdminUsageApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/usage").WithTags("Admin: usage").RequireAuthorization(AuthSetup.StaffPolicy);
        group.MapGet("/", GetAsync).WithSummary("Requests, tokens and cost in [from, to) by user, model or UTC day (default: the last 30 days by day)");
        return group;
    }

    public static async Task<Results<Ok<IReadOnlyList<UsageTotal>>, ValidationProblem>> GetAsync(
        IGrainFactory grains, TimeProvider time, string? from = null, string? to = null, string groupBy = "day")
    {
        var validator = new Validator().OneOf("groupBy", groupBy, Groupings, "Group by");
        var end = ParseTime(validator, "to", to) ?? time.GetUtcNow().UtcDateTime;
        var start = ParseTime(validator, "from", from) ?? end - DefaultRange;
        if (validator.IsValid && start >= end) validator.Add("from", "From must be before to.");
        if (validator.IsValid && end - start > MaxRange) validator.Add("from", $"The range may span at most {MaxRange.Days} days.");
        if (!validator.IsValid) return Problems.Validation(validator);

        var grouping = Enum.Parse<UsageGrouping>(groupBy, ignoreCase: true);
        return TypedResults.Ok(await grains.GetGrain<IUsageReportGrain>(0).GetTotalsAsync(start, end, grouping));
    }

    /// <summary>An ISO-8601 date or date-time; without an offset it is UTC.</summary>
    private static DateTime? ParseTime(Validator validator, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
            return parsed;
        validator.Add(field, $"'{value}' is not an ISO-8601 date or date-time.");
        return null;
    }
}
