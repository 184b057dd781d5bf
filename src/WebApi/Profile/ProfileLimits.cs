using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OneAIHub.Grains.Interfaces;
using OneAIHub.Grains.Interfaces.Catalog;
using OneAIHub.Grains.Interfaces.Limits;
using OneAIHub.Grains.Interfaces.Users;
using OneAIHub.WebApi.Common;

namespace OneAIHub.WebApi.Profile;

public sealed record ModelLimitDto(
    string ModelId, string ExternalId, string ModelName, string CompanyName, int RequestsPerMinute, int RequestsPerDay,
    int TokensPerMinute, int TokensPerDay, long RemainingRequestsMinute, long RemainingRequestsDay, long RemainingTokensMinute,
    long RemainingTokensDay, DateTime ResetMinuteAt, DateTime ResetDayAt);

public sealed record ProfileLimitsDto(
    decimal Balance, decimal TotalSpent, long? MonthlyTokenLimit, long MonthlyTokensUsed, TierRef Tier, IReadOnlyList<ModelLimitDto> Models);

/// <summary>
/// The dashboard's numbers: every model the user's tier may call (CatalogIndex's tier rule) with the
/// tier's limits and what is left in the user's current windows, read live from the limit grains.
/// </summary>
public static class ProfileLimits
{
    /// <summary>What "remaining" says for a limit of 0 (no limit), as the x-ratelimit headers do.</summary>
    public const long Unlimited = -1;

    public static async Task<Results<Ok<ProfileLimitsDto>, UnauthorizedHttpResult>> GetAsync(
        ClaimsPrincipal user, IGrainFactory grains, CatalogCache catalog)
    {
        var userId = user.Id();
        if (await grains.GetGrain<IUserGrain>(userId).GetProfileAsync() is not { } profile) return TypedResults.Unauthorized();
        var index = await catalog.GetAsync();
        var usable = index.Snapshot.Models
            .Where(m => m.IsAvailable && m.IsEnabled)
            .Select(m => (Model: m, Limit: index.FindEffectiveLimit(profile.TierId, m.Id)))
            .Where(x => x.Limit is not null)
            .OrderBy(x => index.FindCompany(x.Model.CompanyId)?.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(x => x.Model.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var usage = await Task.WhenAll(usable.Select(x =>
            grains.GetGrain<ILimitWindowGrain>(GrainKeys.LimitWindow(userId, x.Model.Id)).GetUsageAsync()));

        var models = usable.Select((x, i) => ToDto(x.Model, x.Limit!.Limit, usage[i], index)).ToList();
        return TypedResults.Ok(new ProfileLimitsDto(profile.Balance, profile.TotalSpent, profile.MonthlyTokenLimit,
            profile.MonthlyTokensUsed, new TierRef(profile.TierId, profile.TierName), models));
    }

    private static ModelLimitDto ToDto(CatalogModel model, CatalogRateLimit limit, WindowUsage used, CatalogIndex index) => new(
        model.Id, model.ExternalId, model.Name, index.FindCompany(model.CompanyId)?.Name ?? "",
        limit.RequestsPerMinute, limit.RequestsPerDay, limit.TokensPerMinute, limit.TokensPerDay,
        Remaining(limit.RequestsPerMinute, used.RequestsThisMinute), Remaining(limit.RequestsPerDay, used.RequestsToday),
        Remaining(limit.TokensPerMinute, used.TokensThisMinute), Remaining(limit.TokensPerDay, used.TokensToday),
        DateTime.SpecifyKind(used.MinuteResetAt, DateTimeKind.Utc), DateTime.SpecifyKind(used.DayResetAt, DateTimeKind.Utc));

    private static long Remaining(int limit, long used) => limit > 0 ? Math.Max(0, limit - used) : Unlimited;
}
