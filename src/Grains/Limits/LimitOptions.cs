namespace OneAIHub.Grains.Limits;

public sealed class LimitOptions
{
    public const string Section = "Limits";

    /// <summary>How often changed window counters are written to grain storage.</summary>
    public TimeSpan PersistInterval { get; set; } = TimeSpan.FromSeconds(2);
}
