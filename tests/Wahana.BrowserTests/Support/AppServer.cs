using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Wahana.BrowserTests.Support;

/// <summary>
/// The whole application on a real Kestrel port of 127.0.0.1 (chosen by the system), in the Development
/// environment (demo data), on a fresh SQLite file that is deleted afterwards.
/// </summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    private readonly string _databaseFile;

    public AppServer()
    {
        var folder = Path.Combine(Path.GetTempPath(), "wahana-tests");
        Directory.CreateDirectory(folder);
        _databaseFile = Path.Combine(folder, $"wahana-browser-{Guid.NewGuid():N}.db");
        UseKestrel(0);
    }

    /// <summary>The address the server listens on, e.g. http://127.0.0.1:41234.</summary>
    public Uri Address { get; private set; } = null!;

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        Address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Wahana:Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Wahana", new SqliteConnectionStringBuilder { DataSource = _databaseFile }.ToString());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm" })
        {
            File.Delete(file);
        }
        GC.SuppressFinalize(this);
    }
}
