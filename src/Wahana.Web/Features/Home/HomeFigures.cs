using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Home;

/// <summary>The figures of the home page, within the signed-in user's scope.</summary>
public sealed class HomeFigures
{
    public required Semester Semester { get; init; }

    public int Institutions { get; init; }

    public int Beneficiaries { get; init; }

    public int ServedThisSemester { get; init; }

    public long RupiahThisSemester { get; init; }

    /// <summary>True for the forum and partners: the counts are aggregates, and small ones are hidden.</summary>
    public bool AggregatesOnly { get; init; }

    /// <summary>"Kabupaten/Kota" rows for province-wide users, "WKSBM" rows for the others.</summary>
    public required string RowLabel { get; init; }

    public required IReadOnlyList<Row> Rows { get; init; }

    public sealed record Row(string Name, string? Detail, int Institutions, int Beneficiaries, int Served, long Rupiah);

    public string Count(int value) => AggregateCount.Format(value, AggregatesOnly);

    public static async Task<HomeFigures> LoadAsync(WahanaDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var scope = db.CurrentUser.Scope;
        var semester = Semester.Of(today);
        // The forum and partners see no personal records, only counts of them.
        var aggregatesOnly = !scope.SeesPeople;
        var people = db.BeneficiariesToCount;
        var services = db.ServicesToCount
            .Where(s => s.Date >= semester.Start && s.Date <= semester.End);

        var byRegency = scope.AllInstitutions;
        var rows = byRegency
            ? await RegencyRowsAsync(db.Institutions, people, services, cancellationToken)
            : await InstitutionRowsAsync(db.Institutions, people, services, cancellationToken);
        return new HomeFigures
        {
            Semester = semester,
            Institutions = rows.Sum(r => r.Institutions),
            Beneficiaries = await people.CountAsync(cancellationToken),
            ServedThisSemester = await services.Select(s => s.BeneficiaryId).Distinct().CountAsync(cancellationToken),
            RupiahThisSemester = rows.Sum(r => r.Rupiah),
            AggregatesOnly = aggregatesOnly,
            RowLabel = byRegency ? "Kabupaten/Kota" : "WKSBM",
            Rows = rows,
        };
    }

    private static async Task<List<Row>> RegencyRowsAsync(
        IQueryable<Institution> institutions, IQueryable<Beneficiary> people, IQueryable<Service> services, CancellationToken ct)
    {
        var institutionCounts = await institutions.GroupBy(i => i.RegencyCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var peopleCounts = await people.GroupBy(b => b.RegencyCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var served = await services.GroupBy(s => s.RegencyCode)
            .Select(g => new { g.Key, People = g.Select(s => s.BeneficiaryId).Distinct().Count(), Rupiah = g.Sum(s => s.ValueRupiah) })
            .ToDictionaryAsync(x => x.Key, x => (x.People, x.Rupiah), ct);
        return [.. RegionCatalog.Instance.Regencies.Select(r => new Row(
            r.Name, null,
            institutionCounts.GetValueOrDefault(r.Code),
            peopleCounts.GetValueOrDefault(r.Code),
            served.GetValueOrDefault(r.Code).People,
            served.GetValueOrDefault(r.Code).Rupiah))];
    }

    private static async Task<List<Row>> InstitutionRowsAsync(
        IQueryable<Institution> institutions, IQueryable<Beneficiary> people, IQueryable<Service> services, CancellationToken ct)
    {
        var list = await institutions.OrderBy(i => i.VillageCode).ThenBy(i => i.Name)
            .Select(i => new { i.Id, i.Name, i.VillageCode }).ToListAsync(ct);
        var peopleCounts = await people.GroupBy(b => b.InstitutionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var served = await services.GroupBy(s => s.InstitutionId)
            .Select(g => new { g.Key, People = g.Select(s => s.BeneficiaryId).Distinct().Count(), Rupiah = g.Sum(s => s.ValueRupiah) })
            .ToDictionaryAsync(x => x.Key, x => (x.People, x.Rupiah), ct);
        var regions = RegionCatalog.Instance;
        return [.. list.Select(i => new Row(
            i.Name, regions.Find(i.VillageCode)?.DisplayName,
            1,
            peopleCounts.GetValueOrDefault(i.Id),
            served.GetValueOrDefault(i.Id).People,
            served.GetValueOrDefault(i.Id).Rupiah))];
    }
}
