using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Features.Beneficiaries;

namespace Wahana.Web.Features.Reports;

/// <summary>
/// Compiles <see cref="ServedFigures"/> for one semester, per WKSBM and in total, within the user's scope (forum and
/// partners: everything, as aggregates; the pages hide their small counts). The totals are counted, not summed
/// from the WKSBM: a person served by two WKSBM is one person in a kabupaten's total. Each WKSBM's semester is read
/// from the database once (<see cref="PartsLoader"/>) and kept in <see cref="ServedFiguresCache"/> until a save
/// touches it; the figures of an area are composed from those parts here, on every request.
/// </summary>
public sealed class ServedFiguresQuery(WahanaDbContext db)
{
    public sealed record Result(ServedFigures Total, IReadOnlyDictionary<Guid, ServedFigures> PerInstitution)
    {
        public ServedFigures Of(Guid institutionId) => PerInstitution.GetValueOrDefault(institutionId) ?? ServedFigures.Empty;

        /// <summary>The people served, by the WKSBM that served them (the pairs <see cref="ServedFigures.PeopleServed"/> counts).</summary>
        internal IReadOnlyDictionary<Guid, InstitutionSemesterFigures> Parts { get; init; } = new Dictionary<Guid, InstitutionSemesterFigures>();

        /// <summary>
        /// Distinct people served per area, the WKSBM grouped by <paramref name="areaOf"/> (their kabupaten/kota, their
        /// kapanewon): counted from the same pairs as <see cref="ServedFigures.PeopleServed"/>, so a person served by
        /// two WKSBM of one area is one person there.
        /// </summary>
        public IReadOnlyDictionary<string, int> PeopleServedBy(Func<Guid, string> areaOf) =>
            Parts.Where(p => p.Value.People.Count > 0).GroupBy(p => areaOf(p.Key), StringComparer.Ordinal)
                .ToDictionary(a => a.Key, a => a.Count() == 1 ? a.First().Value.People.Count : a.SelectMany(p => p.Value.People).Distinct().Count(),
                    StringComparer.Ordinal);
    }

    /// <summary>People served, services and rupiah of one area (a kabupaten/kota, a kapanewon) in a semester.</summary>
    public sealed record AreaFigures(string Code, int PeopleServed, int Services, long Rupiah);

    private sealed record AreaInstitution(Guid Id, string RegencyCode);

    private readonly PartsLoader _loader = new(db);

    /// <summary>
    /// The figures of the semester: of one WKSBM (<paramref name="institutionId"/>), of one kabupaten/kota
    /// (<paramref name="regencyCode"/>), or of everything the user sees (both null).
    /// </summary>
    public async Task<Result> LoadAsync(Semester semester, string? regencyCode, Guid? institutionId, CancellationToken cancellationToken)
    {
        var area = await AreaAsync(regencyCode, institutionId, cancellationToken);
        var parts = await _loader.PartsAsync(semester, [.. area.Select(i => i.Id)], cancellationToken);
        var key = AreaKey(area);
        if (db.FiguresCache.TryGetComposed(semester, key, parts, out Result kept))
        {
            return kept;
        }
        var people = new HashSet<Guid>(parts.Values.SelectMany(p => p.People));
        var facts = await _loader.FactsAsync(people, cancellationToken);
        var day = semester.End;
        // A part's own figures never change (a change makes a new part): compiled once, kept with it.
        var perInstitution = parts.Where(p => !IsEmpty(p.Value))
            .ToDictionary(p => p.Key, p => (ServedFigures)(p.Value.Compiled ??= Compile([p.Value], p.Value.People, facts, day)));
        var total = parts.Count == 1 && perInstitution.Count == 1 ? perInstitution.Values.First() : Compile([.. parts.Values], people, facts, day);
        var result = new Result(total, perInstitution) { Parts = parts };
        db.FiguresCache.KeepComposed(semester, key, parts, result);
        return result;
    }

    /// <summary>Names an area by its WKSBM, for the composed figures kept (<see cref="ServedFiguresCache.TryGetComposed"/>).</summary>
    private static string AreaKey(List<AreaInstitution> area) => string.Join(',', area.Select(i => i.Id).Order());

    private sealed record PeopleCount(int Value);

    /// <summary>
    /// <see cref="ServedFigures.PeopleServed"/> of each semester from <paramref name="from"/> to <paramref name="to"/>,
    /// counted as <see cref="LoadAsync"/> counts it: the trend.
    /// </summary>
    public async Task<IReadOnlyDictionary<Semester, int>> PeopleServedPerSemesterAsync(
        Semester from, Semester to, string? regencyCode, Guid? institutionId, CancellationToken cancellationToken)
    {
        var area = await AreaAsync(regencyCode, institutionId, cancellationToken);
        var ids = area.Select(i => i.Id).ToList();
        var key = "people:" + AreaKey(area);
        var counts = new Dictionary<Semester, int>();
        for (var semester = from; semester.Start <= to.Start; semester = semester.Next)
        {
            var parts = await _loader.PartsAsync(semester, ids, cancellationToken);
            if (!db.FiguresCache.TryGetComposed(semester, key, parts, out PeopleCount count))
            {
                count = new PeopleCount(parts.Values.SelectMany(p => p.People).Distinct().Count());
                db.FiguresCache.KeepComposed(semester, key, parts, count);
            }
            counts[semester] = count.Value;
        }
        return counts;
    }

    /// <summary>
    /// The semester's figures per kabupaten/kota (of the WKSBM that gave the services), all in the user's scope or
    /// one: distinct people per kabupaten (a person served in two counts in both), services, rupiah.
    /// </summary>
    public async Task<IReadOnlyList<AreaFigures>> PerRegencyAsync(Semester semester, string? regencyCode, CancellationToken cancellationToken)
    {
        var area = await AreaAsync(regencyCode, null, cancellationToken);
        var parts = await _loader.PartsAsync(semester, [.. area.Select(i => i.Id)], cancellationToken);
        return [.. area.Where(i => !IsEmpty(parts[i.Id])).GroupBy(i => i.RegencyCode, StringComparer.Ordinal)
            .Select(r => new AreaFigures(r.Key,
                r.SelectMany(i => parts[i.Id].People).Distinct().Count(),
                r.Sum(i => parts[i.Id].Totals.Sum(t => t.Services)),
                r.Sum(i => parts[i.Id].Totals.Sum(t => t.Rupiah))))];
    }

    /// <summary>
    /// The WKSBM whose services are counted: the one asked for, or those of the kabupaten/kota asked for, or all;
    /// within the people scope of the user (a district office its kabupaten/kota, a WKSBM itself), except for the
    /// province and for the forum and partners, who count everything (as <see cref="WahanaDbContext.ServicesToCount"/>).
    /// </summary>
    private async Task<List<AreaInstitution>> AreaAsync(string? regencyCode, Guid? institutionId, CancellationToken cancellationToken)
    {
        var scope = db.CurrentUser.Scope;
        var institutions = db.Institutions.IgnoreQueryFilters().AsNoTracking();
        if (institutionId is { } institution)
        {
            institutions = institutions.Where(i => i.Id == institution);
        }
        else if (regencyCode is { } regency)
        {
            institutions = institutions.Where(i => i.RegencyCode == regency);
        }
        if (!scope.AllPeople && !db.CountsEverything)
        {
            if (scope.RegencyCode is { } district)
            {
                institutions = institutions.Where(i => i.RegencyCode == district);
            }
            else if (scope.InstitutionId is { } own)
            {
                institutions = institutions.Where(i => i.Id == own);
            }
            else
            {
                return [];
            }
        }
        return await institutions.Select(i => new AreaInstitution(i.Id, i.RegencyCode)).ToListAsync(cancellationToken);
    }

    private static bool IsEmpty(InstitutionSemesterFigures part) =>
        part.Totals.Count == 0 && part.People.Count == 0 && part.Referrals.Count == 0 && part.NotServed == 0;

    private static ServedFigures Compile(
        List<InstitutionSemesterFigures> parts, IReadOnlySet<Guid> people,
        IReadOnlyDictionary<Guid, ServedPersonFacts> facts, DateOnly day)
    {
        var slugs = PpksCategory.All.ToDictionary(c => c.Id, c => c.Slug);
        var byCategory = new Dictionary<string, int>(StringComparer.Ordinal);
        var bySex = new Dictionary<Sex, int>();
        var byAge = new Dictionary<AgeGroup, int>();
        foreach (var id in people)
        {
            if (!facts.TryGetValue(id, out var person))
            {
                continue;
            }
            foreach (var category in person.CategoryIds)
            {
                if (slugs.TryGetValue(category, out var slug))
                {
                    byCategory[slug] = byCategory.GetValueOrDefault(slug) + 1;
                }
            }
            bySex[person.Sex] = bySex.GetValueOrDefault(person.Sex) + 1;
            var group = ServedFigures.AgeGroupOn(person.BirthDate, day);
            byAge[group] = byAge.GetValueOrDefault(group) + 1;
        }
        var totals = parts.SelectMany(p => p.Totals).ToList();
        return new ServedFigures
        {
            PeopleServed = people.Count,
            PeopleByCategory = byCategory,
            PeopleBySex = bySex,
            PeopleByAgeGroup = byAge,
            Total = new ServiceTotal(totals.Sum(t => t.Services), totals.Sum(t => t.Rupiah)),
            ByKind = Sum(totals, t => t.Kind),
            ByForm = Sum(totals, t => t.Form),
            ByFunding = Sum(totals, t => t.Funding),
            Activities = parts.Sum(p => p.Activities),
            ActiveVolunteers = parts.Count == 1 ? parts[0].Volunteers.Count : parts.SelectMany(p => p.Volunteers).Distinct().Count(),
            ReferralsByStatus = parts.SelectMany(p => p.Referrals).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Sum(r => r.Value)),
            NotServed = parts.Sum(p => p.NotServed),
        };
    }

    private static Dictionary<TKey, ServiceTotal> Sum<TKey>(IEnumerable<ServiceTotalRow> totals, Func<ServiceTotalRow, TKey> key) where TKey : notnull =>
        totals.GroupBy(key).ToDictionary(g => g.Key, g => new ServiceTotal(g.Sum(t => t.Services), g.Sum(t => t.Rupiah)));
}
