using OneAIHub.WebApi.Hosting;

var builder = WebApplication.CreateBuilder(args);
// The client first: hosted services start in order, and the web tier's (catalog cache, first
// admin) call grains as they start.
builder.AddHubOrleansClient();
builder.AddHubWebApi();

var app = builder.Build();
app.UseHubWebApi();
app.Run();

public partial class Program;
