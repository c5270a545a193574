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
        // Blocking, as the full-registry scan does (PairFinder): near or transposed birth dates anywhere; a birth year
        // at most one apart in the same or a neighbouring kalurahan (people without NIK often carry an estimated
        // birth date); or the same name, in any word order, born at most a year apart anywhere.
        var dates = BeneficiaryMatcher.CandidateBirthDates(person.BirthDate).ToList();
        var from = new DateOnly(person.BirthDate.Year - 1, 1, 1);
        var to = new DateOnly(person.BirthDate.Year + 1, 12, 31);
        List<string> villages = [person.VillageCode, .. VillageNeighbours.Instance.Of(person.VillageCode)];
        var names = NameOrders(person.NameKey);
        var candidates = await db.Beneficiaries.IgnoreQueryFilters([WahanaDbContext.ScopeFilter]).AsNoTracking()
            .Where(b => b.Id != person.Id && b.ErasedAt == null
                && (dates.Contains(b.BirthDate)
                    || (b.BirthDate >= from && b.BirthDate <= to && (villages.Contains(b.VillageCode) || names.Contains(b.NameKey)))))
            .Select(b => new PersonToMatch(b.Id, b.NameKey, b.BirthDate, b.Sex, b.VillageCode, b.Nik))
            .ToListAsync(cancellationToken);
        var declaredDifferent = await db.DuplicatePairs.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Decision == DuplicateDecision.BedaOrang && (p.FirstId == person.Id || p.SecondId == person.Id))
            .Select(p => p.FirstId == person.Id ? p.SecondId : p.FirstId)
            .ToListAsync(cancellationToken);
        var prepared = BeneficiaryMatcher.Prepare(person);
        return [.. candidates
            .Where(c => !declaredDifferent.Contains(c.Id))
            .Select(c => (c.Id, Match: BeneficiaryMatcher.Compare(prepared, BeneficiaryMatcher.Prepare(c))))
            .Where(c => c.Match.Score >= BeneficiaryMatcher.LikelyThreshold)
            .OrderByDescending(c => c.Match.Score)
            .Take(MaxShown)
            .Select(c => new LikelyDuplicate(c.Id, c.Match.Score, c.Match.Reasons))];
    }

    /// <summary>The name key with its words in every order (up to four words; longer names as written and sorted).</summary>
    private static List<string> NameOrders(string nameKey)
    {
        var words = nameKey.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 4)
        {
            return [nameKey, string.Join(' ', words.Order(StringComparer.Ordinal))];
        }
        var orders = new HashSet<string>(StringComparer.Ordinal);
        Permute(words, 0, orders);
        return [.. orders];
    }

    private static void Permute(string[] words, int from, HashSet<string> orders)
    {
        if (from >= words.Length - 1)
        {
            orders.Add(string.Join(' ', words));
            return;
        }
        for (var i = from; i < words.Length; i++)
        {
            (words[from], words[i]) = (words[i], words[from]);
            Permute(words, from + 1, orders);
            (words[from], words[i]) = (words[i], words[from]);
        }
    }
}
