using OneAIHub.Grains.Interfaces.Catalog;
using OneAIHub.WebApi.Auth;
using OneAIHub.WebApi.Catalog;
using OneAIHub.WebApi.Hosting;
using OneAIHub.WebApi.Keys;
using OneAIHub.WebApi.Profile;
using OneAIHub.WebApi.Health;
using OneAIHub.WebApi.Proxy;

var builder = WebApplication.CreateBuilder(args);
builder.AddHubDefaults();
builder.AddHubOrleansClient();
builder.AddHubAuth();
builder.Services.AddSingleton<CatalogCache>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<CatalogCache>());
builder.Services.AddHubProxy();
builder.Services.AddSpaCompression();

var app = builder.Build();
app.UseHubErrors();
app.UseSpaFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapHubDocs();
app.MapHubHealth();
app.MapAuthApi();
app.MapProfileApi();
app.MapKeysApi();
app.MapCatalogApi();
app.MapProxyApi();
app.MapSpaFallback();

app.Run();

public partial class Program;
