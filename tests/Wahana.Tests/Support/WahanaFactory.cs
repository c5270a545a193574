using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;

namespace Wahana.Tests.Support;

/// <summary>
/// The whole application in memory, in the Development environment (so it migrates and seeds the demo data on
/// start), on a database of its own: a fresh SQLite file, or a fresh, uniquely named PostgreSQL database on the
/// server named by <c>WAHANA_TEST_POSTGRES</c>. The database is removed when the factory is disposed.
/// Starting one is expensive (migrations, demo data, password hashes), so the test run shares one per provider
/// through the collection fixtures in <see cref="SqliteFixture"/> and <see cref="PostgresFixture"/>.
/// </summary>
public sealed class WahanaFactory : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly string? _sqliteFile;
    private readonly string? _postgresServer;
    private readonly string? _postgresDatabase;
    private readonly SemaphoreSlim _observerLock = new(1, 1);
    private string? _observerToken;
    private int _userSerial;

    public WahanaFactory(DatabaseProvider provider)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "wahana-tests");
            Directory.CreateDirectory(folder);
            _sqliteFile = Path.Combine(folder, $"wahana-{Guid.NewGuid():N}.db");
            _connectionString = new SqliteConnectionStringBuilder { DataSource = _sqliteFile }.ToString();
        }
        else
        {
            _postgresServer = PostgresServer.ConnectionString
                ?? throw new InvalidOperationException(PostgresServer.SkipReason);
            _postgresDatabase = $"wahana_test_{Guid.NewGuid():N}";
            CreatePostgresDatabase(_postgresServer, _postgresDatabase);
            _connectionString = new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _postgresDatabase }.ToString();
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>
    /// A bearer token of a Forum user the tests create themselves (sees every institution, no personal data),
    /// for tests of the API that are not about demo accounts.
    /// </summary>
    public async Task<string> ObserverTokenAsync()
    {
        await _observerLock.WaitAsync();
        try
        {
            return _observerToken ??= await this.GetTokenAsync(await CreateUserAsync(WahanaRole.Forum, prefix: "pengamat"), TestUsers.Password);
        }
        finally
        {
            _observerLock.Release();
        }
    }

    /// <summary>The PostgreSQL database this factory created, or null for SQLite.</summary>
    public string? PostgresDatabase => _postgresDatabase;

    /// <summary>The SQLite file this factory created, or null for PostgreSQL.</summary>
    public string? SqliteFile => _sqliteFile;

    /// <summary>Where this application keeps uploaded documents (a temporary folder of its own).</summary>
    public string DocumentsPath { get; } = Path.Combine(Path.GetTempPath(), "wahana-tests", $"documents-{Guid.NewGuid():N}");

    /// <summary>The application's own clock.</summary>
    public TimeProvider Clock => Services.GetRequiredService<TimeProvider>();

    /// <summary>Today in Yogyakarta by the application's clock: the date the demo data was generated for.</summary>
    public DateOnly Today => Wib.Today(Clock);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Wahana:Database:Provider", Provider == DatabaseProvider.Postgres ? "Postgres" : "Sqlite");
        builder.UseSetting("ConnectionStrings:Wahana", _connectionString);
        builder.UseSetting("Wahana:Storage:DocumentsPath", DocumentsPath);
        // EF Core logs its probe of a fresh database's migration history as a failed command; that is noise here.
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Critical");
        // The PDF renderer calls the application's pages; this server lives in memory, not on loopback.
        builder.ConfigureTestServices(services =>
            services.AddSingleton<Wahana.Web.Infrastructure.Pdf.PrintPageTransport, InMemoryPrintPageTransport>());
    }

    /// <summary>Starts the application (migrations and demo data) if it has not started yet.</summary>
    public void EnsureStarted() => _ = Server;

    /// <summary>A client that keeps cookies but does not follow redirects, so tests see each 302 and its Location.</summary>
    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A DbContext outside any HTTP request: it sees every row (the application's own scope).</summary>
    public async Task<T> WithDbAsync<T>(Func<WahanaDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WahanaDbContext>();
        var result = await query(db);
        // Tests set up and clean up with bulk deletes and updates, which the application itself never makes on
        // services or people: the kept semester figures cannot see those, so they go.
        db.FiguresCache.ForgetAll();
        return result;
    }

    /// <summary>Runs something with the application's UserManager (outside any HTTP request).</summary>
    public async Task<T> WithUsersAsync<T>(Func<UserManager<WahanaUser>, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WahanaUser>>();
        return await action(users);
    }

    /// <summary>
    /// Creates a user of its own for a test (so tests that lock or disable an account touch no account another
    /// test uses) and returns its user name; the password is <see cref="TestUsers.Password"/>.
    /// </summary>
    public async Task<string> CreateUserAsync(WahanaRole role, string? regencyCode = null, Guid? institutionId = null, string prefix = "uji")
    {
        var serial = Interlocked.Increment(ref _userSerial);
        var userName = string.Create(CultureInfo.InvariantCulture, $"{prefix}.{serial:000}.{Guid.NewGuid().ToString("N")[..8]}");
        await WithUsersAsync(async users =>
        {
            var user = new WahanaUser
            {
                UserName = userName,
                FullName = "Pengguna Uji " + serial.ToString(CultureInfo.InvariantCulture),
                Role = role,
                ScopeRegencyCode = regencyCode,
                ScopeInstitutionId = institutionId,
            };
            var result = await users.CreateAsync(user, TestUsers.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Could not create a test user: "
                    + string.Join("; ", result.Errors.Select(e => e.Description)));
            }
            return user.Id;
        });
        return userName;
    }

    /// <summary>
    /// Removes a WKSBM a test created, with its board, volunteers and documents, so the shared demo province
    /// keeps its 81 WKSBM for the other tests.
    /// </summary>
    public Task RemoveInstitutionAsync(Guid id) => WithDbAsync(async db =>
    {
        await db.InstitutionDocuments.Where(d => d.InstitutionId == id).ExecuteDeleteAsync();
        await db.Volunteers.Where(v => v.InstitutionId == id).ExecuteDeleteAsync();
        await db.Assessments.Where(a => a.InstitutionId == id).ExecuteDeleteAsync();
        await db.BoardMembers.Where(m => m.InstitutionId == id).ExecuteDeleteAsync();
        return await db.Institutions.Where(i => i.Id == id).ExecuteDeleteAsync();
    });

    /// <summary>
    /// Removes beneficiaries a test created, with everything that points at them (services, status history,
    /// duplicate pairs, shared-service requests, records merged into them), so other tests see the demo as it was.
    /// </summary>
    public Task RemoveBeneficiariesAsync(params Guid[] ids) => WithDbAsync(async db =>
    {
        var all = await db.Beneficiaries.IgnoreQueryFilters()
            .Where(b => ids.Contains(b.Id) || (b.MergedIntoId != null && ids.Contains(b.MergedIntoId.Value)))
            .Select(b => b.Id).ToListAsync();
        await db.Services.IgnoreQueryFilters().Where(s => all.Contains(s.BeneficiaryId)).ExecuteDeleteAsync();
        await db.DuplicatePairs.IgnoreQueryFilters().Where(p => all.Contains(p.FirstId) || all.Contains(p.SecondId)).ExecuteDeleteAsync();
        await db.ServiceShareRequests.IgnoreQueryFilters().Where(r => all.Contains(r.BeneficiaryId)).ExecuteDeleteAsync();
        await db.BeneficiaryStatusChanges.IgnoreQueryFilters().Where(c => all.Contains(c.BeneficiaryId)).ExecuteDeleteAsync();
        await db.BeneficiaryCategories.IgnoreQueryFilters().Where(c => all.Contains(c.BeneficiaryId)).ExecuteDeleteAsync();
        await db.Beneficiaries.IgnoreQueryFilters().Where(b => all.Contains(b.Id)).ExecuteUpdateAsync(b => b.SetProperty(x => x.MergedIntoId, (Guid?)null));
        return await db.Beneficiaries.IgnoreQueryFilters().Where(b => all.Contains(b.Id)).ExecuteDeleteAsync();
    });

    /// <summary>Disables a user the way the application does: the flag, then a new security stamp.</summary>
    public Task DisableUserAsync(string userName) => WithUsersAsync(async users =>
    {
        var user = await users.FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"No user {userName}.");
        user.IsDisabled = true;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        return true;
    });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _observerLock.Dispose();
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm", _sqliteFile + "-journal" })
            {
                File.Delete(file);
            }
        }
        if (Directory.Exists(DocumentsPath))
        {
            Directory.Delete(DocumentsPath, recursive: true);
        }
        if (_postgresServer is not null && _postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        GC.SuppressFinalize(this);
    }

    private static void CreatePostgresDatabase(string server, string database)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        create.ExecuteNonQuery();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
