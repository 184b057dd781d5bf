namespace OneAIHub.Tests.Infrastructure;

/// <summary>Tests that share one running hub (they use unique emails, so they do not collide).</summary>
[CollectionDefinition(Name)]
public sealed class HubCollection : ICollectionFixture<HubFixture>
{
    public const string Name = "hub";
}
