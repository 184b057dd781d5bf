using System.Text.Json;

namespace OneAIHub.WebApi.Admin;

public sealed record UserListQuery(string? Q, string? Role, string? Tier, string? Status, int? Page, int? PageSize);

public sealed record CreateUserRequest(string? Email, string? Password, string? Role, string? TierId, string? DisplayName);

/// <summary>
/// Absent members stay as they are. <see cref="MonthlyTokenLimit"/> is raw JSON so that <c>null</c> (unlimited)
/// can be told apart from leaving it out.
/// </summary>
public sealed record UpdateUserRequest(string? Role, string? TierId, string? Status, string? DisplayName, JsonElement MonthlyTokenLimit);

public sealed record BalanceRequest(decimal? Amount, string? Reason);

public sealed record PagedDto<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
