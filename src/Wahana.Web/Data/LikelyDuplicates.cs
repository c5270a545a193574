using Microsoft.EntityFrameworkCore;
using Wahana.Web.Domain;
using Wahana.Web.Domain.Matching;

namespace Wahana.Web.Data;

/// <summary>A record of the registry that may be the same person, with the matcher's score and reasons.</summary>
public sealed record LikelyDuplicate(Guid Id, double Score, string Reasons);

/// <summary>
/// Looks for likely duplicates of one person across the whole registry: every WKSBM, whatever the user's
/// scope, because one person must be one record. Callers show a record outside the user's scope only as its
/// WKSBM's name and kabupaten/kota, never its personal data.
/// </summary>
public static class LikelyDuplicates
{
    private const int MaxShown = 10;

    public static async Task<List<LikelyDuplicate>> FindAsync(WahanaDbContext db, PersonToMatch person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        // Blocking: near or transposed birth dates anywhere, or any birth date within a year in the same kalurahan
        // (people without NIK often carry an estimated birth date).
        var dates = BeneficiaryMatcher.CandidateBirthDates(person.BirthDate).ToList();
        var from = new DateOnly(person.BirthDate.Year - 1, 1, 1);
        var to = new DateOnly(person.BirthDate.Year + 1, 12, 31);
        var candidates = await db.Beneficiaries.IgnoreQueryFilters([WahanaDbContext.ScopeFilter]).AsNoTracking()
            .Where(b => b.Id != person.Id && b.ErasedAt == null
                && (dates.Contains(b.BirthDate) || (b.VillageCode == person.VillageCode && b.BirthDate >= from && b.BirthDate <= to)))
            .Select(b => new PersonToMatch(b.Id, b.NameKey, b.BirthDate, b.Sex, b.VillageCode, b.Nik))
            .ToListAsync(cancellationToken);
        var declaredDifferent = await db.DuplicatePairs.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Decision == DuplicateDecision.BedaOrang && (p.FirstId == person.Id || p.SecondId == person.Id))
            .Select(p => p.FirstId == person.Id ? p.SecondId : p.FirstId)
            .ToListAsync(cancellationToken);
        return [.. candidates
            .Where(c => !declaredDifferent.Contains(c.Id))
            .Select(c => (c.Id, Match: BeneficiaryMatcher.Compare(person, c)))
            .Where(c => c.Match.Score >= BeneficiaryMatcher.LikelyThreshold)
            .OrderByDescending(c => c.Match.Score)
            .Take(MaxShown)
            .Select(c => new LikelyDuplicate(c.Id, c.Match.Score, c.Match.Reasons))];
    }
}
