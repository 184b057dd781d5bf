using System.Globalization;
using OneAIHub.Grains.Interfaces.Catalog;
using OneAIHub.Grains.Interfaces.Users;

namespace OneAIHub.Grains.Users;

/// <summary>Turns a user's row into the profile callers see; the grain passes its live totals, the directory the stored ones.</summary>
internal static class UserProfiles
{
    public static UserProfile From(UserRow u, CatalogIndex index, decimal balance, decimal totalSpent, long monthlyTokensUsed) =>
        new(u.id, u.email, u.display_name, u.role, u.tier_id, index.FindTier(u.tier_id)?.Name ?? "", u.status,
            Utc(u.free_tier_requested_at), balance, totalSpent, u.monthly_token_limit, monthlyTokensUsed, Utc(u.created_at),
            Utc(u.updated_at));

    /// <summary>The profile as MySQL last saw it (a flush interval behind an active user's grain at most).</summary>
    public static UserProfile FromStored(UserRow u, CatalogIndex index, DateTime now) =>
        From(u, index, u.balance, u.total_spent, u.usage_month == UsageMonth(now) ? u.monthly_tokens_used : 0);

    /// <summary>The month <c>monthly_tokens_used</c> counts, as stored in <c>user_limits.usage_month</c>.</summary>
    public static string UsageMonth(DateTime now) => now.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static DateTime? Utc(DateTime? value) => value is null ? null : DateTime.SpecifyKind(value.Value, DateTimeKind.Utc);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
