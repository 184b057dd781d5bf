using Microsoft.AspNetCore.Http.HttpResults;
using OneAIHub.Grains.Interfaces.Catalog;
using OneAIHub.WebApi.Common;

namespace OneAIHub.WebApi.Catalog;

/// <summary>The public catalog, answered from this process's copy of the catalog grain's snapshot.</summary>
public static class CatalogApi
{
    private static readonly string[] Sorts = ["name", "price", "context"];
    private static readonly string[] Orders = ["asc", "desc"];

    public static void MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Catalog");
        group.MapGet("/companies", ListCompaniesAsync).WithSummary("AI companies with at least one model on offer");
        group.MapGet("/companies/{id}", GetCompanyAsync).WithSummary("One company");
        group.MapGet("/companies/{id}/models", ListCompanyModelsAsync).WithSummary("A company's models with prices and tiers");
        group.MapGet("/models", ListModelsAsync).WithSummary("Models, filtered, sorted and paged");
        group.MapGet("/models/{id}", GetModelAsync).WithSummary("A model with its limits per tier (id or the /v1 model name)");
        group.MapGet("/tiers", ListTiersAsync).WithSummary("Subscription tiers");
        group.MapGet("/rate-limits", ListRateLimitsAsync).WithSummary("Limits per model and tier");
    }

    public static async Task<Ok<List<CompanyDto>>> ListCompaniesAsync(CatalogCache catalog)
    {
        var index = await catalog.GetAsync();
        var counts = Offered(index).GroupBy(m => m.CompanyId).ToDictionary(g => g.Key, g => g.Count());
        return TypedResults.Ok(index.Snapshot.Companies
            .Where(c => counts.ContainsKey(c.Id))
            .Select(c => new CompanyDto(c.Id, c.ExternalId, c.Name, c.Description, c.LogoKey, c.Website, counts[c.Id]))
            .ToList());
    }

    public static async Task<Results<Ok<CompanyDto>, ProblemHttpResult>> GetCompanyAsync(string id, CatalogCache catalog)
    {
        var index = await catalog.GetAsync();
        var company = FindCompany(index, id);
        if (company is null) return Problems.NotFound($"No company '{id}'.");
        return TypedResults.Ok(new CompanyDto(company.Id, company.ExternalId, company.Name, company.Description, company.LogoKey,
            company.Website, Offered(index).Count(m => m.CompanyId == company.Id)));
    }

    public static async Task<Results<Ok<List<ModelSummaryDto>>, ProblemHttpResult>> ListCompanyModelsAsync(string id, CatalogCache catalog)
    {
        var index = await catalog.GetAsync();
        var company = FindCompany(index, id);
        if (company is null) return Problems.NotFound($"No company '{id}'.");
        return TypedResults.Ok(Offered(index).Where(m => m.CompanyId == company.Id)
            .OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).Select(m => CatalogMapping.Summary(index, m)).ToList());
    }

    public static async Task<Results<Ok<PagedResult<ModelSummaryDto>>, ValidationProblem>> ListModelsAsync(
        CatalogCache catalog, string? company = null, string? tier = null, string? capability = null, string? q = null,
        string sort = "name", string order = "asc", int page = 1, int pageSize = 24)
    {
        var validator = new Validator()
            .OneOf("sort", sort, Sorts, "Sort")
            .OneOf("order", order, Orders, "Order");
        if (page < 1) validator.Add("page", "Page must be 1 or more.");
        if (pageSize is < 1 or > 100) validator.Add("pageSize", "Page size must be between 1 and 100.");
        if (!validator.IsValid) return Problems.Validation(validator);

        var index = await catalog.GetAsync();
        var models = Offered(index);
        if (!string.IsNullOrWhiteSpace(company))
            models = models.Where(m => m.CompanyId == company || index.FindCompany(m.CompanyId)?.ExternalId == company);
        if (!string.IsNullOrWhiteSpace(tier))
        {
            var tierId = index.TiersCheapestFirst.FirstOrDefault(t => t.Id == tier || string.Equals(t.Name, tier, StringComparison.OrdinalIgnoreCase))?.Id;
            models = models.Where(m => tierId is not null && index.FindEffectiveLimit(tierId, m.Id) is not null);
        }
        if (!string.IsNullOrWhiteSpace(capability))
            models = models.Where(m => m.Capabilities.Contains(capability, StringComparer.OrdinalIgnoreCase));
        if (!string.IsNullOrWhiteSpace(q))
            models = models.Where(m => m.Name.Contains(q, StringComparison.OrdinalIgnoreCase)
                || m.ExternalId.Contains(q, StringComparison.OrdinalIgnoreCase)
                || (index.FindCompany(m.CompanyId)?.Name.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false));

        var sorted = (sort, order) switch
        {
            ("price", "asc") => models.OrderBy(m => m.InputPricePerMillion + m.OutputPricePerMillion),
            ("price", _) => models.OrderByDescending(m => m.InputPricePerMillion + m.OutputPricePerMillion),
            ("context", "asc") => models.OrderBy(m => m.ContextWindow ?? 0),
            ("context", _) => models.OrderByDescending(m => m.ContextWindow ?? 0),
            (_, "desc") => models.OrderByDescending(m => m.Name, StringComparer.OrdinalIgnoreCase),
            _ => models.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase),
        };
        var all = sorted.ThenBy(m => m.ExternalId, StringComparer.Ordinal).ToList();
        var items = all.Skip((page - 1) * pageSize).Take(pageSize).Select(m => CatalogMapping.Summary(index, m)).ToList();
        return TypedResults.Ok(new PagedResult<ModelSummaryDto>(items, all.Count, page, pageSize));
    }

    public static async Task<Results<Ok<ModelDetailDto>, ProblemHttpResult>> GetModelAsync(string id, CatalogCache catalog)
    {
        var index = await catalog.GetAsync();
        var model = index.FindModel(id) ?? index.FindModelByExternalId(id);
        if (model is null || !index.IsOffered(model)) return Problems.NotFound($"No model '{id}'.");
        return TypedResults.Ok(ModelDetailDto.From(CatalogMapping.Summary(index, model), model.Description, CatalogMapping.Limits(index, model)));
    }

    public static async Task<Ok<List<TierDto>>> ListTiersAsync(CatalogCache catalog) =>
        TypedResults.Ok((await catalog.GetAsync()).TiersCheapestFirst.Select(CatalogMapping.Tier).ToList());

    public static async Task<Ok<List<RateLimitDto>>> ListRateLimitsAsync(CatalogCache catalog)
    {
        var index = await catalog.GetAsync();
        return TypedResults.Ok(index.Snapshot.RateLimits
            .Where(l => index.FindModel(l.ModelId) is { } m && index.IsOffered(m))
            .Select(l => CatalogMapping.RateLimit(index, l))
            .OrderBy(l => l.ModelName).ThenBy(l => index.FindTier(l.TierId)?.SortOrder).ToList());
    }

    private static IEnumerable<CatalogModel> Offered(CatalogIndex index) => index.Snapshot.Models.Where(index.IsOffered);

    private static CatalogCompany? FindCompany(CatalogIndex index, string id) =>
        index.FindCompany(id) ?? index.Snapshot.Companies.FirstOrDefault(c => c.ExternalId == id);
}
