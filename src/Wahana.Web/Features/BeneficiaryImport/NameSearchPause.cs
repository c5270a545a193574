using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;

namespace Wahana.Web.Features.BeneficiaryImport;

/// <summary>
/// SQLite keeps its FTS5 name index (docs/decisions/0006-name-search.md) in step with an insert trigger, one
/// statement per row: for 100,000 imported people that cost about 8 s of CPU, against under a second to index
/// the same rows with one INSERT ... SELECT. So the import, inside its transaction, drops the insert trigger,
/// inserts, indexes its new rows at once and creates the trigger again. SQLite's schema changes are transactional:
/// a rollback restores the trigger, and no other connection can write in between (one writer at a time).
/// Nothing to do on PostgreSQL (its trigram index is an ordinary index).
/// </summary>
public sealed class NameSearchPause
{
    // As created by the BeneficiaryNameSearch migration (its CreateTriggers); a migration never changes, so
    // this copy stays equal to it.
    private const string InsertTrigger = """
        CREATE TRIGGER "Beneficiaries_NameSearch_Insert" AFTER INSERT ON "Beneficiaries" BEGIN
            INSERT INTO "BeneficiaryNameSearch" (rowid, "NameKey") VALUES (new.rowid, new."NameKey");
        END;
        """;

    private readonly long _lastRowBefore;

    private NameSearchPause(long lastRowBefore) => _lastRowBefore = lastRowBefore;

    /// <summary>Drops the insert trigger (SQLite, inside the current transaction); null on PostgreSQL.</summary>
    public static async Task<NameSearchPause?> StartAsync(WahanaDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return null;
        }
        // The trigger first: from then on this transaction holds the write lock, so the last rowid cannot move.
        await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "Beneficiaries_NameSearch_Insert" """, cancellationToken);
        var last = await db.Database.SqlQueryRaw<long>("""SELECT COALESCE(MAX(rowid), 0) AS "Value" FROM "Beneficiaries" """)
            .SingleAsync(cancellationToken);
        return new NameSearchPause(last);
    }

    /// <summary>Indexes the rows inserted since <see cref="StartAsync"/> and creates the trigger again.</summary>
    public async Task EndAsync(WahanaDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "BeneficiaryNameSearch" (rowid, "NameKey") SELECT rowid, "NameKey" FROM "Beneficiaries" WHERE rowid > {_lastRowBefore}
            """, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(InsertTrigger, cancellationToken);
    }
}
