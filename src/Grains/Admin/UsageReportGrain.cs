using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Interfaces.Admin;
using Orleans.Concurrency;

namespace OneAIHub.Grains.Admin;

[StatelessWorker]
[GrainType("usage-report")]
public sealed class UsageReportGrain(MySqlDataSource dataSource) : Grain, IUsageReportGrain
{
    // Key and label per grouping; the model label is its catalog name while the model exists, else its /v1 name.
    private const string UserColumns = "r.user_id AS `Key`, COALESCE(MAX(u.email), r.user_id) AS Label";
    private const string ModelColumns = "r.model_name AS `Key`, COALESCE(MAX(m.name), r.model_name) AS Label";
    private const string DayColumns = "DATE_FORMAT(r.created_at, '%Y-%m-%d') AS `Key`, DATE_FORMAT(r.created_at, '%Y-%m-%d') AS Label";

    public async Task<IReadOnlyList<UsageTotal>> GetTotalsAsync(DateTime from, DateTime to, UsageGrouping groupBy)
    {
        var (columns, join, group, order) = groupBy switch
        {
            UsageGrouping.User => (UserColumns, "LEFT JOIN users u ON u.id = r.user_id", "r.user_id", "TotalCost DESC, `Key`"),
            UsageGrouping.Model => (ModelColumns, "LEFT JOIN models m ON m.id = r.model_id", "r.model_name", "TotalCost DESC, `Key`"),
            _ => (DayColumns, "", "`Key`", "`Key`"),
        };
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<UsageTotal>($"""
            SELECT {columns}, COUNT(*) AS Requests,
                   CAST(COALESCE(SUM(r.input_tokens), 0) AS SIGNED) AS InputTokens,
                   CAST(COALESCE(SUM(r.output_tokens), 0) AS SIGNED) AS OutputTokens,
                   COALESCE(SUM(r.total_cost), 0) AS TotalCost
              FROM requests r {join}
             WHERE r.created_at >= @from AND r.created_at < @to
             GROUP BY {group}
             ORDER BY {order}
            """, new { from, to });
        return rows.ToList();
    }
}
