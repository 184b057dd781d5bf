namespace OneAIHub.Grains.Catalog;

#pragma warning disable IDE1006 // Dapper maps the snake_case columns by name.
/// <summary>A <c>companies</c> row as the catalog and the sync read it.</summary>
public sealed record CompanyRow
{
    public string id { get; init; } = "";
    public string external_id { get; init; } = "";
    public string name { get; init; } = "";
    public string? description { get; init; }
    public string? logo_key { get; init; }
    public string? website { get; init; }
}
#pragma warning restore IDE1006
