namespace OneAIHub.Grains.Interfaces.Admin;

/// <summary>Usage totals across every user for admins (stateless worker, key 0; reads <c>requests</c>).</summary>
public interface IUsageReportGrain : IGrainWithIntegerKey
{
    /// <summary>Requests created in [<paramref name="from"/>, <paramref name="to"/>) (UTC), grouped.</summary>
    Task<IReadOnlyList<UsageTotal>> GetTotalsAsync(DateTime from, DateTime to, UsageGrouping groupBy);
}
