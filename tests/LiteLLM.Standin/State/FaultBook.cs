namespace OneAIHub.Tests.LiteLLMStandin.State;

/// <summary>Injected faults and delays; thread-safe.</summary>
internal sealed class FaultBook
{
    private readonly Lock _gate = new();
    private readonly List<Armed> _faults = [];
    private TimeSpan _requestDelay;
    private TimeSpan _chunkDelay;

    public TimeSpan RequestDelay
    {
        get { lock (_gate) { return _requestDelay; } }
    }

    public TimeSpan ChunkDelay
    {
        get { lock (_gate) { return _chunkDelay; } }
    }

    public void SetDelays(TimeSpan perRequest, TimeSpan perChunk)
    {
        lock (_gate)
        {
            _requestDelay = perRequest;
            _chunkDelay = perChunk;
        }
    }

    public void Add(StandinFault fault)
    {
        if (fault.Count is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fault), "Count must be positive or null.");
        }

        lock (_gate)
        {
            _faults.Add(new Armed(fault, fault.Count));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
            _requestDelay = TimeSpan.Zero;
            _chunkDelay = TimeSpan.Zero;
        }
    }

    /// <summary>Takes (consumes one use of) the first fault of one of <paramref name="kinds"/> matching <paramref name="path"/>.</summary>
    public StandinFault? Take(string path, params StandinFaultKind[] kinds)
    {
        lock (_gate)
        {
            var armed = _faults.FirstOrDefault(f => kinds.Contains(f.Fault.Kind) && Matches(f.Fault.Path, path));
            if (armed is null)
            {
                return null;
            }

            if (armed.Remaining is { } remaining)
            {
                armed.Remaining = remaining - 1;
                if (armed.Remaining == 0)
                {
                    _faults.Remove(armed);
                }
            }

            return armed.Fault;
        }
    }

    public static string Normalize(string path)
    {
        var p = path.TrimEnd('/');
        return p.StartsWith("/v1/", StringComparison.OrdinalIgnoreCase) ? p[3..] : p;
    }

    private static bool Matches(string? rulePath, string path) =>
        rulePath is null || string.Equals(Normalize(rulePath), Normalize(path), StringComparison.OrdinalIgnoreCase);

    private sealed class Armed(StandinFault fault, int? remaining)
    {
        public StandinFault Fault { get; } = fault;

        public int? Remaining { get; set; } = remaining;
    }
}
