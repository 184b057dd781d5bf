using OneAIHub.Grains.Interfaces.Keys;
using OneAIHub.Grains.Interfaces.Proxy;
using OneAIHub.Grains.Interfaces.Users;
using OneAIHub.Tests.Infrastructure;

namespace OneAIHub.Tests.Proxy;

/// <summary>
/// Admissions of one user interleave while the limit window answers; the balance reservation is held
/// before that wait, so concurrent admissions can never promise more than the balance covers.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class ConcurrentAdmissionTests(HubFixture hub)
{
    [Fact]
    public async Task Admit_ThirtyConcurrentOnABalanceForTen_AdmitsExactlyTen()
    {
        // 1,000 output tokens at 100 USD per million reserve 0.1 USD; the balance covers ten.
        var model = await TestCatalog.AddModelAsync(hub, 0m, 100m, new TierLimits(TestCatalog.StarterTier, 1000, 10000, 10000000, 100000000));
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.StarterTier, 1m);
        var grain = hub.Cluster.Client.GetGrain<IUserGrain>(user.Id);
        var keyHash = ApiKeyFormat.Hash(user.ApiKey);

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            grain.AdmitAsync(new AdmitRequest($"req_{Guid.NewGuid():N}", keyHash, model, 0, 1000, "chat/completions"))));

        Assert.Equal(10, results.Count(r => r.Admitted));
        Assert.All(results.Where(r => !r.Admitted), r => Assert.Equal(AdmitOutcome.InsufficientBalance, r.Outcome));
    }
}
