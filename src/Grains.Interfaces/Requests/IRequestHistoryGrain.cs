namespace OneAIHub.Grains.Interfaces.Requests;

/// <summary>Reads a user's request history (stateless worker); the caller decides whose, from the token.</summary>
public interface IRequestHistoryGrain : IGrainWithIntegerKey
{
    Task<RequestPage> QueryAsync(string userId, RequestQuery query);
}
