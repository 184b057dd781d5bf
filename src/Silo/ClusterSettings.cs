namespace OneAIHub.Silo;

/// <summary>Cluster identity and this silo's endpoints (section <c>Cluster</c>, never <c>Orleans</c>).</summary>
public sealed class ClusterSettings
{
    public const string Section = "Cluster";

    public string Id { get; set; } = "oneaihub";
    public string ServiceId { get; set; } = "oneaihub";
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo at; loopback for local runs.</summary>
    public string AdvertisedIp { get; set; } = "127.0.0.1";
}
