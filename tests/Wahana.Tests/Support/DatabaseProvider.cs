namespace Wahana.Tests.Support;

/// <summary>The databases the integration tests run against.</summary>
public enum DatabaseProvider
{
    /// <summary>Always: a fresh temporary database file per factory.</summary>
    Sqlite,

    /// <summary>When <c>WAHANA_TEST_POSTGRES</c> holds a server's connection string: a fresh database on it per factory.</summary>
    Postgres,
}

/// <summary>Reads the PostgreSQL server the tests may use (test.sh starts one and sets the variable).</summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "WAHANA_TEST_POSTGRES";

    /// <summary>The connection string of the server, or null when the PostgreSQL tests are to be skipped.</summary>
    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    public static bool IsAvailable => ConnectionString is not null;

    public const string SkipReason =
        "PostgreSQL tests need a server: set " + EnvironmentVariable + " to its connection string (test.sh does).";
}
