using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OneAIHub.Grains.Interfaces.Requests;
using OneAIHub.WebApi.Common;

namespace OneAIHub.WebApi.Requests;

/// <summary>The signed-in user's request history: only their own rows (the user comes from the token, never the query).</summary>
public static class RequestsApi
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static RouteGroupBuilder MapRequestsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/requests").WithTags("Request history").RequireAuthorization();
        group.MapGet("/", ListAsync).WithSummary("Requests newest first, cursor-paged, with totals for the filtered range");
        group.MapGet("/export", Export).WithSummary("The filtered history as CSV, streamed page by page")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        return group;
    }

    public static async Task<Results<Ok<RequestPageDto>, ValidationProblem>> ListAsync(
        [AsParameters] RequestFilterQuery filter, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (query, validator) = Parse(filter);
        if (query is null) return Problems.Validation(validator);
        var page = await grains.GetGrain<IRequestHistoryGrain>(0).QueryAsync(user.Id(), query);
        return TypedResults.Ok(new RequestPageDto(page.Items.Select(RequestRowDto.From).ToList(), page.Next?.Encode(), page.Totals!));
    }

    public static Results<RequestCsvResult, ValidationProblem> Export(
        [AsParameters] RequestFilterQuery filter, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time)
    {
        var (query, validator) = Parse(filter with { Limit = null });
        if (query is null) return Problems.Validation(validator);
        var fileName = $"requests-{time.GetUtcNow():yyyyMMdd}.csv";
        return new RequestCsvResult(grains.GetGrain<IRequestHistoryGrain>(0), user.Id(),
            query with { Limit = RequestCsvResult.PageSize, IncludeTotals = false }, fileName);
    }

    private static (RequestQuery? Query, Validator Validator) Parse(RequestFilterQuery filter)
    {
        var validator = new Validator()
            .MaxLength("model", filter.Model, "Model", 255)
            .MaxLength("keyId", filter.KeyId, "Key id", 36);
        var from = Instant(validator, "from", filter.From);
        var to = Instant(validator, "to", filter.To);
        if (from > to) validator.Add("to", "The end of the range must not be before its start.");
        RequestCursor? cursor = null;
        if (!string.IsNullOrEmpty(filter.Cursor) && !RequestCursor.TryDecode(filter.Cursor, out cursor))
            validator.Add("cursor", "The cursor is not one this API gave out.");
        var limit = DefaultLimit;
        if (filter.Limit is not null && (!int.TryParse(filter.Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
            validator.Add("limit", $"Limit must be a whole number from 1 to {MaxLimit}.");
        if (!validator.IsValid) return (null, validator);
        return (new RequestQuery(Blank(filter.Model), Blank(filter.KeyId), from, to, cursor, limit, true), validator);
    }

    /// <summary>An ISO-8601 instant; without an offset it is taken as UTC.</summary>
    private static DateTime? Instant(Validator validator, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return instant.UtcDateTime;
        validator.Add(field, "Give an ISO-8601 date and time, e.g. 2025-01-31T00:00:00Z.");
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
