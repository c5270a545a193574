using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Reports;

/// <summary>
/// Reads what WKSBM did in a semester (<see cref="InstitutionSemesterFigures"/>) and the facts of the people they
/// served, for <see cref="ServedFiguresQuery"/>: from <see cref="ServedFiguresCache"/> where kept, else from the
/// database in one set of grouped queries for all the WKSBM missing, then kept. These queries count every service of
/// the WKSBM asked for; which WKSBM a user may count is decided by the caller. Only the named scope filters are
/// lifted: deleted services and merged people stay out.
/// </summary>
internal sealed class PartsLoader(WahanaDbContext db)
{
    /// <summary>Up to this many WKSBM are read by id; more, the semester's services of every WKSBM are read.</summary>
    private const int ReadByIdUpTo = 100;

    /// <summary>Up to this many people's facts are read by id; more, through the services.</summary>
    private const int FactsByIdUpTo = 5000;

    private const int IdsPerQuery = 500;

    private sealed record TotalRow(Guid InstitutionId, ServiceKind Kind, ServiceForm Form, FundingSource Funding, int Services, long Rupiah);

    private sealed record Pair(Guid InstitutionId, Guid Id);

    private sealed record ReferralCount(Guid InstitutionId, ReferralStatus Status, int Count);

    private sealed record InstitutionCount(Guid InstitutionId, int Count);

    private sealed record Person(Guid Id, Sex Sex, DateOnly BirthDate);

    private sealed record Membership(Guid BeneficiaryId, int CategoryId);

    private ServedFiguresCache Cache => db.FiguresCache;

    public async Task<Dictionary<Guid, InstitutionSemesterFigures>> PartsAsync(
        Semester semester, IReadOnlyList<Guid> institutionIds, CancellationToken cancellationToken)
    {
        var parts = new Dictionary<Guid, InstitutionSemesterFigures>(institutionIds.Count);
        var missing = new List<Guid>();
        foreach (var id in institutionIds)
        {
            if (Cache.TryGet(semester, id, out var part))
            {
                parts[id] = part;
            }
            else
            {
                missing.Add(id);
            }
        }
        if (missing.Count > 0)
        {
            var stamp = Cache.Stamp();
            var loaded = await LoadAsync(semester, missing, cancellationToken);
            foreach (var id in missing)
            {
                var part = loaded.GetValueOrDefault(id) ?? InstitutionSemesterFigures.Empty;
                parts[id] = part;
                Cache.Keep(stamp, semester, id, part);
            }
        }
        return parts;
    }

    /// <summary>The sex, birth date and categories of these people, counted, never shown.</summary>
    public async Task<IReadOnlyDictionary<Guid, ServedPersonFacts>> FactsAsync(IReadOnlySet<Guid> people, CancellationToken cancellationToken)
    {
        var facts = new Dictionary<Guid, ServedPersonFacts>(people.Count);
        var missing = new List<Guid>();
        foreach (var id in people)
        {
            if (Cache.TryGetPerson(id, out var person))
            {
                facts[id] = person;
            }
            else
            {
                missing.Add(id);
            }
        }
        if (missing.Count == 0)
        {
            return facts;
        }
        var stamp = Cache.Stamp();
        var registry = db.Beneficiaries.IgnoreQueryFilters([WahanaDbContext.ScopeFilter, WahanaDbContext.MergedFilter]);
        var memberships = db.BeneficiaryCategories.IgnoreQueryFilters([WahanaDbContext.ScopeFilter]);
        var rows = new List<Person>(missing.Count);
        var categories = new List<Membership>(missing.Count * 2);
        if (missing.Count <= FactsByIdUpTo)
        {
            foreach (var chunk in missing.Chunk(IdsPerQuery))
            {
                rows.AddRange(await registry.Where(b => chunk.Contains(b.Id))
                    .Select(b => new Person(b.Id, b.Sex, b.BirthDate)).ToListAsync(cancellationToken));
                categories.AddRange(await memberships.Where(c => chunk.Contains(c.BeneficiaryId))
                    .Select(c => new Membership(c.BeneficiaryId, c.CategoryId)).ToListAsync(cancellationToken));
            }
        }
        else
        {
            // Many people: read the registry's facts in one pass each (cheaper than thousands of id lists), keep those served.
            rows.AddRange(await registry.Select(b => new Person(b.Id, b.Sex, b.BirthDate)).ToListAsync(cancellationToken));
            categories.AddRange(await memberships.Select(c => new Membership(c.BeneficiaryId, c.CategoryId)).ToListAsync(cancellationToken));
        }
        var categoriesOf = categories.ToLookup(c => c.BeneficiaryId, c => c.CategoryId);
        foreach (var row in rows.Where(r => people.Contains(r.Id)))
        {
            var person = new ServedPersonFacts(row.Sex, row.BirthDate, [.. categoriesOf[row.Id]]);
            Cache.KeepPerson(stamp, row.Id, person);
            facts[row.Id] = person;
        }
        return facts;
    }

    private async Task<Dictionary<Guid, InstitutionSemesterFigures>> LoadAsync(
        Semester semester, List<Guid> institutionIds, CancellationToken cancellationToken)
    {
        var (start, end) = (semester.Start, semester.End);
        var inSemester = db.Services.IgnoreQueryFilters([WahanaDbContext.ScopeFilter]).Where(s => s.Date >= start && s.Date <= end);
        var byId = institutionIds.Count <= ReadByIdUpTo;
        var services = byId ? inSemester.Where(s => institutionIds.Contains(s.InstitutionId)) : inSemester;

        var totals = await services
            .GroupBy(s => new { s.InstitutionId, s.Kind, s.Form, s.FundingSource })
            .Select(g => new TotalRow(g.Key.InstitutionId, g.Key.Kind, g.Key.Form, g.Key.FundingSource, g.Count(), g.Sum(s => s.ValueRupiah)))
            .ToListAsync(cancellationToken);
        var served = await services.Select(s => new Pair(s.InstitutionId, s.BeneficiaryId)).Distinct().ToListAsync(cancellationToken);
        var activities = await services.Where(s => s.DistributionId != null)
            .Select(s => new Pair(s.InstitutionId, s.DistributionId!.Value)).Distinct().ToListAsync(cancellationToken);
        var volunteers = await db.ServiceVolunteers.IgnoreQueryFilters([WahanaDbContext.ScopeFilter])
            .Join(services, v => v.ServiceId, s => s.Id, (v, s) => new Pair(s.InstitutionId, v.VolunteerId))
            .Distinct().ToListAsync(cancellationToken);

        // A query of referrals alone: lifting all their filters lifts nothing else.
        var referralRows = db.Referrals.IgnoreQueryFilters().Where(r => r.SentOn >= start && r.SentOn <= end);
        var referrals = await (byId ? referralRows.Where(r => institutionIds.Contains(r.InstitutionId)) : referralRows)
            .GroupBy(r => new { r.InstitutionId, r.Status })
            .Select(g => new ReferralCount(g.Key.InstitutionId, g.Key.Status, g.Count()))
            .ToListAsync(cancellationToken);

        // Active people at home in these WKSBM, registered by the semester's end, with no service in it from anyone.
        var people = db.Beneficiaries.IgnoreQueryFilters([WahanaDbContext.ScopeFilter])
            .Where(b => b.Status == BeneficiaryStatus.Aktif && b.RegisteredOn <= end);
        var notServed = await (byId ? people.Where(b => institutionIds.Contains(b.InstitutionId)) : people)
            .Where(b => !inSemester.Any(s => s.BeneficiaryId == b.Id))
            .GroupBy(b => b.InstitutionId)
            .Select(g => new InstitutionCount(g.Key, g.Count()))
            .ToListAsync(cancellationToken);

        var totalsBy = totals.ToLookup(t => t.InstitutionId);
        var servedBy = served.ToLookup(p => p.InstitutionId, p => p.Id);
        var activitiesBy = activities.ToLookup(a => a.InstitutionId);
        var volunteersBy = volunteers.ToLookup(v => v.InstitutionId, v => v.Id);
        var referralsBy = referrals.ToLookup(r => r.InstitutionId);
        var notServedBy = notServed.ToDictionary(n => n.InstitutionId, n => n.Count);
        var ids = totalsBy.Select(g => g.Key).Concat(referralsBy.Select(g => g.Key)).Concat(notServedBy.Keys).Distinct();
        return ids.ToDictionary(id => id, id => new InstitutionSemesterFigures
        {
            Totals = [.. totalsBy[id].Select(t => new ServiceTotalRow(t.Kind, t.Form, t.Funding, t.Services, t.Rupiah))],
            People = servedBy[id].ToHashSet(),
            Activities = activitiesBy[id].Count(),
            Volunteers = volunteersBy[id].ToHashSet(),
            Referrals = referralsBy[id].GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Sum(r => r.Count)),
            NotServed = notServedBy.GetValueOrDefault(id),
        });
    }
}
