using OneAIHub.WebApi.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddHubWebApi();
builder.AddHubOrleansClient();

var app = builder.Build();
app.UseHubWebApi();
app.Run();

public partial class Program;
