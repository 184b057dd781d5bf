using OneAIHub.Grains.Catalog;

namespace OneAIHub.Grains.Sync;

/// <summary>
/// The companies run: every provider LiteLLM serves gets a company; a known provider's display name, description,
/// logo and website fill fields that are empty or still at the generic default, so an admin's edits stay.
/// </summary>
public static class CompanyCatalogSync
{
    public static async Task<SyncCounts> ApplyAsync(CatalogSyncSession session, IReadOnlyList<UpstreamModel> upstream)
    {
        var companies = new CompanyDirectory(session, await session.LoadCompaniesAsync());
        int updated = 0, unchanged = 0;

        foreach (var providerId in upstream.Select(m => m.ProviderId).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (companies.Find(providerId) is not { } row)
            {
                await companies.EnsureAsync(providerId);
                continue;
            }

            var wanted = Fill(row, KnownProviders.Get(providerId), KnownProviders.Generic(providerId));
            if (wanted == row)
            {
                unchanged++;
            }
            else
            {
                await session.UpdateCompanyAsync(wanted);
                updated++;
            }
        }

        return new SyncCounts(companies.Created, updated, unchanged, 0, companies.Created);
    }

    private static CompanyRow Fill(CompanyRow row, ProviderInfo known, ProviderInfo generic) => row with
    {
        name = IsDefault(row.name, generic.DisplayName, generic.Id) ? known.DisplayName : row.name,
        description = IsDefault(row.description, generic.Description) ? known.Description : row.description,
        logo_key = IsDefault(row.logo_key) ? known.LogoKey : row.logo_key,
        website = IsDefault(row.website) ? known.Website : row.website,
    };

    private static bool IsDefault(string? value, params string?[] defaults) =>
        string.IsNullOrWhiteSpace(value) || defaults.Any(d => string.Equals(value, d, StringComparison.Ordinal));
}
