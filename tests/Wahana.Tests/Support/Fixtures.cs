namespace Wahana.Tests.Support;

/// <summary>
/// One running application per database provider for the whole test run. Every test class that needs the
/// application joins one of the two collections; the tests of a collection run one after another, the two
/// collections (and the unit tests) side by side.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public abstract class FactoryFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private WahanaFactory? _factory;

    public DatabaseProvider Provider { get; } = provider;

    public WahanaFactory Factory => _factory
        ?? throw new InvalidOperationException($"The {Provider} application is not available: {PostgresServer.SkipReason}");

    public virtual Task InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres && !PostgresServer.IsAvailable)
        {
            // Every test of the collection is skipped (see ProviderFactAttribute); nothing to start.
            return Task.CompletedTask;
        }
        _factory = new WahanaFactory(Provider);
        // Start now: migrations and demo data run once, before the first test, not inside its time.
        _factory.EnsureStarted();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}

public sealed class SqliteFixture() : FactoryFixture(DatabaseProvider.Sqlite);

public sealed class PostgresFixture() : FactoryFixture(DatabaseProvider.Postgres);

[CollectionDefinition(Name)]
public sealed class OnSqlite : ICollectionFixture<SqliteFixture>
{
    public const string Name = "sqlite";
}

/// <summary>Test classes in this collection are skipped when WAHANA_TEST_POSTGRES is not set.</summary>
[CollectionDefinition(Name)]
public sealed class OnPostgres : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
