namespace OneAIHub.Grains.Interfaces.Admin;

public enum UsageGrouping
{
    User,
    Model,
    Day,
}

/// <summary>Totals of proxied requests for one user, model (its /v1 name) or UTC day (yyyy-MM-dd).</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.usage-total")]
public sealed record UsageTotal(
    [property: Id(0)] string Key,
    [property: Id(1)] string Label,
    [property: Id(2)] long Requests,
    [property: Id(3)] long InputTokens,
    [property: Id(4)] long OutputTokens,
    [property: Id(5)] decimal TotalCost);
