using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneAIHub.Grains.LiteLLM;
using Xunit;

namespace OneAIHub.Tests.LiteLLM;

public sealed class LiteLLMErrorTests
{
    [Fact]
    public async Task ListModelsAsync_WrongMasterKey_ThrowsLiteLLMAuthMessage()
    {
        await using var harness = await LiteLLMHarness.StartAsync(clientMasterKey: "sk-not-the-master");

        var error = await Assert.ThrowsAsync<LiteLLMException>(() => harness.Client.ListModelsAsync());

        Assert.Equal(LiteLLMErrorKind.ErrorResponse, error.Kind);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.True(error.IsAuthError);
        Assert.StartsWith("Authentication Error, Invalid proxy server token passed. Received API Key = sk-...ster", error.Message, StringComparison.Ordinal);
        Assert.Equal("token_not_found_in_db", error.ErrorType);
        Assert.Equal("key", error.Param);
        Assert.Equal("401", error.ErrorCode);
        Assert.Equal("v1/models", error.Path);
        Assert.Single(harness.Standin.RequestsTo("/v1/models"));
    }

    [Fact]
    public async Task GenerateKeyAsync_Server500_ThrowsErrorResponseWithMessage()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        harness.Standin.FailNext(500, path: "/key/generate", message: "Internal Server Error, DB is down");

        var error = await Assert.ThrowsAsync<LiteLLMException>(() => harness.Client.GenerateKeyAsync(new LiteLLMGenerateKeyRequest()));

        Assert.Equal(LiteLLMErrorKind.ErrorResponse, error.Kind);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("Internal Server Error, DB is down", error.Message);
        Assert.Null(error.ErrorType);
    }

    [Fact]
    public async Task ListModelsAsync_503ThenOk_IsRetriedAndSucceeds()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        harness.Standin.FailNext(503, count: 1, path: "/v1/models");

        var models = await harness.Client.ListModelsAsync();

        Assert.Equal(15, models.Count);
        Assert.Equal(2, harness.Standin.RequestsTo("/v1/models").Count);
    }

    [Fact]
    public async Task GenerateKeyAsync_503_IsNotRetried()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        harness.Standin.FailNext(503, count: 1, path: "/key/generate");

        var error = await Assert.ThrowsAsync<LiteLLMException>(() => harness.Client.GenerateKeyAsync(new LiteLLMGenerateKeyRequest { KeyAlias = "once" }));
        var keys = await harness.Client.ListKeysAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(harness.Standin.RequestsTo("/key/generate"));
        Assert.Equal(0, keys.TotalCount);
    }

    [Fact]
    public async Task GetModelInfoAsync_ServerHangs_ThrowsTimeout()
    {
        await using var harness = await LiteLLMHarness.StartAsync(timeout: TimeSpan.FromMilliseconds(400));
        harness.Standin.Hang(path: "/model/info");
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<LiteLLMException>(() => harness.Client.GetModelInfoAsync());

        Assert.Equal(LiteLLMErrorKind.Timeout, error.Kind);
        Assert.Null(error.StatusCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(350), TimeSpan.FromSeconds(5));
        Assert.Contains("model/info", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListModelsAsync_CallerCancels_ThrowsOperationCanceled()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        harness.Standin.Hang(path: "/v1/models");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Client.ListModelsAsync(cancel.Token));
    }

    [Fact]
    public async Task ListModelsAsync_NotConfigured_ThrowsNotConfigured()
    {
        await using var provider = LiteLLMHarness.CreateProvider(baseUrl: null, masterKey: null);
        var client = provider.GetRequiredService<ILiteLLMClient>();

        var error = await Assert.ThrowsAsync<LiteLLMException>(() => client.ListModelsAsync());

        Assert.False(client.IsConfigured);
        Assert.Equal(LiteLLMErrorKind.NotConfigured, error.Kind);
        Assert.Equal("LiteLLM is not configured: set LiteLLM:BaseUrl.", error.Message);
    }

    [Fact]
    public async Task GenerateKeyAsync_NothingListening_ThrowsUnavailable()
    {
        await using var provider = LiteLLMHarness.CreateProvider($"http://127.0.0.1:{FreePort()}", "sk-x");
        var client = provider.GetRequiredService<ILiteLLMClient>();

        var error = await Assert.ThrowsAsync<LiteLLMException>(() => client.GenerateKeyAsync(new LiteLLMGenerateKeyRequest()));

        Assert.Equal(LiteLLMErrorKind.Unavailable, error.Kind);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task GenerateKeyAsync_RepeatedServerErrors_OpenCircuitFailsFast()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        harness.Standin.FailAlways(500, path: "/key/generate");
        for (var i = 0; i < 10; i++)
        {
            await Assert.ThrowsAsync<LiteLLMException>(() => harness.Client.GenerateKeyAsync(new LiteLLMGenerateKeyRequest()));
        }

        var error = await Assert.ThrowsAsync<LiteLLMException>(() => harness.Client.GenerateKeyAsync(new LiteLLMGenerateKeyRequest()));

        Assert.Equal(LiteLLMErrorKind.Unavailable, error.Kind);
        Assert.Contains("circuit", error.Message, StringComparison.Ordinal);
        Assert.Equal(10, harness.Standin.RequestsTo("/key/generate").Count);
    }

    [Fact]
    public async Task ListModelsAsync_BaseUrlIsAnotherWebServer_ThrowsInvalidResponse()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var other = builder.Build();
        other.MapGet("/v1/models", () => Results.Content("<html>login page</html>", "text/html"));
        await other.StartAsync();
        await using var provider = LiteLLMHarness.CreateProvider(other.Urls.First(), "sk-x");

        var error = await Assert.ThrowsAsync<LiteLLMException>(() => provider.GetRequiredService<ILiteLLMClient>().ListModelsAsync());

        Assert.Equal(LiteLLMErrorKind.InvalidResponse, error.Kind);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("<html>login page</html>", error.ResponseBody);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
