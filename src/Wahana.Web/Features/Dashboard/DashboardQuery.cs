using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Features.Beneficiaries;
using Wahana.Web.Features.Distributions;
using Wahana.Web.Features.Reports;

namespace Wahana.Web.Features.Dashboard;

/// <summary>
/// Compiles <see cref="DashboardFigures"/> for the page and the API, within the user's scope (the DbContext's query
/// filters): the province and the forum see every kabupaten/kota, optionally one; a district officer their own; a
/// WKSBM's board and volunteers their WKSBM. Every figure comes from <see cref="ServedFiguresQuery"/>; the trend
/// counts the earlier semesters' people the same way in one grouped query.
/// </summary>
public sealed class DashboardQuery(WahanaDbContext db)
{
    /// <summary>A WKSBM is expected to serve 30 to 80 people in a semester.</summary>
    public const int BandFrom = 30;

    public const int BandTo = 80;

    /// <summary>Semesters in the trend, the chosen one included.</summary>
    public const int TrendSemesters = 6;

    private sealed record InstitutionRow(Guid Id, string RegencyCode, string VillageCode, InstitutionStatus Status);

    /// <summary>
    /// The figures of <paramref name="semester"/>. <paramref name="regencyFilter"/> narrows a province-wide user to
    /// one kabupaten/kota; others' own area applies whatever it says (the caller refuses a filter out of scope).
    /// </summary>
    public async Task<DashboardFigures> LoadAsync(Semester semester, string? regencyFilter, CancellationToken cancellationToken)
    {
        var scope = db.CurrentUser.Scope;
        var hidden = !scope.SeesPeople;
        var institutionId = scope.InstitutionId;
        var regency = institutionId is null ? scope.RegencyCode ?? regencyFilter : null;
        var catalog = RegionCatalog.Instance;
        var served = new ServedFiguresQuery(db);

        var result = await served.LoadAsync(semester, regency, institutionId, cancellationToken);
        var first = semester;
        for (var i = 1; i < TrendSemesters; i++)
        {
            first = first.Previous;
        }
        // The chosen semester's people are LoadAsync's; the earlier ones are counted the same way in one query (the
        // tests hold the two counts equal).
        var perSemester = new Dictionary<Semester, int>(
            await served.PeopleServedPerSemesterAsync(first, semester.Previous, regency, institutionId, cancellationToken))
        {
            [semester] = result.Total.PeopleServed,
        };
        var provinceWide = scope.InstitutionId is null && scope.RegencyCode is null;
        // With a kabupaten chosen, the side-by-side table still shows all of them: counted for it alone.
        var perRegency = provinceWide && regency is not null ? await served.PerRegencyAsync(semester, null, cancellationToken) : null;

        var institutions = db.Institutions.AsNoTracking();
        if (institutionId is { } own)
        {
            institutions = institutions.Where(i => i.Id == own);
        }
        else if (!provinceWide || regency is not null)
        {
            institutions = institutions.Where(i => i.RegencyCode == regency);
        }
        var known = await institutions.Select(i => new InstitutionRow(i.Id, i.RegencyCode, i.VillageCode, i.Status)).ToListAsync(cancellationToken);
        // Counted: the active WKSBM of the area, and any other that served someone this semester.
        var counted = known.Where(i => i.Status == InstitutionStatus.Aktif || result.Of(i.Id).PeopleServed > 0).ToList();
        var activeIn = (Func<InstitutionRow, string> key) => counted.GroupBy(key).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var activeByRegency = activeIn(i => i.RegencyCode);
        var activeByDistrict = activeIn(i => i.VillageCode[..8]);

        int? Count(int value) => AggregateCount.IsHidden(value, hidden) ? null : value;
        var total = result.Total;
        var areaName = institutionId is not null
            ? await db.Institutions.Where(i => i.Id == institutionId).Select(i => i.Name).SingleOrDefaultAsync(cancellationToken) ?? "WKSBM"
            : regency is not null ? catalog.RegencyName(regency) : "Seluruh DIY";

        var trend = new List<DashboardTrendPoint>();
        for (var (s, i) = (first, 0); i < TrendSemesters; s = s.Next, i++)
        {
            trend.Add(new DashboardTrendPoint(s.ToString(), s.Name, Count(perSemester.GetValueOrDefault(s))));
        }

        var categoryNames = PpksCategory.All.ToDictionary(c => c.Slug, c => c.Name, StringComparer.Ordinal);
        var byCategory = total.PeopleByCategory.Where(c => c.Value > 0)
            .OrderByDescending(c => c.Value).ThenBy(c => PpksCategory.All.First(p => p.Slug == c.Key).Id)
            .Select(c => new DashboardPeople(c.Key, categoryNames.GetValueOrDefault(c.Key, c.Key), Count(c.Value))).ToList();
        var bySex = Enum.GetValues<Sex>()
            .Select(s => new DashboardPeople(Slug.Of(s), s == Sex.LakiLaki ? "Laki-laki" : "Perempuan", Count(total.PeopleBySex.GetValueOrDefault(s)))).ToList();
        var byAge = BeneficiaryQuery.AgeGroups
            .Select(g => new DashboardPeople(g.Code, g.Label, Count(total.PeopleByAgeGroup.GetValueOrDefault(g.Group)))).ToList();
        var byKind = Enum.GetValues<ServiceKind>().Select(k => (Code: Slug.Of(k), Name: DistributionText.KindName(k), Value: total.ByKind.GetValueOrDefault(k)))
            .Select(k => new DashboardMoney(k.Code, k.Name, Count(k.Value.Services), k.Value.Rupiah)).ToList();
        var byFunding = Enum.GetValues<FundingSource>().Select(f => (Code: Slug.Of(f), Name: DistributionText.FundingName(f), Value: total.ByFunding.GetValueOrDefault(f)))
            .Where(f => f.Value.Services > 0)
            .OrderByDescending(f => f.Value.Rupiah)
            .Select(f => new DashboardMoney(f.Code, f.Name, Count(f.Value.Services), f.Value.Rupiah)).ToList();

        // Per kabupaten/kota and per kapanewon: the people from the served pairs of the result (a person served by two
        // WKSBM of one area is one person there), services and rupiah summed from its WKSBM.
        var regencyOf = known.ToDictionary(i => i.Id, i => i.RegencyCode);
        var districtOf = known.ToDictionary(i => i.Id, i => i.VillageCode[..8]);
        var regencyFigures = (perRegency ?? AreasOf(result, id => regencyOf.GetValueOrDefault(id, "")))
            .ToDictionary(r => r.Code, StringComparer.Ordinal);
        var regencies = provinceWide
            ? catalog.Regencies.Select(r => regencyFigures.GetValueOrDefault(r.Code) is { } f
                    ? new DashboardArea(r.Code, r.ShortName, Count(f.PeopleServed), Count(f.Services), f.Rupiah, activeByRegency.GetValueOrDefault(r.Code))
                    : new DashboardArea(r.Code, r.ShortName, 0, 0, 0, activeByRegency.GetValueOrDefault(r.Code)))
                .ToList()
            : [];

        var band = counted.GroupBy(i => i.RegencyCode).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => BandOf(g.Key, catalog.Find(g.Key)?.ShortName ?? g.Key, g, result)).ToList();
        if (band.Count > 1)
        {
            band.Add(BandOf(RegionCatalog.ProvinceCode, "Jumlah", counted, result));
        }

        var districtFigures = AreasOf(result, id => districtOf.GetValueOrDefault(id, "")).ToDictionary(d => d.Code, StringComparer.Ordinal);
        var districtCodes = institutionId is not null
            ? districtFigures.Keys.Concat(counted.Select(i => i.VillageCode[..8]))
            : catalog.AllDiy.Where(r => r.Level == RegionLevel.Kecamatan && (regency is null || r.ParentCode == regency)).Select(r => r.Code);
        var districts = districtCodes.Distinct().Order(StringComparer.Ordinal)
            .Select(code => (Code: code, Figures: districtFigures.GetValueOrDefault(code)))
            .Select(d => new DashboardArea(d.Code, catalog.Find(d.Code)?.Name ?? d.Code,
                Count(d.Figures?.PeopleServed ?? 0), Count(d.Figures?.Services ?? 0), d.Figures?.Rupiah ?? 0, activeByDistrict.GetValueOrDefault(d.Code)))
            .ToList();

        return new DashboardFigures(
            semester.ToString(), semester.Name, regency, institutionId, areaName, hidden, AggregateCount.SmallestShown,
            new DashboardTotals(Count(total.PeopleServed), Count(total.Total.Services), total.Total.Rupiah, total.RupiahPerPerson,
                total.Activities, Count(total.ActiveVolunteers), counted.Count),
            trend, byCategory, bySex, byAge, byKind, byFunding, regencies, band, districts);
    }

    private static List<ServedFiguresQuery.AreaFigures> AreasOf(ServedFiguresQuery.Result result, Func<Guid, string> areaOf)
    {
        var people = result.PeopleServedBy(areaOf);
        return [.. result.PerInstitution.GroupBy(i => areaOf(i.Key), StringComparer.Ordinal)
            .Select(a => new ServedFiguresQuery.AreaFigures(a.Key, people.GetValueOrDefault(a.Key),
                a.Sum(i => i.Value.Total.Services), a.Sum(i => i.Value.Total.Rupiah)))];
    }

    private static DashboardBand BandOf(string code, string name, IEnumerable<InstitutionRow> institutions, ServedFiguresQuery.Result result)
    {
        var (below, inside, above) = (0, 0, 0);
        foreach (var institution in institutions)
        {
            var people = result.Of(institution.Id).PeopleServed;
            if (people < BandFrom)
            {
                below++;
            }
            else if (people <= BandTo)
            {
                inside++;
            }
            else
            {
                above++;
            }
        }
        return new DashboardBand(code, name, below, inside, above);
    }
}
