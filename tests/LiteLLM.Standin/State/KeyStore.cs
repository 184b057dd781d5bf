namespace OneAIHub.Tests.LiteLLMStandin.State;

/// <summary>Virtual keys by hash, plus each key's current one-minute rate window. Callers hold <see cref="StandinState.Gate"/>.</summary>
internal sealed class KeyStore
{
    private readonly Dictionary<string, VirtualKey> _byToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RateWindow> _windows = new(StringComparer.Ordinal);

    public void Reset()
    {
        _byToken.Clear();
        _windows.Clear();
    }

    public IReadOnlyCollection<VirtualKey> All => _byToken.Values;

    public VirtualKey? Find(string keyOrHash) => _byToken.GetValueOrDefault(VirtualKey.TokenOf(keyOrHash));

    public VirtualKey? FindByAlias(string alias) => _byToken.Values.FirstOrDefault(k => k.KeyAlias == alias);

    public void Add(VirtualKey key) => _byToken[key.Token] = key;

    public bool Remove(string token)
    {
        _windows.Remove(token);
        return _byToken.Remove(token);
    }

    /// <summary>The key's window for the current minute (a fixed window, reset each UTC minute).</summary>
    public RateWindow Window(string token, DateTimeOffset now)
    {
        var minute = now.ToUnixTimeSeconds() / 60;
        if (!_windows.TryGetValue(token, out var window) || window.Minute != minute)
        {
            window = new RateWindow(minute);
            _windows[token] = window;
        }

        return window;
    }
}

/// <summary>Requests and tokens a key used in one UTC minute.</summary>
internal sealed class RateWindow(long minute)
{
    public long Minute { get; } = minute;

    public long Requests { get; set; }

    public long Tokens { get; set; }

    public DateTimeOffset ResetsAt => DateTimeOffset.FromUnixTimeSeconds((Minute + 1) * 60);
}
