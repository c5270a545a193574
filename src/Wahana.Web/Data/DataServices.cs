using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Wahana.Web.Data;

public static class DataServices
{
    /// <summary>
    /// Registers the DbContext for the configured provider. SQLite by default, in a git-ignored file under
    /// data/ at the repository (or content) root; PostgreSQL with Wahana__Database__Provider=Postgres and
    /// ConnectionStrings__Wahana.
    /// </summary>
    public static IServiceCollection AddWahanaData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Wahana");
        if (options.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Wahana__Database__Provider=Postgres needs a connection string in ConnectionStrings__Wahana.");
            }
            services.AddDbContext<WahanaDbContext, PostgresWahanaDbContext>(db => db.UseNpgsql(connectionString,
                npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory")));
        }
        else
        {
            connectionString = string.IsNullOrWhiteSpace(connectionString) ? DefaultSqlite(environment) : connectionString;
            services.AddDbContext<WahanaDbContext, SqliteWahanaDbContext>(db => db.UseSqlite(connectionString));
        }
        services.AddSingleton<ServedFiguresCache>();
        services.AddSingleton(new DatabaseDescription(options.IsPostgres ? "PostgreSQL" : "SQLite", Describe(connectionString, options.IsPostgres)));
        return services;
    }

    private static string DefaultSqlite(IHostEnvironment environment)
    {
        var folder = Path.Combine(environment.ContentRootPath, "data");
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, $"wahana-{environment.EnvironmentName.ToLowerInvariant()}.db"),
        }.ToString();
    }

    private static string Describe(string connectionString, bool postgres)
    {
        if (postgres)
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return $"{builder.Host}:{builder.Port}/{builder.Database}";
        }
        return Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
    }
}

/// <summary>Which database the application runs on, for the start-up banner and the health check.</summary>
public sealed record DatabaseDescription(string Provider, string Location);
