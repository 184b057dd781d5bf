using System.Text.Json;
using Microsoft.Extensions.Logging;
using OneAIHub.Grains.Interfaces.Keys;

namespace OneAIHub.Grains.Users;

public sealed partial class UserGrain
{
    /// <summary>The user's keys by id; the proxy looks a key up by hash through <see cref="FindKeyByHash"/>.</summary>
    private readonly Dictionary<string, ApiKeyRow> _keys = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<ApiKeyInfo>> ListKeysAsync() =>
        Task.FromResult<IReadOnlyList<ApiKeyInfo>>(_keys.Values.OrderByDescending(k => k.created_at).Select(ToInfo).ToList());

    public async Task<CreatedApiKey?> CreateKeyAsync(NewApiKey key)
    {
        if (_user is null) return null;
        var plaintext = ApiKeyFormat.Generate();
        var keyId = Guid.NewGuid().ToString();
        var upstream = await upstreamKeys.IssueAsync(UserId, keyId, key.ExpiresAt, key.Models);
        var row = new ApiKeyRow
        {
            id = keyId,
            key_hash = ApiKeyFormat.Hash(plaintext),
            key_prefix = ApiKeyFormat.VisiblePrefix(plaintext),
            external_id = upstream?.Id,
            external_key = upstream?.Secret,
            name = key.Name,
            models = key.Models is null ? null : JsonSerializer.Serialize(key.Models),
            created_at = Now(),
            expires_at = key.ExpiresAt,
        };
        try
        {
            await repository.InsertKeyAsync(UserId, row);
        }
        catch
        {
            if (upstream is not null) await DeleteUpstreamKeyAsync(upstream.Id);
            throw;
        }
        _keys[keyId] = row;
        return new CreatedApiKey(plaintext, ToInfo(row));
    }

    public async Task<ApiKeyInfo?> RenameKeyAsync(string keyId, string name)
    {
        if (!_keys.TryGetValue(keyId, out var row)) return null;
        await repository.RenameKeyAsync(keyId, name);
        _keys[keyId] = row = row with { name = name };
        return ToInfo(row);
    }

    /// <summary>Revocation is effective for the next admission on every instance: admission asks this grain.</summary>
    public async Task<bool> RevokeKeyAsync(string keyId)
    {
        if (!_keys.TryGetValue(keyId, out var row) || row.revoked_at is not null) return false;
        var now = Now();
        await repository.RevokeKeyAsync(keyId, now);
        _keys[keyId] = row with { revoked_at = now };
        if (row.external_id is not null) await DeleteUpstreamKeyAsync(row.external_id);
        return true;
    }

    private ApiKeyRow? FindKeyByHash(string hash)
    {
        foreach (var key in _keys.Values)
            if (string.Equals(key.key_hash, hash, StringComparison.Ordinal)) return key;
        return null;
    }

    private async Task DeleteUpstreamKeyAsync(string externalId)
    {
        try
        {
            await upstreamKeys.DeleteAsync(externalId);
        }
        catch (Exception ex)
        {
            // The hub key is already unusable (the proxy checks it here first); LiteLLM's copy is cleanup.
            logger.LogWarning(ex, "Could not delete LiteLLM key {KeyId} of user {UserId}", externalId, UserId);
        }
    }

    private static ApiKeyInfo ToInfo(ApiKeyRow row) => new(row.id, row.name, row.key_prefix, Utc(row.created_at),
        Utc(row.expires_at), Utc(row.revoked_at), Utc(row.last_used_at),
        row.models is null ? null : JsonSerializer.Deserialize<List<string>>(row.models));
}
