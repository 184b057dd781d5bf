using System.Security.Claims;
using System.Text.Json;
using OneAIHub.Grains.Interfaces.Admin;
using OneAIHub.WebApi.Common;

namespace OneAIHub.WebApi.Admin;

/// <summary>Records an admin change with the entity's JSON (as the API shows it) before and after.</summary>
public static class AuditTrail
{
    public static Task RecordAsync(this IGrainFactory grains, ClaimsPrincipal user, string action, string entityType,
        string? entityId, object? before, object? after) =>
        grains.GetGrain<IAuditLogGrain>(0).RecordAsync(new AuditChange(user.Actor(), action, entityType, entityId, Json(before), Json(after)));

    private static string? Json(object? value) => value is null ? null : JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
}
