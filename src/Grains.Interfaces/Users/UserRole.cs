namespace OneAIHub.Grains.Interfaces.Users;

public static class UserRoles
{
    public const string Customer = "customer";
    public const string Enterprise = "enterprise";
    public const string Support = "support";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Customer, Enterprise, Support, Admin];

    public static bool IsValid(string? role) => role is not null && All.Contains(role);
}

public static class UserStatuses
{
    public const string Active = "active";
    public const string PendingApproval = "pending_approval";
    public const string Suspended = "suspended";

    public static readonly IReadOnlyList<string> All = [Active, PendingApproval, Suspended];

    public static bool IsValid(string? status) => status is not null && All.Contains(status);
}
