namespace OneAIHub.Tests.LiteLLMStandin.State;

/// <summary>The most recent requests received (bounded); thread-safe.</summary>
internal sealed class RequestJournal(int capacity)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<ReceivedRequest> _entries = new();

    public void Add(ReceivedRequest request)
    {
        lock (_gate)
        {
            _entries.AddLast(request);
            while (_entries.Count > capacity)
            {
                _entries.RemoveFirst();
            }
        }
    }

    public IReadOnlyList<ReceivedRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}
