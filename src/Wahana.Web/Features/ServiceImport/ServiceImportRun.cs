using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Features.BeneficiaryImport;
using Col = Wahana.Web.Features.ServiceImport.ServiceImportColumns;

namespace Wahana.Web.Features.ServiceImport;

/// <summary>The WKSBM a service import records for: every row is a service of this WKSBM to one of its people.</summary>
public sealed record ServiceImportTarget(Guid InstitutionId, string Name, string RegencyCode);

/// <summary>
/// One pass over the rows of a service import. Each row is read (<see cref="ServiceRowParser"/>), then, in chunks,
/// checked against the database with the uploader's access scope: the person must be a current beneficiary of the
/// target WKSBM (anyone else, in scope or not, is "not found in this WKSBM", never more), the partner must exist,
/// the semester must not be locked, the same service must not be recorded already nor appear twice in the file,
/// and <see cref="Service.Validate"/> must pass. The dry run stops there; the commit does the same inside its
/// transaction and, when no row has an error, adds every service.
/// </summary>
public sealed class ServiceImportRun(WahanaDbContext db, ServiceImportTarget target, DateOnly today)
{
    public const int MaxRows = 20_000;

    private const int ChunkSize = 500;

    private const int LookupSize = 250;

    public const string NoDataRows = "Berkas tidak berisi baris data: di bawah judul kolom belum ada satu layanan pun.";

    private readonly Dictionary<string, int> _inFile = new(StringComparer.Ordinal);
    private readonly Dictionary<Semester, bool> _locked = [];
    private Dictionary<string, List<(Guid Id, string Name)>>? _partners;

    public static string TooManyRows(int? count) => count is { } n
        ? string.Create(Infrastructure.WebServices.Indonesian, $"Berkas berisi {n:N0} baris data; satu impor layanan paling banyak {MaxRows:N0} baris. Bagi berkas menjadi beberapa bagian (misalnya per semester) lalu impor satu per satu.")
        : string.Create(Infrastructure.WebServices.Indonesian, $"Berkas berisi lebih dari {MaxRows:N0} baris data; satu impor layanan paling banyak {MaxRows:N0} baris. Bagi berkas menjadi beberapa bagian (misalnya per semester) lalu impor satu per satu.");

    /// <summary>Checks every row; <paramref name="valid"/> receives each row without error, ready to be saved.</summary>
    public async Task<RunResult> CheckAsync(IReadOnlyList<SourceRow> rows, Action<int> progress, Action<Service>? valid, CancellationToken cancellationToken)
    {
        var result = new RunResult();
        for (var start = 0; start < rows.Count; start += ChunkSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = rows.Skip(start).Take(ChunkSize).Select(ServiceRowParser.Parse).ToList();
            await CheckRegistryAsync(chunk, cancellationToken);
            foreach (var row in chunk)
            {
                result.DataRows++;
                if (row.IsValid)
                {
                    result.ValidRows++;
                    valid?.Invoke(ToService(row));
                }
                else
                {
                    result.Errors.AddRange(row.Errors);
                    result.InvalidRows.Add(row.Number);
                }
            }
            progress(result.DataRows);
        }
        return result;
    }

    private Service ToService(ServiceRow row) => new()
    {
        BeneficiaryId = row.BeneficiaryId!.Value,
        InstitutionId = target.InstitutionId,
        RegencyCode = target.RegencyCode,
        Date = row.Date!.Value,
        Kind = row.Kind!.Value,
        Form = row.Form!.Value,
        ValueRupiah = row.Value!.Value,
        FundingSource = row.FundingSource!.Value,
        PartnerId = row.PartnerId,
        Notes = row.Notes,
        RecordedBy = db.CurrentUser.Name,
    };

    private async Task CheckRegistryAsync(List<ServiceRow> chunk, CancellationToken cancellationToken)
    {
        var people = await FindPeopleAsync(chunk, cancellationToken);
        await FindPartnersAsync(chunk, cancellationToken);
        foreach (var row in chunk)
        {
            if (row.Nik is null && row.WahanaId is null)
            {
                continue;
            }
            var byNik = row.Nik is { } nik ? people.Values.FirstOrDefault(p => p.Nik == nik) : null;
            var byId = row.WahanaId is { } id ? people.GetValueOrDefault(id) : null;
            if (row.Nik is not null && byNik is null)
            {
                row.Fail(ServiceImportColumns.Nik, "Penerima dengan NIK ini tidak ditemukan di WKSBM ini. Daftarkan dulu orangnya di WKSBM ini, lalu impor layanannya.");
                continue;
            }
            if (row.WahanaId is not null && byId is null)
            {
                row.Fail(Col.WahanaId, "Penerima dengan ID Wahana ini tidak ditemukan di WKSBM ini. Salin ID Wahana dari profil penerima.");
                continue;
            }
            if (byNik is not null && byId is not null && byNik.Id != byId.Id)
            {
                row.Fail(Col.WahanaId, "NIK dan ID Wahana baris ini menunjuk dua orang yang berbeda. Isi salah satunya saja.");
                continue;
            }
            var person = (byNik ?? byId)!;
            row.BeneficiaryId = person.Id;
            if (row.Date is not { } date || row.Kind is null || row.Form is null || row.Value is null || row.FundingSource is null)
            {
                continue;
            }
            var service = ToService(row);
            foreach (var violation in service.Validate(today, person.RegisteredOn, largeValueConfirmed: true))
            {
                var column = violation.Field switch
                {
                    nameof(Service.Date) => Col.Date,
                    nameof(Service.ValueRupiah) => Col.Value,
                    nameof(Service.PartnerId) => Col.Partner,
                    _ => IdColumn(row),
                };
                if (!row.HasError(column))
                {
                    row.Fail(column, violation.Message);
                }
            }
            if (!row.HasError(Col.Date) && await IsLockedAsync(date, cancellationToken))
            {
                row.Fail(Col.Date, SemesterLocks.Message(Semester.Of(date)));
            }
            if (row.IsValid)
            {
                var key = Key(person.Id, date, row.Kind.Value, row.Form.Value, row.Value.Value);
                if (_inFile.TryGetValue(key, out var earlier))
                {
                    row.Fail(IdColumn(row), string.Create(CultureInfo.InvariantCulture,
                        $"Layanan yang sama (penerima, tanggal, jenis, bentuk dan nilai) sudah ada di baris {earlier} berkas ini: satu layanan cukup satu baris."));
                }
                else
                {
                    _inFile[key] = row.Number;
                }
            }
        }
        await CheckRecordedAsync(chunk, cancellationToken);
    }

    /// <summary>The column that names the person in this row: row errors about the service as a whole go there.</summary>
    private static string IdColumn(ServiceRow row) => row.Nik is not null ? Col.Nik : Col.WahanaId;

    private static string Key(Guid person, DateOnly date, ServiceKind kind, ServiceForm form, long value) =>
        string.Create(CultureInfo.InvariantCulture, $"{person:N}|{date:yyyy-MM-dd}|{Slug.Of(kind)}|{Slug.Of(form)}|{value}");

    private sealed record Person(Guid Id, string? Nik, DateOnly RegisteredOn);

    /// <summary>
    /// The people of the chunk, looked up only among the target WKSBM's current beneficiaries through the scoped query
    /// filters: a person of another WKSBM, merged into another record, or erased is simply not found.
    /// </summary>
    private async Task<Dictionary<Guid, Person>> FindPeopleAsync(List<ServiceRow> chunk, CancellationToken cancellationToken)
    {
        var people = new Dictionary<Guid, Person>();
        var institutionId = target.InstitutionId;
        foreach (var batch in Lookups([.. chunk.Where(r => r.Nik is not null).Select(r => r.Nik!).Distinct(StringComparer.Ordinal)]))
        {
            var found = await db.Beneficiaries.AsNoTracking()
                .Where(b => b.InstitutionId == institutionId && b.ErasedAt == null && b.Nik != null && batch.Contains(b.Nik))
                .Select(b => new Person(b.Id, b.Nik, b.RegisteredOn))
                .ToListAsync(cancellationToken);
            foreach (var person in found)
            {
                people.TryAdd(person.Id, person);
            }
        }
        foreach (var batch in Lookups([.. chunk.Where(r => r.WahanaId is not null).Select(r => r.WahanaId!.Value).Distinct()]))
        {
            var found = await db.Beneficiaries.AsNoTracking()
                .Where(b => b.InstitutionId == institutionId && b.ErasedAt == null && batch.Contains(b.Id))
                .Select(b => new Person(b.Id, b.Nik, b.RegisteredOn))
                .ToListAsync(cancellationToken);
            foreach (var person in found)
            {
                people.TryAdd(person.Id, person);
            }
        }
        return people;
    }

    /// <summary>Partners by name (case and punctuation ignored); a name two partners share must be told apart.</summary>
    private async Task FindPartnersAsync(List<ServiceRow> chunk, CancellationToken cancellationToken)
    {
        if (!chunk.Exists(r => r.PartnerName is not null))
        {
            return;
        }
        _partners ??= (await db.Partners.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
            .GroupBy(p => ServiceRowParser.PartnerKey(p.Name), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => (p.Id, p.Name)).ToList(), StringComparer.Ordinal);
        foreach (var row in chunk.Where(r => r.PartnerName is not null))
        {
            if (!_partners.TryGetValue(ServiceRowParser.PartnerKey(row.PartnerName!), out var partners))
            {
                row.Fail(Col.Partner, $"Mitra '{row.PartnerName}' tidak dikenal. Tulis nama mitra persis seperti di daftar mitra (lembar petunjuk templat), atau minta admin menambahkannya dulu.");
            }
            else if (partners.Count > 1)
            {
                row.Fail(Col.Partner, $"Ada {partners.Count} mitra bernama '{row.PartnerName}'; layanan dengan mitra ini dicatat lewat formulir layanan.");
            }
            else
            {
                row.PartnerId = partners[0].Id;
            }
        }
    }

    private async Task<bool> IsLockedAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var semester = Semester.Of(date);
        if (!_locked.TryGetValue(semester, out var locked))
        {
            locked = await db.IsLockedAsync(target.InstitutionId, date, cancellationToken);
            _locked[semester] = locked;
        }
        return locked;
    }

    /// <summary>
    /// Services already recorded (not deleted) with the same person, date, kind, form and value: importing the same
    /// file twice adds nothing.
    /// </summary>
    private async Task CheckRecordedAsync(List<ServiceRow> chunk, CancellationToken cancellationToken)
    {
        var candidates = chunk.Where(r => r.IsValid && r.BeneficiaryId is not null).ToList();
        if (candidates.Count == 0)
        {
            return;
        }
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        var from = candidates.Min(r => r.Date!.Value);
        var until = candidates.Max(r => r.Date!.Value);
        foreach (var batch in Lookups([.. candidates.Select(r => r.BeneficiaryId!.Value).Distinct()]))
        {
            var services = await db.Services.AsNoTracking()
                .Where(s => batch.Contains(s.BeneficiaryId) && s.Date >= from && s.Date <= until)
                .Select(s => new { s.BeneficiaryId, s.Date, s.Kind, s.Form, s.ValueRupiah })
                .ToListAsync(cancellationToken);
            foreach (var s in services)
            {
                recorded.Add(Key(s.BeneficiaryId, s.Date, s.Kind, s.Form, s.ValueRupiah));
            }
        }
        foreach (var row in candidates)
        {
            if (recorded.Contains(Key(row.BeneficiaryId!.Value, row.Date!.Value, row.Kind!.Value, row.Form!.Value, row.Value!.Value)))
            {
                row.Fail(IdColumn(row), $"Layanan ini sudah tercatat ({row.Date.Value:dd-MM-yyyy}, {Slug.Of(row.Kind.Value)}, {Slug.Of(row.Form.Value)}, {Rupiah.Format(row.Value.Value)} untuk penerima yang sama). Hapus baris ini dari berkas: layanan tidak dicatat dua kali.");
            }
        }
    }

    /// <summary>
    /// The values to look up, in lists of one size (the last padded with its first value), so every lookup is the
    /// same SQL and no statement binds more than a few hundred parameters (as the beneficiary import does).
    /// </summary>
    private static IEnumerable<List<T>> Lookups<T>(List<T> values)
    {
        for (var start = 0; start < values.Count; start += LookupSize)
        {
            var batch = values.GetRange(start, Math.Min(LookupSize, values.Count - start));
            while (batch.Count < LookupSize)
            {
                batch.Add(batch[0]);
            }
            yield return batch;
        }
    }
}
