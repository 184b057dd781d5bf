namespace OneAIHub.Grains.Limits;

/// <summary>Counters of the current minute and day windows (fixed, aligned to UTC).</summary>
[GenerateSerializer, Alias("oneaihub.limit-window-state")]
public sealed class LimitWindowState
{
    [Id(0)] public DateTime MinuteStart { get; set; }
    [Id(1)] public int MinuteRequests { get; set; }
    [Id(2)] public long MinuteTokens { get; set; }
    [Id(3)] public DateTime DayStart { get; set; }
    [Id(4)] public int DayRequests { get; set; }
    [Id(5)] public long DayTokens { get; set; }
}
