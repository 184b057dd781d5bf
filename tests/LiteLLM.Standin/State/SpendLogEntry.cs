namespace OneAIHub.Tests.LiteLLMStandin.State;

/// <summary>One <c>LiteLLM_SpendLogs</c> row (CONTRACT.md §9.1).</summary>
internal sealed record SpendLogEntry
{
    public required string RequestId { get; init; }

    public required string CallType { get; init; }

    /// <summary>SHA-256 of the key that made the call (the master key's hash for admin calls).</summary>
    public required string ApiKey { get; init; }

    public required double Spend { get; init; }

    public required int PromptTokens { get; init; }

    public required int CompletionTokens { get; init; }

    public int TotalTokens => PromptTokens + CompletionTokens;

    public required DateTimeOffset StartTime { get; init; }

    public required DateTimeOffset EndTime { get; init; }

    public required DateTimeOffset CompletionStartTime { get; init; }

    public required string Model { get; init; }

    public required string ModelId { get; init; }

    public required string ModelGroup { get; init; }

    public required string CustomLlmProvider { get; init; }

    public required string ApiBase { get; init; }

    /// <summary>The key's internal user id, <c>""</c> when none.</summary>
    public required string User { get; init; }

    /// <summary>The request body's <c>user</c> (customer), <c>""</c> when none.</summary>
    public required string EndUser { get; init; }

    public string? TeamId { get; init; }

    public string? OrganizationId { get; init; }

    public string? KeyAlias { get; init; }

    public IReadOnlyList<string> RequestTags { get; init; } = [];

    public string? RequesterIpAddress { get; init; }

    public required string SessionId { get; init; }
}

/// <summary>All spend rows, oldest first. Callers hold <see cref="StandinState.Gate"/>.</summary>
internal sealed class SpendLedger
{
    private readonly List<SpendLogEntry> _rows = [];

    public IReadOnlyList<SpendLogEntry> All => _rows;

    public void Reset() => _rows.Clear();

    public void Add(SpendLogEntry row) => _rows.Add(row);
}
