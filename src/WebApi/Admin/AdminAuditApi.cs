using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OneAIHub.Grains.Interfaces.Admin;
using OneAIHub.WebApi.Auth;
using OneAIHub.WebApi.Catalog;
using OneAIHub.WebApi.Common;

namespace OneAIHub.WebApi.Admin;

/// <summary>An audit entry with its before and after as JSON values, not strings.</summary>
public sealed record AuditEntryDto(
    long Id, string? ActorId, string? ActorEmail, string Action, string EntityType, string? EntityId,
    JsonElement? Before, JsonElement? After, DateTime CreatedAt)
{
    public static AuditEntryDto From(AuditEntry e) =>
        new(e.Id, e.ActorId, e.ActorEmail, e.Action, e.EntityType, e.EntityId, Parse(e.Before), Parse(e.After), e.CreatedAt);

    private static JsonElement? Parse(string? json)
    {
        if (json is null) return null;
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(json);
        }
    }
}

/// <summary>The trail of admin changes, newest first; admins only (it shows who changed what).</summary>
public static class AdminAuditApi
{
    public static RouteGroupBuilder MapAdminAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/audit").WithTags("Admin: audit").RequireAuthorization(AuthSetup.AdminPolicy);
        group.MapGet("/", ListAsync).WithSummary("Admin changes, newest first, optionally for one entity type or entity");
        return group;
    }

    public static async Task<Results<Ok<PagedResult<AuditEntryDto>>, ValidationProblem>> ListAsync(
        IGrainFactory grains, int page = 1, int pageSize = 25, string? entityType = null, string? entityId = null)
    {
        var validator = new Validator()
            .MaxLength("entityType", entityType, "Entity type", 64)
            .MaxLength("entityId", entityId, "Entity id", 255);
        if (page < 1) validator.Add("page", "Page must be 1 or more.");
        if (pageSize is < 1 or > 100) validator.Add("pageSize", "Page size must be between 1 and 100.");
        if (!validator.IsValid) return Problems.Validation(validator);

        var result = await grains.GetGrain<IAuditLogGrain>(0).ListAsync(page, pageSize, Blank(entityType), Blank(entityId));
        return TypedResults.Ok(new PagedResult<AuditEntryDto>(result.Items.Select(AuditEntryDto.From).ToList(), result.Total, page, pageSize));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
