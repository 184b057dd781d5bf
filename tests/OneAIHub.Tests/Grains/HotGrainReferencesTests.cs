using OneAIHub.Grains.Interfaces;
using OneAIHub.Grains.Interfaces.Limits;
using OneAIHub.Grains.Interfaces.Users;
using OneAIHub.Tests.Infrastructure;

namespace OneAIHub.Tests.Grains;

/// <summary>The proxy's cached grain references address the same grains as Orleans' own GetGrain.</summary>
[Collection(HubCollection.Name)]
public sealed class HotGrainReferencesTests(HubFixture hub)
{
    [Fact]
    public void GetHotGrain_SameKey_SameGrainIdAndInterfaceAsGetGrain()
    {
        var grains = hub.Cluster.Client;
        foreach (var key in new[] { Guid.NewGuid().ToString(), "user/model-with-slash" })
        {
            var expected = (GrainReference)(object)grains.GetGrain<ILimitWindowGrain>(key);
            var hot = (GrainReference)(object)grains.GetHotGrain<ILimitWindowGrain>(key);
            Assert.Equal(expected.GrainId, hot.GrainId);
            Assert.Equal(expected.InterfaceType, hot.InterfaceType);
        }
        Assert.Equal(((GrainReference)(object)grains.GetGrain<IUserGrain>("u-1")).GrainId,
            ((GrainReference)(object)grains.GetHotGrain<IUserGrain>("u-1")).GrainId);
    }

    [Fact]
    public async Task GetHotGrain_CallsReachTheGrainGetGrainReaches()
    {
        var key = GrainKeys.LimitWindow(Guid.NewGuid().ToString(), "model");
        var limits = new WindowLimits(5, 100, 0, 0);

        var first = await hub.Cluster.Client.GetHotGrain<ILimitWindowGrain>(key).TryAdmitAsync(limits, 1);
        var second = await hub.Cluster.Client.GetGrain<ILimitWindowGrain>(key).TryAdmitAsync(limits, 1);

        if (first.MinuteWindowStart != second.MinuteWindowStart) return; // straddled a minute boundary
        Assert.Equal(4, first.RequestsRemaining);
        Assert.Equal(3, second.RequestsRemaining);
    }
}
