namespace Wahana.Web.Data;

/// <summary>Configuration section Wahana:Database.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Wahana:Database";

    /// <summary>Sqlite (default) or Postgres.</summary>
    public string Provider { get; set; } = "Sqlite";

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);
}
