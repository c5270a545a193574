using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Institutions;

/// <summary>
/// Beneficiaries by PPKS category and people served per semester of one WKSBM. Users who see no personal
/// records (forum, partners) get the same numbers as aggregates, with counts below 5 hidden.
/// </summary>
public sealed class ProfileFigures
{
    public const int SemestersShown = 4;

    public required bool AggregatesOnly { get; init; }

    public required int Beneficiaries { get; init; }

    public required IReadOnlyList<(string Category, int Count)> ByCategory { get; init; }

    public required IReadOnlyList<(Semester Semester, int Served, long Rupiah)> BySemester { get; init; }

    /// <summary>Group distributions (kegiatan penyaluran) of the current semester, the first of <see cref="BySemester"/>.</summary>
    public int ActivitiesThisSemester { get; init; }

    public string Count(int value) => AggregateCount.Format(value, AggregatesOnly);

    public static async Task<ProfileFigures> LoadAsync(WahanaDbContext db, Guid institutionId, DateOnly today, CancellationToken ct)
    {
        var aggregatesOnly = !db.CurrentUser.Scope.SeesPeople;
        var people = db.BeneficiariesToCount.Where(b => b.InstitutionId == institutionId);
        var services = db.ServicesToCount.Where(s => s.InstitutionId == institutionId);
        var categories = db.BeneficiaryCategoriesToCount
            .Where(c => c.Beneficiary!.InstitutionId == institutionId);

        var byCategory = await categories.GroupBy(c => c.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var names = PpksCategory.All.ToDictionary(c => c.Id, c => c.Name);
        var bySemester = new List<(Semester, int, long)>();
        var semester = Semester.Of(today);
        for (var i = 0; i < SemestersShown; i++, semester = semester.Previous)
        {
            var (start, end) = (semester.Start, semester.End);
            var inSemester = services.Where(s => s.Date >= start && s.Date <= end);
            bySemester.Add((semester,
                await inSemester.Select(s => s.BeneficiaryId).Distinct().CountAsync(ct),
                await inSemester.SumAsync(s => s.ValueRupiah, ct)));
        }
        // Activities are counted, never listed, here: the forum and partners see how many, like the other figures.
        var distributions = aggregatesOnly ? db.Distributions.IgnoreQueryFilters([WahanaDbContext.ScopeFilter]) : db.Distributions;
        var (currentStart, currentEnd) = (Semester.Of(today).Start, Semester.Of(today).End);
        var activities = await distributions
            .CountAsync(d => d.InstitutionId == institutionId && d.Date >= currentStart && d.Date <= currentEnd, ct);
        return new ProfileFigures
        {
            ActivitiesThisSemester = activities,
            AggregatesOnly = aggregatesOnly,
            Beneficiaries = await people.CountAsync(ct),
            ByCategory = [.. byCategory.OrderByDescending(c => c.Count).Select(c => (names[c.Key], c.Count))],
            BySemester = bySemester,
        };
    }
}
