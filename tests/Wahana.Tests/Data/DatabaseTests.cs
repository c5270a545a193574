using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Data;

/// <summary>Each factory runs on the provider it was made for, in a database of its own, migrated and filled with reference data.</summary>
public abstract class DatabaseTests(WahanaFactory factory)
{
    [ProviderFact]
    public async Task The_database_is_migrated_and_holds_the_reference_data()
    {
        var (applied, pending, regions, categories, provider) = await factory.WithDbAsync(async db => (
            (await db.Database.GetAppliedMigrationsAsync()).ToList(),
            (await db.Database.GetPendingMigrationsAsync()).ToList(),
            await db.Regions.CountAsync(),
            await db.Categories.OrderBy(c => c.Id).Select(c => c.Slug).ToListAsync(),
            db.Database.ProviderName));
        Assert.NotEmpty(applied);
        Assert.Empty(pending);
        Assert.Equal(RegionCatalog.Instance.AllDiy.Count(), regions);
        Assert.Equal(PpksCategory.All.Select(c => c.Slug), categories);
        Assert.Contains(factory.Provider == DatabaseProvider.Postgres ? "Npgsql" : "Sqlite", provider, StringComparison.Ordinal);
    }
}

[Collection(OnSqlite.Name)]
public sealed class DatabaseTestsOnSqlite(SqliteFixture app) : DatabaseTests(app.Factory)
{
    [Fact]
    public async Task The_SQLite_database_is_a_temporary_file_of_this_factory()
    {
        var connection = await app.Factory.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()));
        Assert.NotNull(app.Factory.SqliteFile);
        Assert.Contains(app.Factory.SqliteFile, connection, StringComparison.Ordinal);
        Assert.True(File.Exists(app.Factory.SqliteFile));
    }
}

[Collection(OnPostgres.Name)]
public sealed class DatabaseTestsOnPostgres(PostgresFixture app) : DatabaseTests(app.Factory)
{
    [PostgresFact]
    public async Task The_application_works_in_the_database_the_factory_created()
    {
        var name = await app.Factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT current_database() AS \"Value\"").SingleAsync());
        Assert.Equal(app.Factory.PostgresDatabase, name);
        Assert.StartsWith("wahana_test_", name, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_factory_creates_a_fresh_database_and_drops_it_when_disposed()
    {
        var factory = new WahanaFactory(DatabaseProvider.Postgres);
        string name;
        try
        {
            name = factory.PostgresDatabase!;
            Assert.True(await DatabaseExistsAsync(name));
            Assert.NotEqual(app.Factory.PostgresDatabase, name);
        }
        finally
        {
            await factory.DisposeAsync();
        }
        Assert.False(await DatabaseExistsAsync(name));
    }

    private static async Task<bool> DatabaseExistsAsync(string name)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }
}
