namespace OneAIHub.Tests.LiteLLMStandin;

/// <summary>How a stand-in starts.</summary>
public sealed record StandinOptions
{
    /// <summary>Default master key for tests and local runs.</summary>
    public const string DefaultMasterKey = "sk-standin-master-key";

    /// <summary>LiteLLM's <c>general_settings.master_key</c>; null or empty turns auth off, as in LiteLLM.</summary>
    public string? MasterKey { get; init; } = DefaultMasterKey;

    /// <summary>A <c>models.json</c> to load instead of the copy embedded in the assembly.</summary>
    public string? ModelsPath { get; init; }

    /// <summary>How many received requests are kept for <see cref="LiteLLMStandinServer.ReceivedRequests"/>.</summary>
    public int JournalCapacity { get; init; } = 2000;

    /// <summary>Reads <c>--master-key</c>, <c>--models</c> and <c>--journal-capacity</c>; other arguments are left to ASP.NET (e.g. <c>--urls</c>).</summary>
    public static StandinOptions FromArgs(IReadOnlyList<string> args)
    {
        var options = new StandinOptions();
        for (var i = 0; i + 1 < args.Count; i++)
        {
            options = args[i] switch
            {
                "--master-key" => options with { MasterKey = args[i + 1] },
                "--models" => options with { ModelsPath = args[i + 1] },
                "--journal-capacity" => options with { JournalCapacity = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) },
                _ => options,
            };
        }

        return options;
    }
}
