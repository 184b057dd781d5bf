using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneAIHub.Tests.LiteLLMStandin.Fixtures;
using OneAIHub.Tests.LiteLLMStandin.Http;

namespace OneAIHub.Tests.LiteLLMStandin.State;

/// <summary>The router's deployments: loaded from the fixture, changed by <c>/model/*</c> and by test control.</summary>
internal sealed class ModelRegistry(ModelFixture fixture)
{
    private readonly Lock _gate = new();
    private readonly List<StandinModel> _models = [];
    private readonly Dictionary<string, string> _unhealthy = new(StringComparer.Ordinal);

    public void Reset()
    {
        lock (_gate)
        {
            _models.Clear();
            _unhealthy.Clear();
            foreach (var m in fixture.Models)
            {
                var litellmParams = (JsonObject)m.LitellmParams.DeepClone();
                _models.Add(new StandinModel
                {
                    ModelName = m.ModelName,
                    Id = ConfigDeploymentId(m.ModelName, litellmParams),
                    LitellmParams = litellmParams,
                    OwnModelInfo = (JsonObject?)m.ModelInfo?.DeepClone() ?? [],
                    CostMapKey = m.CostMapKey,
                    CostMapEntry = (JsonObject?)m.CostMapEntry?.DeepClone(),
                });
            }
        }
    }

    public IReadOnlyList<StandinModel> All()
    {
        lock (_gate)
        {
            return [.. _models];
        }
    }

    /// <summary>The deployment serving a model group (the first one; the stand-in does no load balancing).</summary>
    public StandinModel? FindGroup(string modelName)
    {
        lock (_gate)
        {
            return _models.FirstOrDefault(m => m.ModelName == modelName);
        }
    }

    public StandinModel? FindById(string id)
    {
        lock (_gate)
        {
            return _models.FirstOrDefault(m => m.Id == id);
        }
    }

    public StandinModel Add(StandinModelSpec spec)
    {
        var litellmParams = new JsonObject { ["model"] = spec.LitellmModel };
        if (spec.ApiBase is not null)
        {
            litellmParams["api_base"] = spec.ApiBase;
        }

        var cost = spec.CostMapEntry is not null
            ? ((string?)spec.LitellmModel, (JsonObject?)spec.CostMapEntry.DeepClone())
            : fixture.FindCostEntry(spec.LitellmModel, null) is { } found ? (found.Key, found.Entry) : (null, null);
        var model = new StandinModel
        {
            ModelName = spec.ModelName,
            Id = spec.Id ?? ConfigDeploymentId(spec.ModelName, litellmParams),
            LitellmParams = litellmParams,
            CostMapKey = cost.Item1,
            CostMapEntry = cost.Item2,
        };
        lock (_gate)
        {
            _models.Add(model);
        }

        return model;
    }

    /// <summary>Adds a DB deployment as <c>/model/new</c> does.</summary>
    public StandinModel AddDbModel(string modelName, JsonObject litellmParams, JsonObject ownModelInfo, string? id)
    {
        var cost = fixture.FindCostEntry(JsonRead.String(litellmParams["model"]) ?? modelName, JsonRead.String(ownModelInfo["base_model"]));
        var model = new StandinModel
        {
            ModelName = modelName,
            Id = id ?? Guid.NewGuid().ToString(),
            LitellmParams = litellmParams,
            OwnModelInfo = ownModelInfo,
            CostMapKey = cost?.Key,
            CostMapEntry = cost?.Entry,
            DbModel = true,
        };
        lock (_gate)
        {
            _models.Add(model);
        }

        return model;
    }

    /// <summary>Changes one deployment under the registry's lock.</summary>
    public void Edit(string id, Action<StandinModel> change)
    {
        lock (_gate)
        {
            if (_models.FirstOrDefault(m => m.Id == id) is { } model)
            {
                change(model);
                model.UpdatedAt = DateTimeOffset.UtcNow;
            }
        }
    }

    /// <summary>Merges <paramref name="changes"/> into the price-map entry of every deployment of a group (as if the map changed).</summary>
    public bool UpdateCostEntry(string modelName, JsonObject changes)
    {
        lock (_gate)
        {
            var matches = _models.Where(m => m.ModelName == modelName).ToList();
            foreach (var model in matches)
            {
                model.CostMapEntry ??= [];
                foreach (var (field, value) in changes)
                {
                    model.CostMapEntry[field] = value?.DeepClone();
                }

                model.UpdatedAt = DateTimeOffset.UtcNow;
            }

            return matches.Count > 0;
        }
    }

    public int RemoveGroup(string modelName)
    {
        lock (_gate)
        {
            return _models.RemoveAll(m => m.ModelName == modelName);
        }
    }

    public bool RemoveById(string id)
    {
        lock (_gate)
        {
            return _models.RemoveAll(m => m.Id == id) > 0;
        }
    }

    public void SetUnhealthy(string modelName, string? error)
    {
        lock (_gate)
        {
            if (error is null)
            {
                _unhealthy.Remove(modelName);
            }
            else
            {
                _unhealthy[modelName] = error;
            }
        }
    }

    public string? UnhealthyError(string modelName)
    {
        lock (_gate)
        {
            return _unhealthy.GetValueOrDefault(modelName);
        }
    }

    /// <summary>LiteLLM's <c>Router._generate_model_id</c>: SHA-256 of the group name followed by each litellm_params key and value.</summary>
    private static string ConfigDeploymentId(string modelName, JsonObject litellmParams)
    {
        var text = new StringBuilder(modelName);
        foreach (var (key, value) in litellmParams)
        {
            text.Append(key);
            text.Append(value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value?.ToJsonString());
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
