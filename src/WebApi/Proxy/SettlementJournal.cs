using System.Collections.Concurrent;
using OneAIHub.Grains.Interfaces;
using OneAIHub.Grains.Interfaces.Proxy;
using OneAIHub.Grains.Interfaces.Users;

namespace OneAIHub.WebApi.Proxy;

/// <summary>
/// Keeps each settlement until its user's grain reports the request row in MySQL. A user grain holds
/// finished requests in memory for up to one flush interval; when its silo dies first (kill -9, a lost
/// machine) the grain comes back without them, answers that the receipt's activation is gone, and the
/// journal settles them again. A settlement that never reached a grain (the call failed while the silo
/// died) is sent again the same way. One confirming loop per user with open settlements, so the cost
/// is about one grain call per user and flush, not per request. A graceful stop waits for the journal.
/// </summary>
public sealed class SettlementJournal(IGrainFactory grains, ILogger<SettlementJournal> logger) : IHostedService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(15);

    /// <summary>Longer than any fault the hub rides out; a settlement still open then is logged and dropped.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, OpenSettlements> _users = new(StringComparer.Ordinal);

    /// <summary>Watches <paramref name="settlement"/> until it is recorded; <paramref name="receipt"/> null when settling failed.</summary>
    public void Track(string userId, Settlement settlement, SettleReceipt? receipt)
    {
        while (true)
        {
            var open = _users.GetOrAdd(userId, _ => new OpenSettlements());
            lock (open)
            {
                if (open.Closed) continue;
                open.Entries.Add(new OpenSettlement(settlement, DateTime.UtcNow) { Receipt = receipt });
                if (open.Confirming) return;
                open.Confirming = true;
            }
            _ = Task.Run(() => ConfirmAsync(userId, open));
            return;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + DrainLimit;
        while (!_users.IsEmpty && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
            await Task.Delay(50, CancellationToken.None);
        if (!_users.IsEmpty)
            logger.LogError("Stopping with request records of {Users} user(s) not yet confirmed in MySQL", _users.Count);
    }

    private async Task ConfirmAsync(string userId, OpenSettlements open)
    {
        var user = grains.GetHotGrain<IUserGrain>(userId);
        while (true)
        {
            List<OpenSettlement> entries;
            lock (open)
            {
                DropExpired(userId, open);
                if (open.Entries.Count == 0)
                {
                    open.Closed = true;
                    _users.TryRemove(new KeyValuePair<string, OpenSettlements>(userId, open));
                    return;
                }
                entries = [.. open.Entries];
            }
            try
            {
                await ConfirmOnceAsync(user, open, entries);
            }
            catch (Exception ex)
            {
                logger.LogInformation("Confirming {Count} request records of user {UserId} failed, retrying: {Message}", entries.Count, userId, ex.Message);
                await Task.Delay(RetryDelay);
            }
        }
    }

    private async Task ConfirmOnceAsync(IUserGrain user, OpenSettlements open, List<OpenSettlement> entries)
    {
        foreach (var entry in entries.Where(e => e.Receipt is null))
            entry.Receipt = await user.SettleAsync(entry.Settlement);
        foreach (var taken in entries.GroupBy(e => e.Receipt!.Activation))
        {
            var recordedThrough = await user.WaitUntilRecordedAsync(new SettleReceipt(taken.Key, taken.Max(e => e.Receipt!.Sequence)));
            lock (open)
            {
                if (recordedThrough is not null)
                {
                    open.Entries.RemoveAll(e => e.Receipt is { } r && r.Activation == taken.Key && r.Sequence <= recordedThrough);
                    continue;
                }
                // That activation died with its unflushed records: settle them again.
                foreach (var entry in open.Entries.Where(e => e.Receipt?.Activation == taken.Key)) entry.Receipt = null;
            }
            logger.LogWarning("{Count} request record(s) of user {UserId} were lost with their grain activation; settling them again",
                taken.Count(), user.GetPrimaryKeyString());
        }
    }

    private void DropExpired(string userId, OpenSettlements open)
    {
        var cutoff = DateTime.UtcNow - GiveUpAfter;
        foreach (var entry in open.Entries.Where(e => e.Since < cutoff).ToList())
        {
            logger.LogError("Request {RequestId} of user {UserId} could not be recorded within {Limit}; giving up",
                entry.Settlement.RequestId, userId, GiveUpAfter);
            open.Entries.Remove(entry);
        }
    }

    private sealed class OpenSettlements
    {
        public List<OpenSettlement> Entries { get; } = [];
        public bool Confirming { get; set; }
        public bool Closed { get; set; }
    }

    private sealed class OpenSettlement(Settlement settlement, DateTime since)
    {
        public Settlement Settlement { get; } = settlement;
        public DateTime Since { get; } = since;
        public SettleReceipt? Receipt { get; set; }
    }
}
