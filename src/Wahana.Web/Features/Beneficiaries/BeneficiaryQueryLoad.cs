using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Beneficiaries;

public sealed partial class BeneficiaryQuery
{
    /// <summary>One person as lists show them: identity numbers already masked, never the full ones.</summary>
    public sealed record Row(
        Guid Id, string Name, string? NikMasked, string? KkMasked, Sex Sex, DateOnly BirthDate, int Age, string VillageCode,
        Guid InstitutionId, string InstitutionName, IReadOnlyList<PpksCategory> Categories, BeneficiaryStatus Status,
        DateOnly RegisteredOn, int? Desil, bool Erased);

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, bool TotalCapped, int Page, int Size)
    {
        /// <summary>The pages known to exist: all of them, or those up to the counting cap.</summary>
        public int PageCount => Math.Max(1, (Total + Size - 1) / Size);

        public int FirstNumber => Rows.Count == 0 ? 0 : ((Page - 1) * Size) + 1;

        /// <summary>True when there may be a page after this one.</summary>
        public bool HasNext => Page < PageCount || (TotalCapped && Rows.Count == Size);
    }

    /// <summary>
    /// One page of the filtered, sorted list, with a total counted up to <paramref name="countCap"/> (the page's
    /// <see cref="CountCap"/>, the API's <see cref="ApiCountCap"/>), or exactly when it is null.
    /// </summary>
    public async Task<Result> LoadAsync(WahanaDbContext db, DateOnly today, CancellationToken cancellationToken, int? countCap = CountCap)
    {
        await using var connection = await SqliteReadsAsync(db, cancellationToken);
        var (filtered, fewNames) = await FilteredAsync(db, today, cancellationToken);
        var ordered = Order(filtered, db.Database.IsSqlite(), fewNames);
        var page = Page;
        var listed = await PageAsync(ordered, page, cancellationToken);
        int total;
        bool capped;
        if ((listed.Count > 0 && listed.Count < Size) || (listed.Count == 0 && page == 1))
        {
            // A page that is not full is the last one: the total needs no count.
            (total, capped) = (((page - 1) * Size) + listed.Count, false);
        }
        else
        {
            var count = countCap is { } cap
                ? await filtered.Take(cap + 1).CountAsync(cancellationToken)
                : await filtered.CountAsync(cancellationToken);
            capped = count > countCap;
            total = countCap is { } limit ? Math.Min(count, limit) : count;
            if (listed.Count == 0 && !capped)
            {
                // Asked for a page past the end: show the last one.
                page = Math.Max(1, (total + Size - 1) / Size);
                listed = await PageAsync(ordered, page, cancellationToken);
            }
        }
        var ids = listed.Select(b => b.Id).ToList();
        var categories = ids.Count == 0 ? [] : await db.BeneficiaryCategories.AsNoTracking()
            .Where(c => ids.Contains(c.BeneficiaryId))
            .Select(c => new { c.BeneficiaryId, c.CategoryId })
            .ToListAsync(cancellationToken);
        var byPerson = categories.ToLookup(c => c.BeneficiaryId, c => c.CategoryId);
        var institutionIds = listed.Select(b => b.InstitutionId).Distinct().ToList();
        var institutions = institutionIds.Count == 0 ? [] : await db.Institutions.AsNoTracking()
            .Where(i => institutionIds.Contains(i.Id)).Select(i => new { i.Id, i.Name })
            .ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken);
        var rows = listed.Select(b => new Row(
            b.Id, b.Name, MaskOrNull(b.Nik), MaskOrNull(b.Kk), b.Sex, b.BirthDate, AgeOn(b.BirthDate, today), b.VillageCode,
            b.InstitutionId, institutions.GetValueOrDefault(b.InstitutionId, ""), CategoriesOf(byPerson[b.Id]), b.Status,
            b.RegisteredOn, b.Desil, b.Erased)).ToList();
        return new Result(rows, total, capped, page, Size);
    }

    private sealed record Listed(
        Guid Id, string Name, string? Nik, string? Kk, Sex Sex, DateOnly BirthDate, string VillageCode, Guid InstitutionId,
        BeneficiaryStatus Status, DateOnly RegisteredOn, int? Desil, bool Erased);

    private Task<List<Listed>> PageAsync(IQueryable<Beneficiary> ordered, int page, CancellationToken cancellationToken) =>
        ordered.Skip((page - 1) * Size).Take(Size)
            .Select(b => new Listed(
                b.Id, b.Name, b.Nik, b.Kk, b.Sex, b.BirthDate, b.VillageCode, b.InstitutionId, b.Status, b.RegisteredOn, b.Desil,
                b.ErasedAt != null))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// On SQLite, holds one connection open for the queries of a list and lets it read the file through memory
    /// mapping: a list at a million people looks up thousands of rows by rowid, and reading each page with a
    /// system call costs more than the lookup itself (about half the time, measured). The setting stays with
    /// the pooled connection. Nothing to do on PostgreSQL.
    /// </summary>
    public static async Task<IAsyncDisposable> SqliteReadsAsync(WahanaDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return NoConnection.Instance;
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA mmap_size = 4294967296", cancellationToken);
        return new OpenConnection(db);
    }

    private sealed class OpenConnection(WahanaDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await db.Database.CloseConnectionAsync();
    }

    private sealed class NoConnection : IAsyncDisposable
    {
        public static readonly NoConnection Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>The filtered and sorted people (every page), for the export to stream.</summary>
    public async Task<IQueryable<Beneficiary>> QueryAsync(WahanaDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var (filtered, fewNames) = await FilteredAsync(db, today, cancellationToken);
        return Order(filtered, db.Database.IsSqlite(), fewNames);
    }

    public static string? MaskOrNull(string? number) => number is null ? null : Domain.Nik.Mask(number);

    public static IReadOnlyList<PpksCategory> CategoriesOf(IEnumerable<int> ids) =>
        [.. ids.Order().Select(id => PpksCategory.All.FirstOrDefault(c => c.Id == id)).OfType<PpksCategory>()];

    /// <summary>
    /// The people in the user's scope (the query filters) that match the search and filters. On SQLite a name
    /// search asks the FTS5 trigram index how many names match (up to <see cref="MatchCap"/>): a set that small
    /// is read through the index (rowid lookups, then sorted); a larger one is left to LIKE on the name key
    /// while the list is walked in its order, which meets a page of matches early. On PostgreSQL, LIKE on the
    /// name key uses the pg_trgm index and the planner's statistics choose. See docs/decisions/0006-name-search.md.
    /// </summary>
    private async Task<(IQueryable<Beneficiary> People, bool FewNames)> FilteredAsync(
        WahanaDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        // Conditions the LINQ query cannot put well: the FTS5 match (SQLite), and the category as a plain EXISTS.
        // Through LINQ the category rows bring their own scope filter, a join back to the people table that SQLite
        // runs for every candidate before it looks at the category. The query filters still apply to this root.
        var conditions = new List<string>();
        var arguments = new List<object>();
        var words = Search?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var sqlite = db.Database.IsSqlite();
        var fewNames = false;
        if (words.Length > 0 && sqlite && await FewNameMatchesAsync(db, words, cancellationToken))
        {
            conditions.Add("""rowid IN (SELECT "RowId" FROM temp."BeneficiaryNameMatches")""");
            fewNames = true;
        }
        if (Category is { } category)
        {
            conditions.Add($$"""EXISTS (SELECT 1 FROM "BeneficiaryCategories" AS c WHERE c."BeneficiaryId" = "Beneficiaries"."Id" AND c."CategoryId" = {{{arguments.Count}}})""");
            arguments.Add(category.Id);
        }
        // Only the constant conditions above are joined; every value goes in as a parameter ({0}, {1}).
#pragma warning disable EF1003
        var people = conditions.Count == 0
            ? db.Beneficiaries
            : db.Beneficiaries.FromSqlRaw("""SELECT * FROM "Beneficiaries" WHERE """ + string.Join(" AND ", conditions), [.. arguments]);
#pragma warning restore EF1003
        foreach (var word in words)
        {
            var pattern = "%" + word + "%";
            people = people.Where(b => EF.Functions.Like(b.NameKey, pattern));
        }
        people = WithScopeColumn(people.AsNoTracking(), db.CurrentUser.Scope);
        if (!sqlite && words.Any(w => w.Length >= 3))
        {
            // The pg_trgm index counts the matching names cheaply. PostgreSQL's planner takes matches to be spread
            // evenly in name order, so for a first name shared by thousands (all under "r") it walks the name index
            // from "a"; when the matches are few enough, the list sorts them instead (see Order).
            fewNames = await people.Take(PostgresMatchCap + 1).CountAsync(cancellationToken) <= PostgresMatchCap;
        }
        return (Filter(people, db, today), fewNames);
    }

    /// <summary>
    /// Repeats the user's scope as a plain equality on its indexed column. Not the guard: the DbContext's query
    /// filter still decides what the user sees, and this never widens it. But the filter reads
    /// <c>(@allPeople OR RegencyCode = @code)</c>, and SQLite cannot plan an index search on an OR with a
    /// parameter; without this it scans a million rows for a district officer's filtered list.
    /// </summary>
    private static IQueryable<Beneficiary> WithScopeColumn(IQueryable<Beneficiary> people, AccessScope scope)
    {
        if (scope.AllPeople)
        {
            return people;
        }
        if (scope.RegencyCode is { } regency)
        {
            return people.Where(b => b.RegencyCode == regency);
        }
        return scope.InstitutionId is { } institution ? people.Where(b => b.InstitutionId == institution) : people;
    }

    /// <summary>
    /// Puts the rowids of the names that contain every word of three letters or more (FTS5 trigram index) into the
    /// connection's temporary table, when there are at most <see cref="MatchCap"/>; the count and the page then read
    /// that table instead of asking the index twice more. False when no word is that long or more names match.
    /// Needs the connection held open by <see cref="SqliteReadsAsync"/> (a temporary table lives on one connection).
    /// </summary>
    private static async Task<bool> FewNameMatchesAsync(WahanaDbContext db, string[] words, CancellationToken cancellationToken)
    {
        var indexed = words.Where(w => w.Length >= 3).ToList();
        if (indexed.Count == 0)
        {
            return false;
        }
        // The key holds letters, digits and single spaces only, so each word is a safe FTS5 string.
        var match = string.Join(" AND ", indexed.Select(w => "\"" + w + "\""));
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TEMP TABLE IF NOT EXISTS "BeneficiaryNameMatches" ("RowId" INTEGER PRIMARY KEY);
            DELETE FROM temp."BeneficiaryNameMatches";
            """, cancellationToken);
        var count = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO temp."BeneficiaryNameMatches" ("RowId")
            SELECT rowid FROM "BeneficiaryNameSearch" WHERE "BeneficiaryNameSearch" MATCH {match} LIMIT {MatchCap + 1}
            """, cancellationToken);
        return count <= MatchCap;
    }

    private IQueryable<Beneficiary> Filter(IQueryable<Beneficiary> rows, WahanaDbContext db, DateOnly today)
    {
        if (PartialNumber)
        {
            // Part of a NIK or KK is never looked up: that would let anyone probe the numbers digit by digit.
            return rows.Where(b => false);
        }
        if (IdentityNumber is { } number)
        {
            rows = rows.Where(b => b.Nik == number || b.Kk == number);
        }
        if (Nik is { } nik)
        {
            rows = rows.Where(b => b.Nik == nik);
        }
        if (Kk is { } kk)
        {
            rows = rows.Where(b => b.Kk == kk);
        }
        // Only the narrowest region: each has its own index, and the narrower implies the wider.
        if (VillageCode is { } village)
        {
            rows = rows.Where(b => b.VillageCode == village);
        }
        else if (DistrictCode is { } district)
        {
            var villages = RegionCatalog.Instance.ChildrenOf(district).Select(r => r.Code).ToList();
            rows = rows.Where(b => villages.Contains(b.VillageCode));
        }
        else if (RegencyCode is { } regency)
        {
            rows = rows.Where(b => b.RegencyCode == regency);
        }
        if (InstitutionId is { } institution)
        {
            rows = rows.Where(b => b.InstitutionId == institution);
        }
        if (Sex is { } sex)
        {
            rows = rows.Where(b => b.Sex == sex);
        }
        if (Age is { } age)
        {
            var (_, _, _, from, to) = AgeGroups.First(g => g.Group == age);
            // Age from..to today is a birth date after (today - (to + 1) years) and on or before (today - from years).
            var latest = today.AddYears(-from);
            rows = rows.Where(b => b.BirthDate <= latest);
            if (to is { } oldest)
            {
                var earliest = today.AddYears(-(oldest + 1));
                rows = rows.Where(b => b.BirthDate > earliest);
            }
        }
        if (Desil is { } desil)
        {
            rows = rows.Where(b => b.Desil == desil);
        }
        if (WithoutNik)
        {
            // SQLite's statistics count one row per NIK (the index is unique) and take "Nik IS NULL" for one row:
            // it would read the 8% without NIK through that index and sort them all. Written so that it cannot
            // use the index, the list is walked in its order instead. PostgreSQL counts the nulls and plans well.
            rows = db.Database.IsSqlite() ? rows.Where(b => (b.Nik ?? "") == "") : rows.Where(b => b.Nik == null);
        }
        if (Status is { } status)
        {
            rows = rows.Where(b => b.Status == status);
        }
        if (NotServed)
        {
            var semester = Semester.Of(today);
            var (start, end) = (semester.Start, semester.End);
            // IgnoreQueryFilters would lift the filters of the whole query, not only of this subquery: never here.
            rows = rows.Where(b => !db.Services.Any(s => s.BeneficiaryId == b.Id && s.Date >= start && s.Date <= end));
        }
        return rows;
    }

    /// <summary>
    /// The list's order. PostgreSQL breaks ties by id. SQLite does not: its indexes end with the rowid, so a walk of
    /// the name index is already a total order, while "NameKey, Id" makes its planner give up the index for a scan
    /// and a sort of every match (a million rows for a broad filter). For a name search with few matches,
    /// PostgreSQL sorts by lower(NameKey), which equals the key (it is lower case) but has no index to walk.
    /// </summary>
    private IQueryable<Beneficiary> Order(IQueryable<Beneficiary> rows, bool sqlite, bool fewNames)
    {
#pragma warning disable CA1304, CA1311 // lower() in SQL, not .NET's culture-dependent ToLower
        System.Linq.Expressions.Expression<Func<Beneficiary, string>> name = !sqlite && fewNames
            ? b => b.NameKey.ToLower()
            : b => b.NameKey;
#pragma warning restore CA1304, CA1311
        var ordered = (Sort, Descending) switch
        {
            // "Umur" ascending is the youngest first: the latest birth date first.
            (BeneficiarySort.Age, false) => rows.OrderByDescending(b => b.BirthDate).ThenBy(b => b.NameKey),
            (BeneficiarySort.Age, true) => rows.OrderBy(b => b.BirthDate).ThenBy(b => b.NameKey),
            (BeneficiarySort.Registered, false) => rows.OrderBy(b => b.RegisteredOn).ThenBy(b => b.NameKey),
            (BeneficiarySort.Registered, true) => rows.OrderByDescending(b => b.RegisteredOn).ThenBy(b => b.NameKey),
            (_, true) => rows.OrderByDescending(name),
            _ => rows.OrderBy(name),
        };
        return sqlite ? ordered : Sort == BeneficiarySort.Name && Descending ? ordered.ThenByDescending(b => b.Id) : ordered.ThenBy(b => b.Id);
    }
}
