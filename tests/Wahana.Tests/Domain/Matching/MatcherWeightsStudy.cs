using System.Globalization;
using System.Text;
using Wahana.Web.Domain.Matching;
using Xunit.Abstractions;

namespace Wahana.Tests.Domain.Matching;

/// <summary>
/// How the m and u values of <see cref="BeneficiaryMatcher"/> were estimated: on a training registry of
/// <see cref="SyntheticRegistry"/> with another seed than the one the quality test measures, count how often the
/// candidate pairs of the blocking agree at each level, among pairs of one person (m) and of different people (u).
/// Run with WAHANA_MATCHER_STUDY_WEIGHTS=1 to print them; not a check.
/// </summary>
public sealed class MatcherWeightsStudy(ITestOutputHelper output)
{
    public const int TrainingSeed = 7331;

    private static readonly string[][] LevelNames =
    [
        ["same name", "same one-word name", "very close", "close", "somewhat", "different", "unrelated"],
        ["same date", "same estimated date", "1-3 days", "transposed", "year apart", "one digit", "same day+month", "estimated, same year", "same year", "estimated, <=5 years", "different"],
        ["same kalurahan", "neighbours", "same kapanewon", "same kabupaten", "elsewhere"],
        ["same sex", "other sex"],
        ["one without NIK", "both without NIK", "NIK typo", "NIK serial only"],
    ];

    [Fact]
    public void Print_the_m_and_u_values_of_a_training_registry()
    {
        if (Environment.GetEnvironmentVariable("WAHANA_MATCHER_STUDY_WEIGHTS") != "1")
        {
            return;
        }
        var set = SyntheticRegistry.Generate(TrainingSeed);
        var prepared = set.Records.ToDictionary(r => r.Record.Id, r => BeneficiaryMatcher.Prepare(r.Record));
        var candidates = PairFinder.Find([.. set.Records.Select(r => r.Record)], minimumScore: 0);
        var same = new int[LevelNames.Length][];
        var different = new int[LevelNames.Length][];
        for (var f = 0; f < LevelNames.Length; f++)
        {
            same[f] = new int[LevelNames[f].Length];
            different[f] = new int[LevelNames[f].Length];
        }
        var (sameCount, differentCount) = (0, 0);
        foreach (var pair in candidates)
        {
            if (BeneficiaryMatcher.LevelIndexes(prepared[pair.FirstId], prepared[pair.SecondId]) is not { } levels)
            {
                continue;
            }
            var isSame = set.SamePerson.Contains(LabelledSet.Key(pair.FirstId, pair.SecondId));
            var counts = isSame ? same : different;
            for (var f = 0; f < levels.Length; f++)
            {
                counts[f][levels[f]]++;
            }
            if (isSame)
            {
                sameCount++;
            }
            else
            {
                differentCount++;
            }
        }
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{set.Records.Count} records, {set.SamePerson.Count} true pairs; candidates: {sameCount} same, {differentCount} different");
        text.AppendLine(CultureInfo.InvariantCulture, $"prior log2 = {Math.Log2((double)sameCount / differentCount):0.00}");
        for (var f = 0; f < LevelNames.Length; f++)
        {
            for (var l = 0; l < LevelNames[f].Length; l++)
            {
                // Add-one smoothing, so that a level no training pair reached still has a finite weight.
                var m = (same[f][l] + 1.0) / (sameCount + LevelNames[f].Length);
                var u = (different[f][l] + 1.0) / (differentCount + LevelNames[f].Length);
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  {LevelNames[f][l],-22} m={m:0.00000} ({same[f][l]}) u={u:0.00000} ({different[f][l]}) w={Math.Log2(m / u):0.00}");
            }
        }
        // The threshold: the log-odds shift at which precision and recall on the training registry balance best.
        foreach (var shift in Enumerable.Range(-16, 33).Select(i => i / 2.0))
        {
            var threshold = 1 / (1 + Math.Pow(2, -shift));
            var above = candidates.Where(p => p.Score >= threshold).ToList();
            var hits = above.Count(p => set.SamePerson.Contains(LabelledSet.Key(p.FirstId, p.SecondId)));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  log-odds {shift,5:0.0} (score {threshold:0.0000}): precision {(double)hits / Math.Max(1, above.Count):0.0000}, recall {(double)hits / set.SamePerson.Count:0.0000}");
        }
        output.WriteLine(text.ToString());
    }
}
