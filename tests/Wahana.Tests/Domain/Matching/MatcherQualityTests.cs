using System.Globalization;
using Wahana.Web.Domain.Matching;
using Xunit.Abstractions;

namespace Wahana.Tests.Domain.Matching;

/// <summary>
/// Precision and recall of the whole duplicate pipeline (blocking, comparison, threshold: <see cref="PairFinder"/>,
/// as the full-registry scan runs it) on the labelled synthetic registry of <see cref="SyntheticRegistry"/>. The
/// figures go to bench/README.md. Set WAHANA_MATCHER_STUDY=1 to print what was missed and wrongly found, and
/// precision and recall at other thresholds.
/// </summary>
public sealed class MatcherQualityTests(ITestOutputHelper output)
{
    private const double Required = 0.95;

    public sealed record Quality(int Records, int TruePairs, int Found, int TruePositives, double Precision, double Recall);

    public static Quality Measure(LabelledSet set, IReadOnlyList<FoundPair> found)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(found);
        var predicted = found.Select(p => LabelledSet.Key(p.FirstId, p.SecondId)).ToHashSet();
        var truePositives = predicted.Count(set.SamePerson.Contains);
        return new Quality(set.Records.Count, set.SamePerson.Count, predicted.Count, truePositives,
            predicted.Count == 0 ? 0 : (double)truePositives / predicted.Count,
            set.SamePerson.Count == 0 ? 1 : (double)truePositives / set.SamePerson.Count);
    }

    [Fact]
    public void The_pipeline_finds_at_least_95_percent_of_the_duplicates_and_95_percent_of_what_it_finds_are_duplicates()
    {
        var set = SyntheticRegistry.Generate();
        var found = PairFinder.Find([.. set.Records.Select(r => r.Record)]);
        var quality = Measure(set, found);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{quality.Records} records, {quality.TruePairs} true pairs; found {quality.Found}, of which {quality.TruePositives} true: precision {quality.Precision:0.0000}, recall {quality.Recall:0.0000}"));
        if (Environment.GetEnvironmentVariable("WAHANA_MATCHER_STUDY") == "1")
        {
            Study(set, found);
        }

        Assert.InRange(set.Records.Count, 30_000, 60_000);
        Assert.InRange(set.SamePerson.Count, 3_000, 8_000);
        Assert.True(quality.Precision >= Required, string.Create(CultureInfo.InvariantCulture, $"Precision {quality.Precision:0.0000} is below {Required}."));
        Assert.True(quality.Recall >= Required, string.Create(CultureInfo.InvariantCulture, $"Recall {quality.Recall:0.0000} is below {Required}."));
    }

    [Fact]
    public void The_set_is_the_same_every_time()
    {
        var a = SyntheticRegistry.Generate();
        var b = SyntheticRegistry.Generate();
        Assert.Equal(a.Records.Count, b.Records.Count);
        Assert.Equal(
            a.Records.Select(r => (r.Record.NameKey, r.Record.BirthDate, r.Record.VillageCode, r.Record.Nik, r.PersonNumber)),
            b.Records.Select(r => (r.Record.NameKey, r.Record.BirthDate, r.Record.VillageCode, r.Record.Nik, r.PersonNumber)));
    }

    [Fact]
    public void The_set_holds_the_hard_cases_it_claims()
    {
        var set = SyntheticRegistry.Generate();
        var people = set.Records.GroupBy(r => r.PersonNumber).ToList();
        var copies = people.Where(g => g.Count() > 1).SelectMany(g => g).ToList();
        foreach (var kind in new[]
        {
            "salah ketik nama", "ejaan lain", "urutan nama tertukar", "dengan gelar/sapaan", "nama depan disingkat", "satu kata nama hilang",
            "angka tanggal tertukar", "tanggal dan bulan tertukar", "tanggal perkiraan", "tahun selisih satu",
            "NIK hanya di satu sisi", "tanpa NIK keduanya", "nomor urut NIK salah", "kalurahan tetangga", "kabupaten lain",
        })
        {
            Assert.True(copies.Count(c => c.Made.Contains(kind, StringComparison.Ordinal)) >= 30, $"Too few copies made with '{kind}'.");
        }
        // Twins: two people born on one day in one household.
        var twins = set.Records.Where(r => r.Made == "kembar").GroupBy(r => r.Household).Count(g => g.Select(r => r.PersonNumber).Distinct().Count() == 2);
        Assert.True(twins >= 50, $"Only {twins} pairs of twins.");
        // Different people with one name, and families without any NIK.
        var namesakes = set.Records.GroupBy(r => r.Record.NameKey).Count(g => g.Select(r => r.PersonNumber).Distinct().Count() > 1);
        Assert.True(namesakes >= 500, $"Only {namesakes} names shared by different people.");
        Assert.InRange(set.Records.Count(r => r.Record.Nik is null) / (double)set.Records.Count, 0.15, 0.35);
    }

    private void Study(LabelledSet set, List<FoundPair> found)
    {
        var byId = set.Records.ToDictionary(r => r.Record.Id);
        var all = PairFinder.Find([.. set.Records.Select(r => r.Record)], minimumScore: 0.0001);
        foreach (var threshold in new[] { 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95 })
        {
            var above = all.Where(p => p.Score >= threshold).ToList();
            var hits = above.Count(p => set.SamePerson.Contains(LabelledSet.Key(p.FirstId, p.SecondId)));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  at {threshold:0.00}: precision {(double)hits / above.Count:0.0000}, recall {(double)hits / set.SamePerson.Count:0.0000}"));
        }
        var predicted = found.Select(p => LabelledSet.Key(p.FirstId, p.SecondId)).ToHashSet();
        var scored = all.ToDictionary(p => LabelledSet.Key(p.FirstId, p.SecondId));
        var missed = set.SamePerson.Where(p => !predicted.Contains(p)).ToList();
        output.WriteLine($"Missed {missed.Count}, of which never compared (not in one block): {missed.Count(p => !scored.ContainsKey(p))}");
        foreach (var tag in missed.SelectMany(p => (byId[p.Item1].Made + ", " + byId[p.Item2].Made).Split(", ").Distinct()).GroupBy(t => t).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"  missed, {tag.Key}: {tag.Count()}");
        }
        foreach (var p in missed.Take(100))
        {
            output.WriteLine("  FN " + Describe(byId[p.Item1], byId[p.Item2], BeneficiaryMatcher.Compare(byId[p.Item1].Record, byId[p.Item2].Record)));
        }
        foreach (var p in found.Where(p => !set.SamePerson.Contains(LabelledSet.Key(p.FirstId, p.SecondId))).Take(100))
        {
            output.WriteLine("  FP " + Describe(byId[p.FirstId], byId[p.SecondId], new MatchScore(p.Score, p.Reasons)));
        }
    }

    private static string Describe(SyntheticRecord a, SyntheticRecord b, MatchScore score) => string.Create(CultureInfo.InvariantCulture,
        $"{score.Score:0.000} | {a.Record.NameKey} / {b.Record.NameKey} | {a.Record.BirthDate:yyyy-MM-dd} / {b.Record.BirthDate:yyyy-MM-dd} | {a.Record.VillageCode} / {b.Record.VillageCode} | {a.Record.Sex}/{b.Record.Sex} | NIK {(a.Record.Nik is null ? "-" : "+")}/{(b.Record.Nik is null ? "-" : "+")} | {a.Made} // {b.Made} | {score.Reasons}");
}
