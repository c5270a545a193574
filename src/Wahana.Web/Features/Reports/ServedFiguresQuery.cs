using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Features.Beneficiaries;

namespace Wahana.Web.Features.Reports;

/// <summary>
/// Compiles <see cref="ServedFigures"/> for one semester, per WKSBM and in total, within the user's scope (forum and
/// partners: everything, as aggregates; the pages hide their small counts). The totals are counted, not summed
/// from the WKSBM: a person served by two WKSBM is one person in a kabupaten's total. The database groups and
/// counts the services; the people's sex, age and categories are read once per person served and counted here.
/// </summary>
public sealed class ServedFiguresQuery(WahanaDbContext db)
{
    /// <summary>Up to this many people served, their details are read by id; more, by a join with the services.</summary>
    private const int ReadByIdUpTo = 5000;

    private const int IdsPerQuery = 500;

    public sealed record Result(ServedFigures Total, IReadOnlyDictionary<Guid, ServedFigures> PerInstitution)
    {
        public ServedFigures Of(Guid institutionId) => PerInstitution.GetValueOrDefault(institutionId) ?? ServedFigures.Empty;

        /// <summary>The people served, by the WKSBM that served them (the pairs <see cref="ServedFigures.PeopleServed"/> counts).</summary>
        internal ILookup<Guid, Guid> ServedPeople { get; init; } = Enumerable.Empty<Guid>().ToLookup(g => g);

        /// <summary>
        /// Distinct people served per area, the WKSBM grouped by <paramref name="areaOf"/> (their kabupaten/kota, their
        /// kapanewon): counted from the same pairs as <see cref="ServedFigures.PeopleServed"/>, so a person served by
        /// two WKSBM of one area is one person there.
        /// </summary>
        public IReadOnlyDictionary<string, int> PeopleServedBy(Func<Guid, string> areaOf) =>
            ServedPeople.GroupBy(g => areaOf(g.Key), StringComparer.Ordinal)
                .ToDictionary(a => a.Key, a => a.SelectMany(g => g).Distinct().Count(), StringComparer.Ordinal);
    }

    private sealed record TotalRow(Guid InstitutionId, ServiceKind Kind, ServiceForm Form, FundingSource Funding, int Services, long Rupiah);

    private sealed record Pair(Guid InstitutionId, Guid Id);

    private sealed record Person(Guid Id, Sex Sex, DateOnly BirthDate);

    private sealed record Membership(Guid BeneficiaryId, int CategoryId);

    private sealed record ReferralCount(Guid InstitutionId, ReferralStatus Status, int Count);

    private sealed record InstitutionCount(Guid InstitutionId, int Count);

    /// <summary>
    /// The figures of the semester: of one WKSBM (<paramref name="institutionId"/>), of one kabupaten/kota
    /// (<paramref name="regencyCode"/>), or of everything the user sees (both null).
    /// </summary>
    public async Task<Result> LoadAsync(Semester semester, string? regencyCode, Guid? institutionId, CancellationToken cancellationToken)
    {
        var (start, end) = (semester.Start, semester.End);
        var inSemester = db.ServicesToCount.Where(s => s.Date >= start && s.Date <= end);
        var services = Within(inSemester, regencyCode, institutionId);

        var totals = await services
            .GroupBy(s => new { s.InstitutionId, s.Kind, s.Form, s.FundingSource })
            .Select(g => new TotalRow(g.Key.InstitutionId, g.Key.Kind, g.Key.Form, g.Key.FundingSource, g.Count(), g.Sum(s => s.ValueRupiah)))
            .ToListAsync(cancellationToken);
        var served = await services.Select(s => new Pair(s.InstitutionId, s.BeneficiaryId)).Distinct().ToListAsync(cancellationToken);
        var activities = await services.Where(s => s.DistributionId != null)
            .Select(s => new Pair(s.InstitutionId, s.DistributionId!.Value)).Distinct().ToListAsync(cancellationToken);
        var volunteers = await db.ServiceVolunteersToCount
            .Join(services, v => v.ServiceId, s => s.Id, (v, s) => new Pair(s.InstitutionId, v.VolunteerId))
            .Distinct().ToListAsync(cancellationToken);
        var (people, categories) = await PeopleAsync(served, services, cancellationToken);
        var referrals = await ReferralsAsync(start, end, regencyCode, institutionId, cancellationToken);
        var notServed = await NotServedAsync(inSemester, end, regencyCode, institutionId, cancellationToken);

        var day = end;
        var servedBy = served.ToLookup(p => p.InstitutionId, p => p.Id);
        var totalsBy = totals.ToLookup(t => t.InstitutionId);
        var activitiesBy = activities.ToLookup(a => a.InstitutionId);
        var volunteersBy = volunteers.ToLookup(v => v.InstitutionId, v => v.Id);
        var referralsBy = referrals.ToLookup(r => r.InstitutionId);
        var notServedBy = notServed.ToDictionary(n => n.InstitutionId, n => n.Count);
        var perInstitution = servedBy.Select(g => g.Key)
            .Concat(totalsBy.Select(g => g.Key))
            .Concat(referralsBy.Select(g => g.Key))
            .Concat(notServedBy.Keys)
            .Distinct()
            .ToDictionary(id => id, id => Compile(
                [.. servedBy[id].Distinct()], [.. totalsBy[id]], activitiesBy[id].Count(), volunteersBy[id].Distinct().Count(),
                [.. referralsBy[id]], notServedBy.GetValueOrDefault(id), people, categories, day));
        var total = Compile(
            [.. served.Select(p => p.Id).Distinct()], totals, activities.Count,
            volunteers.Select(v => v.Id).Distinct().Count(), referrals, notServed.Sum(n => n.Count), people, categories, day);
        return new Result(total, perInstitution) { ServedPeople = servedBy };
    }

    private static ServedFigures Compile(
        List<Guid> servedIds, List<TotalRow> totals, int activities, int volunteers, List<ReferralCount> referrals, int notServed,
        Dictionary<Guid, Person> people, ILookup<Guid, int> categories, DateOnly day)
    {
        var slugs = PpksCategory.All.ToDictionary(c => c.Id, c => c.Slug);
        var byCategory = new Dictionary<string, int>(StringComparer.Ordinal);
        var bySex = new Dictionary<Sex, int>();
        var byAge = new Dictionary<AgeGroup, int>();
        foreach (var id in servedIds)
        {
            foreach (var category in categories[id])
            {
                if (slugs.TryGetValue(category, out var slug))
                {
                    byCategory[slug] = byCategory.GetValueOrDefault(slug) + 1;
                }
            }
            if (people.TryGetValue(id, out var person))
            {
                bySex[person.Sex] = bySex.GetValueOrDefault(person.Sex) + 1;
                var group = ServedFigures.AgeGroupOn(person.BirthDate, day);
                byAge[group] = byAge.GetValueOrDefault(group) + 1;
            }
        }
        return new ServedFigures
        {
            PeopleServed = servedIds.Count,
            PeopleByCategory = byCategory,
            PeopleBySex = bySex,
            PeopleByAgeGroup = byAge,
            Total = new ServiceTotal(totals.Sum(t => t.Services), totals.Sum(t => t.Rupiah)),
            ByKind = Sum(totals, t => t.Kind),
            ByForm = Sum(totals, t => t.Form),
            ByFunding = Sum(totals, t => t.Funding),
            Activities = activities,
            ActiveVolunteers = volunteers,
            ReferralsByStatus = referrals.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Sum(r => r.Count)),
            NotServed = notServed,
        };
    }

    private static Dictionary<TKey, ServiceTotal> Sum<TKey>(IEnumerable<TotalRow> totals, Func<TotalRow, TKey> key) where TKey : notnull =>
        totals.GroupBy(key).ToDictionary(g => g.Key, g => new ServiceTotal(g.Sum(t => t.Services), g.Sum(t => t.Rupiah)));

    /// <summary>
    /// Sex, birth date and categories of the people served. Read by id when they are few (a WKSBM's report); else
    /// through the services (a kabupaten, the province), where the people filter applies as for any list.
    /// </summary>
    private async Task<(Dictionary<Guid, Person> People, ILookup<Guid, int> Categories)> PeopleAsync(
        List<Pair> served, IQueryable<Service> services, CancellationToken cancellationToken)
    {
        var ids = served.Select(p => p.Id).Distinct().ToList();
        var people = new List<Person>(ids.Count);
        var memberships = new List<Membership>(ids.Count * 2);
        if (ids.Count <= ReadByIdUpTo)
        {
            // The details are counted, never shown: any person served by a service in scope is counted, wherever
            // their record is kept. Only the people filter is lifted, and only in these queries of people alone.
            var registry = db.Beneficiaries.IgnoreQueryFilters([WahanaDbContext.ScopeFilter, WahanaDbContext.MergedFilter]);
            var categoryRows = db.BeneficiaryCategories.IgnoreQueryFilters([WahanaDbContext.ScopeFilter]);
            foreach (var chunk in ids.Chunk(IdsPerQuery))
            {
                people.AddRange(await registry.Where(b => chunk.Contains(b.Id))
                    .Select(b => new Person(b.Id, b.Sex, b.BirthDate)).ToListAsync(cancellationToken));
                memberships.AddRange(await categoryRows.Where(c => chunk.Contains(c.BeneficiaryId))
                    .Select(c => new Membership(c.BeneficiaryId, c.CategoryId)).ToListAsync(cancellationToken));
            }
        }
        else
        {
            people.AddRange(await db.BeneficiariesToCount.Where(b => services.Any(s => s.BeneficiaryId == b.Id))
                .Select(b => new Person(b.Id, b.Sex, b.BirthDate)).ToListAsync(cancellationToken));
            memberships.AddRange(await db.BeneficiaryCategoriesToCount.Where(c => services.Any(s => s.BeneficiaryId == c.BeneficiaryId))
                .Select(c => new Membership(c.BeneficiaryId, c.CategoryId)).ToListAsync(cancellationToken));
        }
        return (people.ToDictionary(p => p.Id), memberships.ToLookup(m => m.BeneficiaryId, m => m.CategoryId));
    }

    /// <summary>Referrals sent in the semester by their status now (numbers only; the forum sees them as aggregates).</summary>
    private async Task<List<ReferralCount>> ReferralsAsync(
        DateOnly start, DateOnly end, string? regencyCode, Guid? institutionId, CancellationToken cancellationToken)
    {
        // A query of referrals alone: lifting their filter for the forum's aggregates lifts nothing else.
        var referrals = (db.CurrentUser.Scope.SeesPeople ? db.Referrals : db.Referrals.IgnoreQueryFilters())
            .Where(r => r.SentOn >= start && r.SentOn <= end);
        if (institutionId is { } institution)
        {
            referrals = referrals.Where(r => r.InstitutionId == institution);
        }
        else if (regencyCode is { } regency)
        {
            referrals = referrals.Where(r => r.RegencyCode == regency);
        }
        else if (db.CurrentUser.Scope.InstitutionId is { } own)
        {
            // A WKSBM also sees referrals sent to it; its figures are those it sent.
            referrals = referrals.Where(r => r.InstitutionId == own);
        }
        else if (db.CurrentUser.Scope.RegencyCode is { } district)
        {
            referrals = referrals.Where(r => r.RegencyCode == district);
        }
        return await referrals.GroupBy(r => new { r.InstitutionId, r.Status })
            .Select(g => new ReferralCount(g.Key.InstitutionId, g.Key.Status, g.Count()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Active people registered by the semester's end, at home in these WKSBM, with no service in the semester.</summary>
    private async Task<List<InstitutionCount>> NotServedAsync(
        IQueryable<Service> inSemester, DateOnly end, string? regencyCode, Guid? institutionId, CancellationToken cancellationToken)
    {
        var people = db.BeneficiariesToCount.Where(b => b.Status == BeneficiaryStatus.Aktif && b.RegisteredOn <= end);
        if (institutionId is { } institution)
        {
            people = people.Where(b => b.InstitutionId == institution);
        }
        else if (regencyCode is { } regency)
        {
            people = people.Where(b => b.RegencyCode == regency);
        }
        return await people.Where(b => !inSemester.Any(s => s.BeneficiaryId == b.Id))
            .GroupBy(b => b.InstitutionId)
            .Select(g => new InstitutionCount(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The services of one WKSBM, of one kabupaten/kota, or all of them (both null): what every figure here counts.</summary>
    private static IQueryable<Service> Within(IQueryable<Service> services, string? regencyCode, Guid? institutionId)
    {
        if (institutionId is { } institution)
        {
            return services.Where(s => s.InstitutionId == institution);
        }
        return regencyCode is { } regency ? services.Where(s => s.RegencyCode == regency) : services;
    }

    /// <summary>People served, services and rupiah of one area (a kabupaten/kota, a kapanewon) in a semester.</summary>
    public sealed record AreaFigures(string Code, int PeopleServed, int Services, long Rupiah);

    /// <summary>
    /// <see cref="ServedFigures.PeopleServed"/> of each semester from <paramref name="from"/> to <paramref name="to"/>,
    /// counted as <see cref="LoadAsync"/> counts it (distinct people of the same services), one count per semester
    /// (a range of the figures index each; cheaper than grouping the whole span by a date function): the trend.
    /// </summary>
    public async Task<IReadOnlyDictionary<Semester, int>> PeopleServedPerSemesterAsync(
        Semester from, Semester to, string? regencyCode, Guid? institutionId, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<Semester, int>();
        for (var semester = from; semester.Start <= to.Start; semester = semester.Next)
        {
            var (start, end) = (semester.Start, semester.End);
            counts[semester] = await Within(db.ServicesToCount.Where(s => s.Date >= start && s.Date <= end), regencyCode, institutionId)
                .Select(s => s.BeneficiaryId).Distinct().CountAsync(cancellationToken);
        }
        return counts;
    }

    /// <summary>
    /// The semester's figures per kabupaten/kota (of the WKSBM that gave the services), all in the user's scope or
    /// one: distinct people per kabupaten (a person served in two counts in both), services, rupiah.
    /// </summary>
    public async Task<IReadOnlyList<AreaFigures>> PerRegencyAsync(Semester semester, string? regencyCode, CancellationToken cancellationToken)
    {
        var (start, end) = (semester.Start, semester.End);
        var services = Within(db.ServicesToCount.Where(s => s.Date >= start && s.Date <= end), regencyCode, null);
        return await services
            .GroupBy(s => s.RegencyCode)
            .Select(g => new AreaFigures(g.Key, g.Select(s => s.BeneficiaryId).Distinct().Count(), g.Count(), g.Sum(s => s.ValueRupiah)))
            .ToListAsync(cancellationToken);
    }
}
