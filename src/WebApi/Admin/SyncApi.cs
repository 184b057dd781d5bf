using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OneAIHub.Grains.Interfaces;
using OneAIHub.Grains.Interfaces.Admin;
using OneAIHub.Grains.Interfaces.Catalog;
using OneAIHub.Grains.Interfaces.Sync;
using OneAIHub.WebApi.Auth;
using OneAIHub.WebApi.Common;

namespace OneAIHub.WebApi.Admin;

/// <summary><c>SyncStatus</c> of docs/API.md.</summary>
public sealed record SyncStatusDto(bool Running, bool LiteLlmConfigured, SyncRun? LastRun)
{
    public static SyncStatusDto From(SyncStatus status) => new(status.Running, status.LiteLLMConfigured, status.LastRun);
}

/// <summary>The catalog sync from LiteLLM: admins start a run and get its result; support staff may watch.</summary>
public static class SyncApi
{
    public static RouteGroupBuilder MapSyncApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/sync").WithTags("Admin: sync").RequireAuthorization(AuthSetup.StaffPolicy);
        group.MapGet("/status", GetStatusAsync).WithSummary("The running or last sync run and whether LiteLLM is configured");
        group.MapPost("/models", SyncModelsAsync).RequireAuthorization(AuthSetup.AdminPolicy)
            .WithSummary("Pull models (and their companies) from LiteLLM now; answers when the run is over");
        group.MapPost("/companies", SyncCompaniesAsync).RequireAuthorization(AuthSetup.AdminPolicy)
            .WithSummary("Create and describe the companies of LiteLLM's providers now; answers when the run is over");
        return group;
    }

    public static async Task<Ok<SyncStatusDto>> GetStatusAsync(IGrainFactory grains) =>
        TypedResults.Ok(SyncStatusDto.From(await Grain(grains).GetStatusAsync()));

    public static Task<Ok<SyncStatusDto>> SyncModelsAsync(ClaimsPrincipal user, IGrainFactory grains, CatalogCache catalog) =>
        TriggerAsync(SyncKinds.Models, user, grains, catalog);

    public static Task<Ok<SyncStatusDto>> SyncCompaniesAsync(ClaimsPrincipal user, IGrainFactory grains, CatalogCache catalog) =>
        TriggerAsync(SyncKinds.Companies, user, grains, catalog);

    private static async Task<Ok<SyncStatusDto>> TriggerAsync(string kind, ClaimsPrincipal user, IGrainFactory grains, CatalogCache catalog)
    {
        var sync = Grain(grains);
        SyncStatus status;
        try
        {
            status = kind == SyncKinds.Models
                ? await sync.SyncModelsAsync(SyncTriggers.Admin)
                : await sync.SyncCompaniesAsync(SyncTriggers.Admin);
        }
        catch (TimeoutException)
        {
            // The run outlived the grain call's timeout; it goes on, and the status shows it running.
            return TypedResults.Ok(SyncStatusDto.From(await sync.GetStatusAsync()));
        }

        await grains.GetGrain<IAuditLogGrain>(0).RecordAsync(new AuditChange(
            user.Actor(), $"sync.{kind}", "sync", kind, null, JsonSerializer.Serialize(status.LastRun, JsonSerializerOptions.Web)));
        await catalog.RefreshNowAsync();
        return TypedResults.Ok(SyncStatusDto.From(status));
    }

    private static IModelSyncGrain Grain(IGrainFactory grains) => grains.GetGrain<IModelSyncGrain>(GrainKeys.ModelSync);
}
