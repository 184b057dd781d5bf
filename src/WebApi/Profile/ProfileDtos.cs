using OneAIHub.Grains.Interfaces.Users;

namespace OneAIHub.WebApi.Profile;

public sealed record TierRef(string Id, string Name);

public sealed record ProfileDto(
    string Id, string Email, string? DisplayName, string Role, TierRef Tier, string Status, DateTime? FreeTierRequestedAt,
    decimal Balance, decimal TotalSpent, long? MonthlyTokenLimit, long MonthlyTokensUsed, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static ProfileDto From(UserProfile p) => new(p.Id, p.Email, p.DisplayName, p.Role, new TierRef(p.TierId, p.TierName),
        p.Status, p.FreeTierRequestedAt, p.Balance, p.TotalSpent, p.MonthlyTokenLimit, p.MonthlyTokensUsed, p.CreatedAt, p.UpdatedAt);
}
