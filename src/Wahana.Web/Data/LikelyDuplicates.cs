using Microsoft.EntityFrameworkCore;
using Wahana.Web.Domain;
using Wahana.Web.Domain.Matching;

namespace Wahana.Web.Data;

/// <summary>A record of the registry that may be the same person, with the matcher's score and reasons.</summary>
public sealed record LikelyDuplicate(Guid Id, double Score, string Reasons);

/// <summary>Where a full-registry scan stands: the step, and how far it is in it.</summary>
public sealed record ScanProgress(ScanStep Step, long Done, long Total);

public enum ScanStep
{
    Loading,
    Comparing,
    Saving,
}

/// <summary>What a full-registry scan did: people compared, likely pairs found, new pairs queued, open pairs rescored.</summary>
public sealed record ScanOutcome(int People, int Found, int Added, int Rescored, TimeSpan Elapsed);

/// <summary>
/// Looks for likely duplicates of one person across the whole registry: every WKSBM, whatever the user's
/// scope, because one person must be one record. Callers show a record outside the user's scope only as its
/// WKSBM's name and kabupaten/kota, never its personal data.
/// </summary>
public static class LikelyDuplicates
{
    private const int MaxShown = 10;

    private const int SaveBatch = 1000;

    /// <summary>
    /// Compares the whole registry (every record not merged and not erased, whatever the caller's scope) in memory
    /// with <see cref="PairFinder"/> and queues each likely pair not yet recorded as an open
    /// <see cref="DuplicatePair"/>. A pair already decided is never opened again; an open pair gets the new score.
    /// </summary>
    public static async Task<ScanOutcome> ScanRegistryAsync(
        WahanaDbContext db, IProgress<ScanProgress>? progress = null, int maxParallelism = -1, PairFinderStatistics? statistics = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var registry = db.Beneficiaries.IgnoreQueryFilters([WahanaDbContext.ScopeFilter]).AsNoTracking().Where(b => b.ErasedAt == null);
        var total = await registry.CountAsync(cancellationToken);
        progress?.Report(new ScanProgress(ScanStep.Loading, 0, total));
        // Prepared as they come (names split and spelled once, each word and kalurahan code kept once).
        var people = new List<PreparedPerson>(total);
        var prepare = PairFinder.Preparer();
        var villages = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var b in registry
            .Select(b => new { b.Id, b.NameKey, b.BirthDate, b.Sex, b.VillageCode, b.Nik })
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!villages.TryGetValue(b.VillageCode, out var village))
            {
                villages[b.VillageCode] = village = b.VillageCode;
            }
            if (!names.TryGetValue(b.NameKey, out var name))
            {
                names[b.NameKey] = name = b.NameKey;
            }
            people.Add(prepare(new PersonToMatch(b.Id, name, b.BirthDate, b.Sex, village, b.Nik)));
            if (people.Count % 50_000 == 0)
            {
                progress?.Report(new ScanProgress(ScanStep.Loading, people.Count, total));
            }
        }
        var count = people.Count;
        progress?.Report(new ScanProgress(ScanStep.Comparing, 0, count));
        var reporter = progress is null ? null : new Reporter(done => progress.Report(new ScanProgress(ScanStep.Comparing, done, count)));
        var everyone = people.ToArray();
        people.Clear();
        people.TrimExcess();
        names.Clear();
        var found = await Task.Run(() => PairFinder.Find(everyone, maxParallelism: maxParallelism, progress: reporter, cancellationToken: cancellationToken, statistics: statistics), cancellationToken);
        everyone = null;

        var (added, rescored) = await SaveAsync(db, found, progress, cancellationToken);
        return new ScanOutcome(total, found.Count, added, rescored, started.Elapsed);
    }

    /// <summary>Inserts the pairs not yet recorded and rescores the open ones, a batch per transaction.</summary>
    private static async Task<(int Added, int Rescored)> SaveAsync(
        WahanaDbContext db, List<FoundPair> found, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        var known = new Dictionary<(Guid, Guid), (Guid Id, bool Open, double Score)>();
        await foreach (var p in db.DuplicatePairs.IgnoreQueryFilters().AsNoTracking()
            .Select(p => new { p.Id, p.FirstId, p.SecondId, Open = p.Decision == null, p.Score })
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            known[(p.FirstId, p.SecondId)] = (p.Id, p.Open, p.Score);
        }
        var (added, rescored, done) = (0, 0, 0);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var batch in found.Chunk(SaveBatch))
            {
                var fresh = batch.Where(f => !known.ContainsKey((f.FirstId, f.SecondId))).ToList();
                var changed = batch.Where(f => known.TryGetValue((f.FirstId, f.SecondId), out var k) && k.Open && Math.Abs(k.Score - f.Score) > 0.00005)
                    .ToDictionary(f => known[(f.FirstId, f.SecondId)].Id);
                if (changed.Count > 0)
                {
                    var ids = changed.Keys.ToList();
                    foreach (var pair in await db.DuplicatePairs.IgnoreQueryFilters().Where(p => ids.Contains(p.Id) && p.Decision == null).ToListAsync(cancellationToken))
                    {
                        pair.Score = changed[pair.Id].Score;
                        pair.Reasons = Truncate(changed[pair.Id].Reasons);
                        rescored++;
                    }
                }
                db.DuplicatePairs.AddRange(fresh.Select(f => new DuplicatePair
                {
                    FirstId = f.FirstId,
                    SecondId = f.SecondId,
                    Score = f.Score,
                    Reasons = Truncate(f.Reasons),
                }));
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                added += fresh.Count;
                done += batch.Length;
                progress?.Report(new ScanProgress(ScanStep.Saving, done, found.Count));
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
        return (added, rescored);
    }

    private static string Truncate(string reasons) => reasons.Length <= 500 ? reasons : reasons[..500];

    /// <summary>Reports on the thread that reports, unlike <see cref="Progress{T}"/>, which posts to a context.</summary>
    private sealed class Reporter(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    public static async Task<List<LikelyDuplicate>> FindAsync(WahanaDbContext db, PersonToMatch person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        // Blocking, as the full-registry scan does (PairFinder): near or transposed birth dates anywhere; a birth year
        // at most one apart in the same or a neighbouring kalurahan (people without NIK often carry an estimated
        // birth date); the same name, in any word order, born at most a year apart anywhere, or born any year in
        // the same or a neighbouring kalurahan. (The scan blocks names by each word's consonants, which a query
        // cannot; here the name as written must match.)
        var dates = BeneficiaryMatcher.CandidateBirthDates(person.BirthDate).ToList();
        var from = new DateOnly(person.BirthDate.Year - 1, 1, 1);
        var to = new DateOnly(person.BirthDate.Year + 1, 12, 31);
        List<string> villages = [person.VillageCode, .. VillageNeighbours.Instance.Of(person.VillageCode)];
        var names = NameOrders(person.NameKey);
        var candidates = await db.Beneficiaries.IgnoreQueryFilters([WahanaDbContext.ScopeFilter]).AsNoTracking()
            .Where(b => b.Id != person.Id && b.ErasedAt == null
                && (dates.Contains(b.BirthDate)
                    || (b.BirthDate >= from && b.BirthDate <= to && (villages.Contains(b.VillageCode) || names.Contains(b.NameKey)))
                    || (villages.Contains(b.VillageCode) && names.Contains(b.NameKey))))
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
