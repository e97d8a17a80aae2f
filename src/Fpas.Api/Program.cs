using Fpas.Api;
using Fpas.Api.Lifecycle;
using Fpas.Api.Security;
using Fpas.Api.Telemetry;
using Fpas.Application;
using Fpas.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddApplication();
builder.Services.AddInfrastructure();
builder.AddWebApi();
builder.AddTelemetry();
builder.AddApiSecurity();
builder.AddGracefulShutdown();

var app = builder.Build();

app.UseWebApi();
app.MapWebApi();

return await app.RunOrExplainAsync();

/// <summary>The entry point; public so that tests can host the app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
