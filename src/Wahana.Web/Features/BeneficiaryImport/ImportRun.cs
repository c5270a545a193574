using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.BeneficiaryImport;

/// <summary>A whole file is wrong (too many rows, no data): the message says why, nothing is saved.</summary>
public sealed class ImportFileException : Exception
{
    public ImportFileException()
    {
    }

    public ImportFileException(string message)
        : base(message)
    {
    }

    public ImportFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>What one pass over the rows found.</summary>
public sealed class RunResult
{
    public int DataRows { get; set; }

    public int ValidRows { get; set; }

    public List<RowError> Errors { get; } = [];

    public HashSet<int> InvalidRows { get; } = [];

    public int InvalidCount => InvalidRows.Count;
}

/// <summary>
/// One pass over an import's rows: each row is parsed and checked (<see cref="RowParser"/>), then compared with the
/// rows before it in the file and, in chunks, with the whole registry (every WKSBM, whatever the user's scope:
/// one person is one record). The dry run stops there; the commit also inserts the valid rows of each chunk, all in
/// one transaction (<see cref="BulkInsert"/>).
/// </summary>
public sealed class ImportRun(WahanaDbContext db, ImportTarget target)
{
    public const int MaxRows = 100_000;

    private const int ChunkSize = 2_000;

    private const int NikLookupSize = 250;

    private const int NameLookupSize = 20;

    private readonly Dictionary<string, int> _niksInFile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _peopleInFile = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, string> _holders = [];

    /// <summary>Checks every row. <paramref name="keep"/> receives each non-blank row (the job spills them to disk).</summary>
    public async Task<RunResult> CheckAsync(
        IEnumerable<SourceRow> rows, RowParser parser, Action<SourceRow> keep, Action<int> progress, CancellationToken cancellationToken)
    {
        var result = new RunResult();
        await foreach (var chunk in ChunksAsync(rows, parser, result, keep, progress, cancellationToken))
        {
            Collect(chunk, result);
        }
        return result;
    }

    /// <summary>
    /// Checks again (the registry may have changed since the dry run) and inserts the valid rows. With
    /// <paramref name="allOrNothing"/>, the first error stops the pass and the caller rolls back.
    /// </summary>
    public async Task<(RunResult Result, List<Guid> Saved)> CommitAsync(
        IEnumerable<SourceRow> rows, RowParser parser, bool allOrNothing, Action<int> progress, CancellationToken cancellationToken)
    {
        var result = new RunResult();
        var saved = new List<Guid>();
        await using var insert = await BulkInsert.StartAsync(db, cancellationToken);
        await foreach (var chunk in ChunksAsync(rows, parser, result, _ => { }, progress, cancellationToken))
        {
            Collect(chunk, result);
            // All or nothing: after the first error nothing more is inserted (the caller rolls back), but the pass
            // goes on so the user sees every row that is now wrong.
            if (allOrNothing && result.InvalidCount > 0)
            {
                continue;
            }
            var valid = chunk.Where(r => r.IsValid).Select(r => r.Person).ToList();
            if (valid.Count == 0)
            {
                continue;
            }
            await insert.InsertAsync(valid, cancellationToken);
            saved.AddRange(valid.Select(p => p.Id));
        }
        if (saved.Count > 0 && !(allOrNothing && result.InvalidCount > 0))
        {
            await insert.CompleteAsync(cancellationToken);
        }
        return (result, saved);
    }

    private static void Collect(List<ParsedRow> chunk, RunResult result)
    {
        foreach (var row in chunk)
        {
            if (row.IsValid)
            {
                result.ValidRows++;
            }
            else
            {
                result.Errors.AddRange(row.Errors);
                result.InvalidRows.Add(row.Number);
            }
        }
    }

    private async IAsyncEnumerable<List<ParsedRow>> ChunksAsync(
        IEnumerable<SourceRow> rows, RowParser parser, RunResult result, Action<SourceRow> keep, Action<int> progress,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunk = new List<ParsedRow>(ChunkSize);
        foreach (var row in rows)
        {
            if (row.IsBlank)
            {
                continue;
            }
            if (++result.DataRows > MaxRows)
            {
                throw new ImportFileException(TooManyRows(null));
            }
            keep(row);
            var parsed = parser.Parse(row);
            CheckInFile(parsed);
            chunk.Add(parsed);
            if (chunk.Count == ChunkSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await CheckRegistryAsync(chunk, cancellationToken);
                progress(result.DataRows);
                yield return chunk;
                chunk = new List<ParsedRow>(ChunkSize);
            }
        }
        if (chunk.Count > 0)
        {
            await CheckRegistryAsync(chunk, cancellationToken);
            progress(result.DataRows);
            yield return chunk;
        }
        if (result.DataRows == 0)
        {
            throw new ImportFileException(NoDataRows);
        }
    }

    public const string NoDataRows = "Berkas tidak berisi baris data: di bawah judul kolom belum ada satu orang pun.";

    public static string TooManyRows(int? count) => count is { } n
        ? string.Create(WebCulture, $"Berkas berisi {n:N0} baris data; satu impor paling banyak {MaxRows:N0} baris. Bagi berkas menjadi beberapa bagian lalu impor satu per satu.")
        : string.Create(WebCulture, $"Berkas berisi lebih dari {MaxRows:N0} baris data; satu impor paling banyak {MaxRows:N0} baris. Bagi berkas menjadi beberapa bagian lalu impor satu per satu.");

    private static CultureInfo WebCulture => Infrastructure.WebServices.Indonesian;

    /// <summary>
    /// The same NIK twice, or a row without NIK with the name, birth date and kalurahan of an earlier row (with or
    /// without NIK, as the registry check does): the later row is the duplicate.
    /// </summary>
    private void CheckInFile(ParsedRow row)
    {
        if (row.NikKey is { } nik)
        {
            if (!_niksInFile.TryAdd(nik, row.Number))
            {
                row.DuplicateInFile = true;
                row.Fail(ImportColumns.Nik, string.Create(WebCulture, $"NIK sama dengan baris {_niksInFile[nik]} di berkas ini: satu orang cukup satu baris."));
            }
        }
        else if (row.Person.Nik is null && row.PersonKey is { } person && _peopleInFile.TryGetValue(person, out var earlier))
        {
            row.DuplicateInFile = true;
            row.Fail(ImportColumns.Name, string.Create(WebCulture, $"Orang dengan nama, tanggal lahir dan kalurahan yang sama sudah ada di baris {earlier} berkas ini."));
        }
        if (row.PersonKey is { } key)
        {
            _peopleInFile.TryAdd(key, row.Number);
        }
    }

    /// <summary>
    /// Registry duplicates of a chunk in two queries: NIKs held by any record (merged ones too: the NIK stays
    /// unique), and for rows without NIK, records with the same name key, birth date and kalurahan.
    /// </summary>
    private async Task CheckRegistryAsync(List<ParsedRow> chunk, CancellationToken cancellationToken)
    {
        var niks = chunk.Where(r => r.NikKey is not null && !r.DuplicateInFile).Select(r => r.NikKey!).ToList();
        if (niks.Count > 0)
        {
            var held = new List<(string Nik, Guid InstitutionId)>();
            foreach (var batch in Lookups(niks, NikLookupSize))
            {
                held.AddRange((await db.Beneficiaries.IgnoreQueryFilters([WahanaDbContext.ScopeFilter, WahanaDbContext.MergedFilter]).AsNoTracking()
                    .Where(b => b.Nik != null && batch.Contains(b.Nik))
                    .Select(b => new { Nik = b.Nik!, b.InstitutionId })
                    .ToListAsync(cancellationToken)).Select(h => (h.Nik, h.InstitutionId)));
            }
            if (held.Count > 0)
            {
                var holders = held.DistinctBy(h => h.Nik).ToDictionary(h => h.Nik.Trim(), h => h.InstitutionId, StringComparer.Ordinal);
                foreach (var row in chunk)
                {
                    if (row.NikKey is { } nik && !row.DuplicateInFile && holders.TryGetValue(nik, out var holder))
                    {
                        row.Fail(ImportColumns.Nik, $"NIK sudah terdaftar di registri, {await HolderAsync(holder, cancellationToken)}. Orang ini tidak didaftarkan ulang; ajukan layanan bersama bila perlu.");
                    }
                }
            }
        }

        var withoutNik = chunk.Where(r => r.Person.Nik is null && r.PersonKey is not null && !r.DuplicateInFile).ToList();
        if (withoutNik.Count > 0)
        {
            // By kalurahan, then name: the (VillageCode, NameKey) index finds the few namesakes, not every namesake of DIY.
            var known = new Dictionary<string, Guid>(StringComparer.Ordinal);
            foreach (var village in withoutNik.GroupBy(r => r.Person.VillageCode, StringComparer.Ordinal))
            {
                var code = village.Key;
                foreach (var batch in Lookups([.. village.Select(r => r.Person.NameKey).Distinct(StringComparer.Ordinal)], NameLookupSize))
                {
                    var found = await db.Beneficiaries.IgnoreQueryFilters([WahanaDbContext.ScopeFilter]).AsNoTracking()
                        .Where(b => b.VillageCode == code && batch.Contains(b.NameKey) && b.ErasedAt == null)
                        .Select(b => new { b.NameKey, b.BirthDate, b.VillageCode, b.InstitutionId })
                        .ToListAsync(cancellationToken);
                    foreach (var b in found)
                    {
                        known.TryAdd(RowParser.PersonKeyOf(b.NameKey, b.BirthDate, b.VillageCode), b.InstitutionId);
                    }
                }
            }
            foreach (var row in withoutNik)
            {
                if (known.TryGetValue(row.PersonKey!, out var holder))
                {
                    row.Fail(ImportColumns.Name, $"Orang dengan nama, tanggal lahir dan kalurahan yang sama sudah terdaftar di registri, {await HolderAsync(holder, cancellationToken)}.");
                }
            }
        }
    }

    /// <summary>
    /// The values to look up, in lists of one size (the last padded with its first value): every lookup is then the
    /// same SQL, compiled once, and no statement binds more than a few hundred parameters (SQLite binds each by
    /// name, in time that grows with their number).
    /// </summary>
    private static IEnumerable<List<string>> Lookups(List<string> values, int size)
    {
        for (var start = 0; start < values.Count; start += size)
        {
            var batch = values.GetRange(start, Math.Min(size, values.Count - start));
            while (batch.Count < size)
            {
                batch.Add(batch[0]);
            }
            yield return batch;
        }
    }

    /// <summary>"di WKSBM ini", or the holding WKSBM's name and kabupaten/kota (never the person's data).</summary>
    private async Task<string> HolderAsync(Guid institutionId, CancellationToken cancellationToken)
    {
        if (institutionId == target.InstitutionId)
        {
            return "di WKSBM ini";
        }
        if (!_holders.TryGetValue(institutionId, out var text))
        {
            var holder = await db.Institutions.IgnoreQueryFilters().AsNoTracking()
                .Where(i => i.Id == institutionId).Select(i => new { i.Name, i.RegencyCode })
                .SingleOrDefaultAsync(cancellationToken);
            text = holder is null ? "di WKSBM lain" : $"di WKSBM {holder.Name} ({RegionCatalog.Instance.RegencyName(holder.RegencyCode)})";
            _holders[institutionId] = text;
        }
        return text;
    }
}
