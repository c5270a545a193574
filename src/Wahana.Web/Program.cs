using Wahana.Web.Data;
using Wahana.Web.Features.Api;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;
using Wahana.Web.Infrastructure.Startup;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddWahanaData(builder.Configuration, builder.Environment);
builder.Services.AddWahanaAuth();
builder.Services.AddWahanaWeb(builder.Configuration);
builder.Services.AddWahanaApi();

var app = builder.Build();

if (await StartupTasks.RunCommandAsync(app, args) is { } exitCode)
{
    return exitCode;
}

await StartupTasks.PrepareDatabaseAsync(app, seedDemo: true);
app.UseWahanaWeb();
app.MapWahanaApi();
StartupTasks.PrintBanner(app);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
