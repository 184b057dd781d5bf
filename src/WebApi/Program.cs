using OneAIHub.Grains.Interfaces.Catalog;
using OneAIHub.WebApi.Admin;
using OneAIHub.WebApi.Auth;
using OneAIHub.WebApi.Budgets;
using OneAIHub.WebApi.Catalog;
using OneAIHub.WebApi.Hosting;
using OneAIHub.WebApi.Keys;
using OneAIHub.WebApi.Profile;
using OneAIHub.WebApi.Health;
using OneAIHub.WebApi.Proxy;
using OneAIHub.WebApi.Requests;

var builder = WebApplication.CreateBuilder(args);
builder.AddHubDefaults();
builder.AddHubObservability();
builder.AddHubOrleansClient();
builder.AddHubAuth();
builder.Services.AddSingleton<CatalogCache>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<CatalogCache>());
builder.Services.AddHubProxy();
builder.Services.AddSpaCompression();

var app = builder.Build();
app.UseHubErrors();
app.UseRequestLogScope();
app.UseSpaFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapHubDocs();
app.MapHubHealth();
app.MapHubMetrics();
app.MapHubDashboard();
app.MapAuthApi();
app.MapProfileApi();
app.MapKeysApi();
app.MapBudgetsApi();
app.MapRequestsApi();
app.MapAdminUsersApi();
app.MapAdminBudgetsApi();
app.MapCatalogApi();
app.MapSyncApi();
app.MapAdminModelsApi();
app.MapAdminTiersApi();
app.MapAdminRateLimitsApi();
app.MapAdminUsageApi();
app.MapAdminAuditApi();
app.MapProxyApi();
app.MapSpaFallback();

app.Run();

public partial class Program;
