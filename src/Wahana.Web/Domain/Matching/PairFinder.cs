using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Wahana.Web.Domain.Matching;

/// <summary>What one run of <see cref="PairFinder"/> did, for benchmarks: candidate pairs compared, and the time of each part.</summary>
public sealed class PairFinderStatistics
{
    public long Candidates { get; set; }

    public TimeSpan Blocking { get; set; }

    public TimeSpan Comparing { get; set; }
}

/// <summary>Two records the matcher scored at or above <see cref="BeneficiaryMatcher.LikelyThreshold"/>, the smaller id first.</summary>
public sealed record FoundPair(Guid FirstId, Guid SecondId, double Score, string Reasons);

/// <summary>
/// Finds the likely duplicates among many records at once (the full-registry scan), in memory and in parallel.
/// Blocking: two records are compared when (1) one's birth date is among the other's
/// <see cref="BeneficiaryMatcher.CandidateBirthDates"/> (same, up to three days apart, day and month swapped, two
/// digits transposed), or (2) they live in the same kalurahan and were born at most a year apart (people without
/// NIK often carry an estimated birth date), or (3) their names share a word (by its consonants in one spelling,
/// <see cref="MatchName.BlockingKeys"/>) and they were born at most a year apart, or (4) they live in the same
/// or a neighbouring kalurahan and their names share such a word. Two records that both carry a NIK are only
/// compared when born on the same day: their NIKs differ (the registry holds a NIK once), which says two people
/// unless one was mistyped, and a NIK holds the birth date. <see cref="Data.LikelyDuplicates"/> looks up one person
/// with the same blocks in the database, the name blocks by the name as written in any word order.
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
        var prepare = Preparer();
        return Find([.. people.Select(prepare)], minimumScore, maxParallelism, progress, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Prepares records for <see cref="Find(PreparedPerson[], double, int, IProgress{int}?, PairFinderStatistics?, CancellationToken)"/>, one at a
    /// time (not thread-safe), sharing one instance of each word among them all.
    /// </summary>
    public static Func<PersonToMatch, PreparedPerson> Preparer()
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        // One prepared name per name written: a registry of a million holds a few hundred thousand names.
        var names = new Dictionary<string, MatchName>(StringComparer.Ordinal);
        return person =>
        {
            ref var name = ref CollectionsMarshal.GetValueRefOrAddDefault(names, person.NameKey, out var exists);
            if (!exists)
            {
                name = MatchName.Of(person.NameKey, w => Intern(words, w));
            }
            return new PreparedPerson(person, name!);
        };
    }

    /// <summary>
    /// The pairs among prepared records. <paramref name="progress"/> hears how many records have been compared with
    /// their candidates so far (now and then, not for each). <paramref name="minimumScore"/> is the threshold
    /// (lower only to study the matcher).
    /// </summary>
    public static List<FoundPair> Find(
        PreparedPerson[] people, double minimumScore = BeneficiaryMatcher.LikelyThreshold, int maxParallelism = -1,
        IProgress<int>? progress = null, PairFinderStatistics? statistics = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(people);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var n = people.Length;
        SetNameShares(people);

        // The records in birth-date order, their fields side by side: a record's date candidates lie near it.
        var order = Enumerable.Range(0, n).ToArray();
        var days = people.Select(p => p.Person.BirthDate.DayNumber).ToArray();
        Array.Sort(days, order);
        days = null;
        var fields = new MatchFields[n];
        for (var k = 0; k < n; k++)
        {
            fields[k] = people[order[k]].Fields;
        }

        var villages = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var villageOf = new int[n];
        var years = new int[n];
        var keysOf = new int[n][];
        var keysOfName = new Dictionary<MatchName, int[]>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < n; i++)
        {
            ref readonly var person = ref fields[i];
            villageOf[i] = Id(villages, person.VillageCode);
            years[i] = person.Year;
            if (!keysOfName.TryGetValue(person.Name, out var ids))
            {
                ids = [.. person.Name.BlockingKeys().Select(k => Id(words, k))];
                keysOfName[person.Name] = ids;
            }
            keysOf[i] = ids;
        }
        words.Clear();
        keysOfName.Clear();
        // One block at a time, so that only one block's entries wait to be sorted.
        var dayBlock = BlockOf(fields, (i, keys) => keys.Add(fields[i].Day));
        var villageYears = BlockOf(fields, (i, keys) => keys.Add(Key(villageOf[i], years[i])));
        var nameYears = BlockOf(fields, (i, keys) => keys.AddRange(keysOf[i].Select(word => Key(word, years[i]))));
        var villageNames = BlockOf(fields, (i, keys) => keys.AddRange(keysOf[i].Select(word => ((long)villageOf[i] << 32) + word)));
        var neighbourIds = new int[villages.Count][];
        foreach (var (code, id) in villages)
        {
            neighbourIds[id] = [.. VillageNeighbours.Instance.Of(code).Where(villages.ContainsKey).Select(c => villages[c])];
        }

        var blocking = clock.Elapsed;
        var minimumWeight = BeneficiaryMatcher.WeightOf(minimumScore);
        var found = new ConcurrentBag<FoundPair>();
        var done = 0;
        long candidates = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism, CancellationToken = cancellationToken };
        Parallel.ForEach(
            Partitioner.Create(0, n, Math.Max(256, Math.Min(4096, (n / 64) + 1))),
            options,
            () => new Seen(n),
            (range, _, seen) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    seen.Next();
                    ref readonly var person = ref fields[i];
                    var birth = DateOnly.FromDayNumber(person.Day);
                    var year = birth.Year;
                    // A record with a NIK meets the records without one in every block, and other NIK holders born
                    // on its very day; a record without NIK meets everyone in every block.
                    var all = person.Nik == 0;
                    seen.AddLater(dayBlock.Get(person.Day, everyone: true), i);
                    foreach (var date in BeneficiaryMatcher.CandidatesOf(birth))
                    {
                        if (date != birth)
                        {
                            seen.AddLater(dayBlock.Get(date.DayNumber, all), i);
                        }
                    }
                    var village = villageOf[i];
                    for (var y = -1; y <= 1; y++)
                    {
                        seen.AddLater(villageYears.Get(Key(village, year + y), all), i);
                    }
                    foreach (var word in keysOf[i])
                    {
                        for (var y = -1; y <= 1; y++)
                        {
                            seen.AddLater(Common(nameYears.Get(Key(word, year + y), all)), i);
                        }
                        seen.AddLater(Common(villageNames.Get(((long)village << 32) + word, all)), i);
                        foreach (var neighbour in neighbourIds[village])
                        {
                            seen.AddLater(Common(villageNames.Get(((long)neighbour << 32) + word, all)), i);
                        }
                    }
                    seen.Total += seen.Candidates.Count;
                    foreach (var j in seen.Candidates)
                    {
                        if (BeneficiaryMatcher.ScoreAtLeast(person, fields[j], minimumWeight) >= minimumScore)
                        {
                            var (a, b) = (people[order[i]], people[order[j]]);
                            var match = BeneficiaryMatcher.Compare(a, b);
                            var (first, second) = Order(a.Person.Id, b.Person.Id);
                            found.Add(new FoundPair(first, second, match.Score, match.Reasons));
                        }
                    }
                }
                progress?.Report(Interlocked.Add(ref done, range.Item2 - range.Item1));
                return seen;
            },
            seen => Interlocked.Add(ref candidates, seen.Total));
        if (statistics is not null)
        {
            (statistics.Candidates, statistics.Blocking, statistics.Comparing) = (candidates, blocking, clock.Elapsed - blocking);
        }
        return [.. found.OrderByDescending(p => p.Score).ThenBy(p => p.FirstId).ThenBy(p => p.SecondId)];
    }

    /// <summary>How common each name is among the records, once they are enough to tell (<see cref="MinimumForNameShares"/>).</summary>
    private static void SetNameShares(PreparedPerson[] people)
    {
        if (people.Length < MinimumForNameShares)
        {
            return;
        }
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var person in people)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(counts, person.Name.Joined, out _)++;
        }
        foreach (var person in people)
        {
            person.NameShare = (counts[person.Name.Joined] - 1.0) / (people.Length - 1);
        }
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
    private static ReadOnlySpan<int> Common(ReadOnlySpan<int> block) => block.Length > MaxNameBlock ? default : block;

    /// <summary>
    /// The records of each key of one block, in ascending order, in one array: all of them, and apart those without
    /// NIK (which records with a NIK meet).
    /// </summary>
    private sealed class Block(Dictionary<long, (int Start, int Length, int NoNikStart, int NoNikLength)> ranges, int[] indexes)
    {
        public ReadOnlySpan<int> Get(long key, bool everyone) =>
            !ranges.TryGetValue(key, out var r) ? default
            : everyone ? indexes.AsSpan(r.Start, r.Length) : indexes.AsSpan(r.NoNikStart, r.NoNikLength);
    }

    /// <summary>A block of the records' keys: <paramref name="keysOf"/> puts each record's keys in the list.</summary>
    private static Block BlockOf(MatchFields[] fields, Action<int, List<long>> keysOf)
    {
        var builder = new BlockBuilder(fields.Length);
        var keys = new List<long>(4);
        for (var i = 0; i < fields.Length; i++)
        {
            keys.Clear();
            keysOf(i, keys);
            foreach (var key in keys)
            {
                builder.Add(key, i, fields[i].Nik != 0);
            }
        }
        return builder.Build();
    }

    private sealed class BlockBuilder(int capacity)
    {
        private readonly List<(long Key, int Index, bool HasNik)> _entries = new(capacity);

        public void Add(long key, int index, bool hasNik) => _entries.Add((key, index, hasNik));

        public Block Build()
        {
            // Sorted by key, then index: each key's records in a row, ascending; a word twice in one name once.
            var entries = CollectionsMarshal.AsSpan(_entries);
            entries.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Index.CompareTo(b.Index));
            var noNikCount = 0;
            foreach (var entry in entries)
            {
                noNikCount += entry.HasNik ? 0 : 1;
            }
            var indexes = new int[entries.Length + noNikCount];
            var ranges = new Dictionary<long, (int, int, int, int)>();
            var at = 0;
            for (var start = 0; start < entries.Length;)
            {
                var end = start;
                while (end < entries.Length && entries[end].Key == entries[start].Key)
                {
                    end++;
                }
                var all = at;
                for (var e = start; e < end; e++)
                {
                    if (e == start || entries[e].Index != entries[e - 1].Index)
                    {
                        indexes[at++] = entries[e].Index;
                    }
                }
                var allLength = at - all;
                var noNik = at;
                for (var e = start; e < end; e++)
                {
                    if (!entries[e].HasNik && (e == start || entries[e].Index != entries[e - 1].Index))
                    {
                        indexes[at++] = entries[e].Index;
                    }
                }
                ranges[entries[start].Key] = (all, allLength, noNik, at - noNik);
                start = end;
            }
            _entries.Clear();
            _entries.TrimExcess();
            return new Block(ranges, indexes);
        }
    }

    /// <summary>The candidates of one record, each once: only records after it, so each pair is compared once.</summary>
    private sealed class Seen(int size)
    {
        private readonly int[] _stamp = new int[size];
        private readonly List<int> _candidates = [];
        private int _current;

        public List<int> Candidates => _candidates;

        /// <summary>Candidate pairs of this partition's records so far.</summary>
        public long Total { get; set; }

        public void Next()
        {
            _current++;
            _candidates.Clear();
        }

        public void AddLater(ReadOnlySpan<int> block, int self)
        {
            if (block.IsEmpty)
            {
                return;
            }
            // Blocks hold indexes in ascending order: skip to those after this record.
            var start = block.BinarySearch(self);
            start = start >= 0 ? start + 1 : ~start;
            for (var k = start; k < block.Length; k++)
            {
                var j = block[k];
                if (_stamp[j] != _current)
                {
                    _stamp[j] = _current;
                    _candidates.Add(j);
                }
            }
        }
    }
}
