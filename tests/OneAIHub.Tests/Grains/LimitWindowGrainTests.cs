using OneAIHub.Grains.Interfaces;
using OneAIHub.Grains.Interfaces.Limits;
using OneAIHub.Tests.Infrastructure;
using Orleans.Core.Internal;

namespace OneAIHub.Tests.Grains;

/// <summary>The limit window grain on a two-silo TestingHost cluster with MariaDB grain storage.</summary>
[Collection(HubCollection.Name)]
public sealed class LimitWindowGrainTests(HubFixture hub)
{
    private static readonly WindowLimits SixtyPerMinute = new(60, 1000, 0, 0);

    private ILimitWindowGrain NewWindow() =>
        hub.Cluster.Client.GetGrain<ILimitWindowGrain>(GrainKeys.LimitWindow(Guid.NewGuid().ToString(), "model"));

    [Fact]
    public async Task TryAdmit_TwoHundredConcurrentCalls_AdmitsExactlyTheLimit()
    {
        var window = NewWindow();

        var decisions = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => window.TryAdmitAsync(SixtyPerMinute, 10)));

        if (decisions.Select(d => d.MinuteWindowStart).Distinct().Count() > 1) return; // straddled a minute boundary
        Assert.Equal(60, decisions.Count(d => d.Admitted));
        Assert.All(decisions.Where(d => !d.Admitted), d => Assert.Equal(WindowMeasure.RequestsPerMinute, d.RejectedBy));
        Assert.Equal(0, decisions.Min(d => d.RequestsRemaining));
    }

    [Fact]
    public async Task TryAdmit_AfterDeactivationAndMigration_KeepsCounting()
    {
        var window = NewWindow();
        var first = await window.TryAdmitAsync(SixtyPerMinute, 100);
        for (var i = 0; i < 9; i++) await window.TryAdmitAsync(SixtyPerMinute, 100);

        await window.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Task.Delay(300);
        var afterDeactivation = await window.GetUsageAsync();
        var targets = hub.Cluster.GetActiveSilos().ToList();
        try
        {
            // MigrateAsync waits for the move; when the grain already lives on that silo there is none to wait for.
            await hub.Cluster.MigrateAsync(window, targets[1].SiloAddress).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
        }
        var afterMigration = await window.TryAdmitAsync(SixtyPerMinute, 100);

        if (afterMigration.MinuteWindowStart != first.MinuteWindowStart) return; // the minute rolled over meanwhile
        Assert.Equal(10, afterDeactivation.RequestsThisMinute);
        Assert.Equal(1000, afterDeactivation.TokensThisMinute);
        Assert.Equal(60 - 11, afterMigration.RequestsRemaining);
    }

    [Fact]
    public async Task SettleAndRelease_CorrectTheTokenCount()
    {
        var window = NewWindow();
        var limits = new WindowLimits(0, 0, 1000, 0);

        var admitted = await window.TryAdmitAsync(limits, 800);
        var refused = await window.TryAdmitAsync(limits, 300);
        await window.SettleAsync(800, 150, admitted.MinuteWindowStart, admitted.DayWindowStart);
        // Settlement is one-way: wait until the grain has applied it.
        for (var i = 0; i < 50 && (await window.GetUsageAsync()).TokensThisMinute != 150; i++) await Task.Delay(20);
        var afterSettle = await window.TryAdmitAsync(limits, 300);
        await window.ReleaseAsync(300, afterSettle.MinuteWindowStart, afterSettle.DayWindowStart);
        // Release is one-way too.
        for (var i = 0; i < 50 && (await window.GetUsageAsync()).TokensThisMinute != 150; i++) await Task.Delay(20);
        var usage = await window.GetUsageAsync();

        if (usage.MinuteResetAt != admitted.TokensResetAt) return;
        Assert.True(admitted.Admitted);
        Assert.False(refused.Admitted);
        Assert.Equal(WindowMeasure.TokensPerMinute, refused.RejectedBy);
        Assert.True(afterSettle.Admitted);
        Assert.Equal(150, usage.TokensThisMinute);
        Assert.Equal(1, usage.RequestsThisMinute);
    }
}
