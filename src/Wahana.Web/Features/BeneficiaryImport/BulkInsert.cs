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
/// Inserts the import's new beneficiaries and their categories on the DbContext's connection and transaction. The
/// columns, their names and how each value is stored come from the EF model (each property's column and relational
/// type mapping, value converters included), so a row is stored exactly as SaveChanges would store it; only
/// SaveChanges' per-row work is skipped, which cost 200-260 µs of CPU per person here (20-26 s for 100,000 rows)
/// (ADR 0008). PostgreSQL: prepared multi-row INSERT statements. SQLite: one statement per chunk that reads the rows
/// from a JSON array parameter (<c>json_each</c>), since Microsoft.Data.Sqlite's work per executed statement
/// (binding each parameter by name, a reader per call) cost more than SQLite's insert itself: about 16 µs per row.
/// What SaveChanges would derive (<see cref="Beneficiary.DeriveRegion"/>) the import has already set; the audit is
/// the import's summary entry.
/// </summary>
public sealed class BulkInsert : IDisposable
{
    private readonly Table _people;
    private readonly Table _categories;

    public BulkInsert(WahanaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The import inserts inside a transaction.");
        var sql = db.GetService<ISqlGenerationHelper>();
        // PostgreSQL: many rows per statement, fewer round trips. SQLite (in process, no round trips) binds every
        // parameter by name on each execution, in time that grows with the number of parameters: one row each.
        var sqlite = db.Database.IsSqlite();
        _people = new Table(db.Model.FindEntityType(typeof(Beneficiary))!, connection, transaction, sql, rowsPerStatement: 100, sqlite);
        _categories = new Table(db.Model.FindEntityType(typeof(BeneficiaryCategory))!, connection, transaction, sql, rowsPerStatement: 500, sqlite);
    }

    public async Task InsertAsync(IReadOnlyList<Beneficiary> people, CancellationToken cancellationToken)
    {
        await _people.InsertAsync(people, cancellationToken);
        await _categories.InsertAsync([.. people.SelectMany(p => p.Categories)], cancellationToken);
    }

    public void Dispose()
    {
        _people.Dispose();
        _categories.Dispose();
    }

    private sealed class Table(
        IEntityType entity, DbConnection connection, DbTransaction transaction, ISqlGenerationHelper sql, int rowsPerStatement, bool sqlite)
        : IDisposable
    {
        private readonly Column[] _columns = Columns(entity);
        private readonly Dictionary<int, DbCommand> _commands = [];
        private readonly string _table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        private DbCommand? _fromJson;

        public async Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
        {
            if (rows.Count == 0)
            {
                return;
            }
            if (sqlite)
            {
                var command = FromJsonCommand();
                command.Parameters[0].Value = JsonRows.Write(rows, _columns);
                await command.ExecuteNonQueryAsync(cancellationToken);
                return;
            }
            for (var start = 0; start < rows.Count; start += rowsPerStatement)
            {
                var count = Math.Min(rowsPerStatement, rows.Count - start);
                var command = await CommandAsync(count, cancellationToken);
                var parameter = 0;
                for (var i = start; i < start + count; i++)
                {
                    foreach (var column in _columns)
                    {
                        command.Parameters[parameter++].Value = column.ProviderValue(rows[i]);
                    }
                }
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }
            _fromJson?.Dispose();
        }

        /// <summary>SQLite: <c>INSERT INTO t (a, b) SELECT value ->> 0, value ->> 1 FROM json_each(@rows)</c>.</summary>
        private DbCommand FromJsonCommand()
        {
            if (_fromJson is not null)
            {
                return _fromJson;
            }
            _fromJson = connection.CreateCommand();
            _fromJson.Transaction = transaction;
            var text = new StringBuilder()
                .Append("INSERT INTO ").Append(_table).Append(" (")
                .AppendJoin(", ", _columns.Select(c => sql.DelimitIdentifier(c.Name)))
                .Append(") SELECT ")
                .AppendJoin(", ", _columns.Select((_, i) => $"value ->> {i}"))
                .Append(" FROM json_each(").Append(sql.GenerateParameterNamePlaceholder("rows")).Append(')');
#pragma warning disable CA2100 // The text is built from the EF model's table and column names only; the rows are one parameter.
            _fromJson.CommandText = text.ToString();
#pragma warning restore CA2100
            var parameter = _fromJson.CreateParameter();
            parameter.ParameterName = sql.GenerateParameterName("rows");
            parameter.DbType = System.Data.DbType.String;
            _fromJson.Parameters.Add(parameter);
            return _fromJson;
        }

        /// <summary>The prepared statement for a number of rows (the full size, and once the size of the last group).</summary>
        private async Task<DbCommand> CommandAsync(int rows, CancellationToken cancellationToken)
        {
            if (_commands.TryGetValue(rows, out var command))
            {
                return command;
            }
            command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder()
                .Append("INSERT INTO ").Append(_table).Append(" (")
                .AppendJoin(", ", _columns.Select(c => sql.DelimitIdentifier(c.Name)))
                .Append(") VALUES ");
            for (var row = 0; row < rows; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var c = 0; c < _columns.Length; c++)
                {
                    var name = $"p{row * _columns.Length + c}";
                    text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                    command.Parameters.Add(_columns[c].Mapping.CreateParameter(command, sql.GenerateParameterName(name), null, nullable: true));
                }
                text.Append(')');
            }
#pragma warning disable CA2100 // The text is built from the EF model's table and column names only; every value is a parameter.
            command.CommandText = text.ToString();
#pragma warning restore CA2100
            await command.PrepareAsync(cancellationToken);
            _commands[rows] = command;
            return command;
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

    /// <summary>
    /// The rows as a JSON array of arrays, each value as Microsoft.Data.Sqlite would bind it for EF: GUIDs as
    /// upper-case text, dates as ISO text, booleans as 0/1, numbers as numbers (converters already applied).
    /// </summary>
    private static class JsonRows
    {
        public static string Write<T>(IReadOnlyList<T> rows, Column[] columns) where T : class
        {
            using var buffer = new MemoryStream();
            using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
            {
                json.WriteStartArray();
                foreach (var row in rows)
                {
                    json.WriteStartArray();
                    foreach (var column in columns)
                    {
                        Value(json, column.ProviderValue(row));
                    }
                    json.WriteEndArray();
                }
                json.WriteEndArray();
            }
            return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }

        private static void Value(System.Text.Json.Utf8JsonWriter json, object value)
        {
            var invariant = System.Globalization.CultureInfo.InvariantCulture;
            switch (value)
            {
                case DBNull:
                    json.WriteNullValue();
                    break;
                case string text:
                    json.WriteStringValue(text);
                    break;
                case Guid guid:
                    json.WriteStringValue(guid.ToString().ToUpperInvariant());
                    break;
                case DateOnly date:
                    json.WriteStringValue(date.ToString("yyyy-MM-dd", invariant));
                    break;
                case bool flag:
                    json.WriteNumberValue(flag ? 1 : 0);
                    break;
                case int number:
                    json.WriteNumberValue(number);
                    break;
                case long number:
                    json.WriteNumberValue(number);
                    break;
                case short number:
                    json.WriteNumberValue(number);
                    break;
                case byte number:
                    json.WriteNumberValue(number);
                    break;
                default:
                    throw new NotSupportedException($"BulkInsert has no JSON form for {value.GetType().Name}; add it here.");
            }
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
