using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Wahana.Web.Domain.Matching;

/// <summary>Two records the matcher scored at or above <see cref="BeneficiaryMatcher.LikelyThreshold"/>, the smaller id first.</summary>
public sealed record FoundPair(Guid FirstId, Guid SecondId, double Score, string Reasons);

/// <summary>
/// Finds the likely duplicates among many records at once (the full-registry scan), in memory and in parallel.
/// Blocking: two records are compared when (1) one's birth date is among the other's
/// <see cref="BeneficiaryMatcher.CandidateBirthDates"/> (same, up to three days apart, day and month swapped, two
/// digits transposed), or (2) they live in the same kalurahan and were born at most a year apart (people without
/// NIK often carry an estimated birth date), or (3) their names share a word (by its consonants in one spelling,
/// <see cref="MatchName.BlockingKeys"/>) and they were born at most a year apart, or (4) they live in the same
/// or a neighbouring kalurahan and their names share such a word. <see cref="Data.LikelyDuplicates"/> looks up one person with the
/// same blocks in the database, the name blocks by the name as written in any word order.
/// </summary>
public static class PairFinder
{
    private const int YearBits = 12;

    /// <summary>A name-word block larger than this (a word most people of a year or a village share) is not used.</summary>
    private const int MaxNameBlock = 2000;

    /// <summary>From this many records on, the share of each name among them counts in the comparison.</summary>
    public const int MinimumForNameShares = 1000;

    public static List<FoundPair> Find(
        IReadOnlyList<PersonToMatch> people, double minimumScore = BeneficiaryMatcher.LikelyThreshold, int maxParallelism = -1,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(people);
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new MatchName[people.Count];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = MatchName.Of(people[i].NameKey, w => Intern(words, w));
            CollectionsMarshal.GetValueRefOrAddDefault(counts, names[i].Joined, out _)++;
        }
        // How common each name is, once the registry is large enough to tell.
        var known = names.Length >= MinimumForNameShares;
        var prepared = new PreparedPerson[names.Length];
        for (var i = 0; i < prepared.Length; i++)
        {
            prepared[i] = new PreparedPerson(people[i], names[i])
            {
                NameShare = known ? (counts[names[i].Joined] - 1.0) / (names.Length - 1) : 0,
            };
        }
        return Find(prepared, minimumScore, maxParallelism, progress, cancellationToken);
    }

    /// <summary>
    /// The pairs among prepared records. <paramref name="progress"/> hears how many records have been compared with
    /// their candidates so far (now and then, not for each). <paramref name="minimumScore"/> is the threshold
    /// (lower only to study the matcher).
    /// </summary>
    public static List<FoundPair> Find(
        PreparedPerson[] people, double minimumScore = BeneficiaryMatcher.LikelyThreshold, int maxParallelism = -1,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(people);
        var n = people.Length;
        var days = new int[n];
        var villageYears = new long[n];
        var villages = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var nameYears = new List<(long Key, int Index)>(n * 2);
        var villageNames = new List<(long Key, int Index)>(n * 2);
        var keysOf = new long[n][];
        var villageOf = new int[n];
        for (var i = 0; i < n; i++)
        {
            var person = people[i].Person;
            var village = Id(villages, person.VillageCode);
            villageOf[i] = village;
            days[i] = person.BirthDate.DayNumber;
            villageYears[i] = Key(village, person.BirthDate.Year);
            var keys = people[i].Name.BlockingKeys();
            keysOf[i] = new long[keys.Count * 2];
            for (var k = 0; k < keys.Count; k++)
            {
                var word = Id(words, keys[k]);
                var nameYear = Key(word, person.BirthDate.Year);
                var villageName = ((long)village << 32) + word;
                nameYears.Add((nameYear, i));
                villageNames.Add((villageName, i));
                keysOf[i][2 * k] = nameYear;
                keysOf[i][(2 * k) + 1] = villageName;
            }
        }
        words.Clear();
        var neighbourIds = new int[villages.Count][];
        foreach (var (code, id) in villages)
        {
            neighbourIds[id] = [.. VillageNeighbours.Instance.Of(code).Where(villages.ContainsKey).Select(c => villages[c])];
        }
        var byDay = Buckets(days);
        var byVillageYear = Buckets(villageYears);
        var byNameYear = Buckets(nameYears);
        var byVillageName = Buckets(villageNames);

        var found = new ConcurrentBag<FoundPair>();
        var done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism, CancellationToken = cancellationToken };
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, n, Math.Max(256, Math.Min(4096, n / 64 + 1))),
            options,
            () => new Seen(n),
            (range, _, seen) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    seen.Next();
                    var person = people[i];
                    foreach (var date in BeneficiaryMatcher.CandidateBirthDates(person.Person.BirthDate))
                    {
                        seen.AddLater(byDay.GetValueOrDefault(date.DayNumber), i);
                    }
                    for (var year = -1; year <= 1; year++)
                    {
                        seen.AddLater(byVillageYear.GetValueOrDefault(villageYears[i] + year), i);
                    }
                    var keys = keysOf[i];
                    for (var k = 0; k < keys.Length; k += 2)
                    {
                        for (var year = -1; year <= 1; year++)
                        {
                            seen.AddLater(Common(byNameYear.GetValueOrDefault(keys[k] + year)), i);
                        }
                        seen.AddLater(Common(byVillageName.GetValueOrDefault(keys[k + 1])), i);
                        var word = keys[k + 1] & uint.MaxValue;
                        foreach (var neighbour in neighbourIds[villageOf[i]])
                        {
                            seen.AddLater(Common(byVillageName.GetValueOrDefault(((long)neighbour << 32) + word)), i);
                        }
                    }
                    foreach (var j in seen.Candidates)
                    {
                        var other = people[j];
                        if (BeneficiaryMatcher.Score(person, other) >= minimumScore)
                        {
                            var match = BeneficiaryMatcher.Compare(person, other);
                            var (first, second) = Order(person.Person.Id, other.Person.Id);
                            found.Add(new FoundPair(first, second, match.Score, match.Reasons));
                        }
                    }
                }
                var total = Interlocked.Add(ref done, range.Item2 - range.Item1);
                progress?.Report(total);
                return seen;
            },
            _ => { });
        return [.. found.OrderByDescending(p => p.Score).ThenBy(p => p.FirstId).ThenBy(p => p.SecondId)];
    }

    private static (Guid, Guid) Order(Guid a, Guid b) => a.CompareTo(b) < 0 ? (a, b) : (b, a);

    private static long Key(int id, int year) => ((long)id << YearBits) + year;

    private static int Id(Dictionary<string, int> ids, string key)
    {
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, key, out var exists);
        if (!exists)
        {
            // The entry is already added: the new id is the count before it.
            id = ids.Count - 1;
        }
        return id;
    }

    private static string Intern(Dictionary<string, string> pool, string word)
    {
        ref var interned = ref CollectionsMarshal.GetValueRefOrAddDefault(pool, word, out var exists);
        if (!exists)
        {
            interned = word;
        }
        return interned!;
    }

    /// <summary>A block of a name word, unless the word is so common that it says little (then the other blocks decide).</summary>
    private static int[]? Common(int[]? bucket) => bucket is { Length: > MaxNameBlock } ? null : bucket;

    private static Dictionary<T, int[]> Buckets<T>(T[] keys) where T : notnull =>
        Buckets(keys.Select((key, index) => (key, index)));

    private static Dictionary<T, int[]> Buckets<T>(IEnumerable<(T Key, int Index)> entries) where T : notnull
    {
        var lists = new Dictionary<T, List<int>>();
        foreach (var (key, index) in entries)
        {
            ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(lists, key, out var exists);
            if (!exists)
            {
                list = [];
            }
            // Entries come in index order; a name with a word twice gives it once.
            if (list!.Count == 0 || list[^1] != index)
            {
                list.Add(index);
            }
        }
        return lists.ToDictionary(l => l.Key, l => l.Value.ToArray());
    }

    /// <summary>The candidates of one record, each once: only records after it, so each pair is compared once.</summary>
    private sealed class Seen(int size)
    {
        private readonly int[] _stamp = new int[size];
        private readonly List<int> _candidates = [];
        private int _current;

        public List<int> Candidates => _candidates;

        public void Next()
        {
            _current++;
            _candidates.Clear();
        }

        public void AddLater(int[]? bucket, int self)
        {
            if (bucket is null)
            {
                return;
            }
            // Buckets hold indexes in ascending order: skip to those after this record.
            var start = Array.BinarySearch(bucket, self);
            start = start >= 0 ? start + 1 : ~start;
            for (var k = start; k < bucket.Length; k++)
            {
                var j = bucket[k];
                if (_stamp[j] != _current)
                {
                    _stamp[j] = _current;
                    _candidates.Add(j);
                }
            }
        }
    }
}
