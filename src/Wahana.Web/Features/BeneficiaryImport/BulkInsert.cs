using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.BeneficiaryImport;

/// <summary>
/// Inserts the import's new beneficiaries and their categories on the DbContext's connection and transaction,
/// without SaveChanges' per-row work, which cost 200-260 µs of CPU per person here (20-26 s for 100,000 rows)
/// against a few µs this way (ADR 0008). The columns, their names and how each value is bound come from the EF
/// model (each property's column and relational type mapping, value converters included), so a row is stored
/// exactly as SaveChanges would store it. What SaveChanges would derive (<see cref="Beneficiary.DeriveRegion"/>)
/// the import has already set; the audit is the import's summary entry.
/// <para>
/// SQLite: the rows go first into two TEMP tables without indexes (prepared one-row statements), and
/// <see cref="CompleteAsync"/> moves them into the registry with one INSERT … SELECT per table, ordered by name key.
/// Row by row into the indexed tables (eight indexes, the name-search trigger, foreign keys) cost 14-16 s for
/// 100,000 rows at a million people here, this way about 5.5 s (ADR 0008, bench/README).
/// PostgreSQL: binary COPY straight into the tables, one COPY per table and chunk.
/// </para>
/// </summary>
public sealed class BulkInsert : IAsyncDisposable
{
    private const string StagePrefix = "ImportStage";

    private readonly bool _staged;
    private readonly Table _people;
    private readonly Table _categories;

    private BulkInsert(bool staged, Table people, Table categories)
    {
        _staged = staged;
        _people = people;
        _categories = categories;
    }

    /// <summary>Prepares the inserts (on SQLite, the empty stage tables) inside the context's current transaction.</summary>
    public static async Task<BulkInsert> StartAsync(WahanaDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The import inserts inside a transaction.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var stage = db.Database.IsSqlite();
        var people = new Table(db.Model.FindEntityType(typeof(Beneficiary))!, connection, transaction, sql, stage);
        var categories = new Table(db.Model.FindEntityType(typeof(BeneficiaryCategory))!, connection, transaction, sql, stage);
        if (stage)
        {
            await people.CreateStageAsync(cancellationToken);
            await categories.CreateStageAsync(cancellationToken);
        }
        return new BulkInsert(stage, people, categories);
    }

    public async Task InsertAsync(IReadOnlyList<Beneficiary> people, CancellationToken cancellationToken)
    {
        await _people.InsertAsync(people, cancellationToken);
        await _categories.InsertAsync([.. people.SelectMany(p => p.Categories)], cancellationToken);
    }

    /// <summary>
    /// SQLite: moves the staged rows into the registry (a NIK registered since the checks fails here, on the unique
    /// index) and drops the stage. Nothing to do on PostgreSQL, where the rows are already in.
    /// </summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_staged)
        {
            await _people.MoveStageAsync(orderBy: nameof(Beneficiary.NameKey), cancellationToken);
            await _categories.MoveStageAsync(orderBy: null, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _people.DisposeAsync();
        await _categories.DisposeAsync();
    }

    private sealed class Table(IEntityType entity, DbConnection connection, DbTransaction transaction, ISqlGenerationHelper sql, bool stage)
        : IAsyncDisposable
    {
        private readonly Column[] _columns = Columns(entity);
        private readonly string _table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        private readonly string _stage = sql.DelimitIdentifier(StagePrefix + entity.GetTableName());
        private DbCommand? _insert;

        private string ColumnList => string.Join(", ", _columns.Select(c => sql.DelimitIdentifier(c.Name)));

        public async Task CreateStageAsync(CancellationToken cancellationToken)
        {
            // A pooled connection keeps its TEMP tables: a stage left by an import that failed is dropped first.
            await ExecuteAsync($"DROP TABLE IF EXISTS temp.{_stage}", cancellationToken);
            await ExecuteAsync($"CREATE TEMP TABLE {_stage} AS SELECT {ColumnList} FROM {_table} WHERE 0", cancellationToken);
        }

        /// <summary>Moves the staged rows into the table, in the order of the property <paramref name="orderBy"/> if given.</summary>
        public async Task MoveStageAsync(string? orderBy, CancellationToken cancellationToken)
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var order = orderBy is null ? "" : " ORDER BY " + sql.DelimitIdentifier(entity.FindProperty(orderBy)!.GetColumnName(table)!);
            await ExecuteAsync($"INSERT INTO {_table} ({ColumnList}) SELECT {ColumnList} FROM temp.{_stage}{order}", cancellationToken);
            await ExecuteAsync($"DROP TABLE temp.{_stage}", cancellationToken);
        }

        public async Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
        {
            if (rows.Count == 0)
            {
                return;
            }
            if (stage)
            {
                await InsertStagedAsync(rows, cancellationToken);
            }
            else
            {
                await CopyAsync(rows, cancellationToken);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_insert is not null)
            {
                await _insert.DisposeAsync();
            }
        }

        private async Task InsertStagedAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
        {
            var command = await InsertCommandAsync(cancellationToken);
            foreach (var row in rows)
            {
                for (var c = 0; c < _columns.Length; c++)
                {
                    command.Parameters[c].Value = _columns[c].ProviderValue(row);
                }
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        private async Task CopyAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
        {
            var npgsql = (Npgsql.NpgsqlConnection)connection;
            await using var writer = await npgsql.BeginBinaryImportAsync($"COPY {_table} ({ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var row in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                foreach (var column in _columns)
                {
                    var value = column.ProviderValue(row);
                    if (value is DBNull)
                    {
                        await writer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await writer.WriteAsync(value, column.Mapping.StoreType, cancellationToken);
                    }
                }
            }
            await writer.CompleteAsync(cancellationToken);
        }

        /// <summary>The prepared one-row INSERT into the stage table (SQLite binds every parameter by name on each execution).</summary>
        private async Task<DbCommand> InsertCommandAsync(CancellationToken cancellationToken)
        {
            if (_insert is not null)
            {
                return _insert;
            }
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            var values = new StringBuilder();
            for (var c = 0; c < _columns.Length; c++)
            {
                var name = $"p{c}";
                values.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                command.Parameters.Add(_columns[c].Mapping.CreateParameter(command, sql.GenerateParameterName(name), null, nullable: true));
            }
#pragma warning disable CA2100 // The text is built from the EF model's table and column names only; every value is a parameter.
            command.CommandText = $"INSERT INTO temp.{_stage} ({ColumnList}) VALUES ({values})";
#pragma warning restore CA2100
            await command.PrepareAsync(cancellationToken);
            _insert = command;
            return command;
        }

        private async Task ExecuteAsync(string text, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
#pragma warning disable CA2100 // Table and column names of the EF model only.
            command.CommandText = text;
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private static Column[] Columns(IEntityType entity)
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            return [.. entity.GetProperties().Select(p => new Column(
                p.GetColumnName(table) ?? throw new InvalidOperationException($"{entity.DisplayName()}.{p.Name} has no column."),
                p.GetRelationalTypeMapping(),
                p.GetGetter()))];
        }
    }

    private sealed record Column(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter)
    {
        private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? _converter = Mapping.Converter;

        public object ProviderValue(object entity)
        {
            var value = Getter.GetClrValue(entity);
            if (value is not null && _converter is not null)
            {
                value = _converter.ConvertToProvider(value);
            }
            return value ?? DBNull.Value;
        }
    }
}
