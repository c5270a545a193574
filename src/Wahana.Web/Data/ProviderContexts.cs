using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Data;

/// <summary>The SQLite flavour of the model; its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteWahanaDbContext(
    DbContextOptions<SqliteWahanaDbContext> options, CurrentUser currentUser, ServedFiguresCache? figuresCache = null)
    : WahanaDbContext(options, currentUser, figuresCache)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot compare or sort DateTimeOffset text; store UTC instants as sortable integers.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>The PostgreSQL flavour of the model; its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresWahanaDbContext(
    DbContextOptions<PostgresWahanaDbContext> options, CurrentUser currentUser, ServedFiguresCache? figuresCache = null)
    : WahanaDbContext(options, currentUser, figuresCache)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Partial, case- and accent-insensitive name search (LIKE '%sri ra%' on the name key) through a trigram index.
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<Domain.Beneficiary>().HasIndex(b => b.NameKey, "IX_Beneficiaries_NameKey_Trigram")
            .HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

/// <summary>Lets `dotnet ef migrations add ... --context SqliteWahanaDbContext` build the model without the web host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWahanaDbContext>
{
    public SqliteWahanaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteWahanaDbContext>().UseSqlite("Data Source=design.db").Options,
            new CurrentUser(new HttpContextAccessor()));
}

/// <summary>Lets `dotnet ef migrations add ... --context PostgresWahanaDbContext` build the model without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWahanaDbContext>
{
    public PostgresWahanaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresWahanaDbContext>().UseNpgsql("Host=localhost;Database=wahana_design").Options,
            new CurrentUser(new HttpContextAccessor()));
}
