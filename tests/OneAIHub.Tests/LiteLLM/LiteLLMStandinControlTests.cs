using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using OneAIHub.Grains.LiteLLM;
using OneAIHub.Tests.LiteLLMStandin;
using Xunit;

namespace OneAIHub.Tests.LiteLLM;

/// <summary>The stand-in's test control (not LiteLLM): over HTTP under <c>/__standin</c> and as server methods.</summary>
public sealed class LiteLLMStandinControlTests
{
    [Fact]
    public async Task ControlApi_FaultPostedOverHttp_FailsOnlyTheNextMatchingCall()
    {
        await using var standin = await LiteLLMStandinServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(standin.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", standin.MasterKey);

        using var armed = await http.PostAsJsonAsync("/__standin/faults", new { kind = "fail", path = "/models", count = 1, status_code = 502 });
        using var failed = await http.GetAsync("/v1/models");
        using var healthy = await http.GetAsync("/models");
        var journal = (await http.GetFromJsonAsync<JsonArray>("/__standin/requests"))!;

        Assert.Equal(HttpStatusCode.NoContent, armed.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal("502", JsonNode.Parse(await failed.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal(["/v1/models", "/models"], journal.Select(r => r!["path"]!.GetValue<string>()));
        Assert.Equal("Bearer " + standin.MasterKey, journal[0]!["headers"]!["Authorization"]!.GetValue<string>());
    }

    [Fact]
    public async Task ControlApi_ModelsAddedAndRemovedOverHttp_ChangeTheList()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(harness.Standin.BaseUrl) };

        using var added = await http.PostAsJsonAsync("/__standin/models", new { model_name = "opus-eu", litellm_model = "anthropic/claude-3-opus-20240229" });
        using var removed = await http.DeleteAsync("/__standin/models/gpt-3.5-turbo");
        var names = (await harness.Client.ListModelsAsync()).Select(m => m.Id).ToList();

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Contains("opus-eu", names);
        Assert.DoesNotContain("gpt-3.5-turbo", names);
    }

    [Fact]
    public async Task SetDelay_PerRequest_SlowsEveryCall()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        harness.Standin.SetDelay(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await harness.Client.GetLivelinessAsync();

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(280), clock.Elapsed.ToString());
    }

    [Fact]
    public async Task StreamErrorFault_AfterOneChunk_WritesErrorEventWithoutDone()
    {
        await using var standin = await LiteLLMStandinServer.StartAsync();
        standin.AddFault(new StandinFault(StandinFaultKind.StreamError, "/chat/completions", StatusCode: 500, AfterChunks: 1, Message: "upstream died"));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, standin.BaseUrl + "/chat/completions")
        {
            Content = new StringContent("""{"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", standin.MasterKey);

        using var response = await http.SendAsync(request);
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, events.Length);
        var error = JsonNode.Parse(events[1]["data: ".Length..])!["error"]!;
        Assert.Equal("upstream died", error["message"]!.GetValue<string>());
        Assert.Equal("500", error["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reset_AfterTraffic_ForgetsKeysSpendAndJournal()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        var key = await harness.Client.GenerateKeyAsync(new LiteLLMGenerateKeyRequest());
        await harness.Client.CreateChatCompletionAsync(new LiteLLMChatCompletionRequest { Model = "gpt-4o", Messages = [new("user", "hi")] }, key.Key);
        harness.Standin.RemoveModel("gpt-4o");
        Assert.True(harness.Standin.KeySpend(key.Key) > 0);

        harness.Standin.Reset();

        Assert.Null(harness.Standin.KeySpend(key.Key));
        Assert.Empty(harness.Standin.ReceivedRequests);
        Assert.Empty(await harness.Client.GetSpendLogsAsync());
        Assert.Contains(await harness.Client.ListModelsAsync(), m => m.Id == "gpt-4o");
    }
}
