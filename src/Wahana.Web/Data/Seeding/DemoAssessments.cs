using Bogus;
using Wahana.Web.Domain;

namespace Wahana.Web.Data.Seeding;

/// <summary>
/// The institutional-strength assessments of the demo WKSBM in the two last complete semesters: each self-assessed
/// by its board and verified by its district office. About a fifth of the WKSBM are Tumbuh, three fifths
/// Berkembang and a fifth Mandiri, and most improve a little from the first semester to the second.
/// </summary>
internal static class DemoAssessments
{
    /// <summary>The share of WKSBM that start as Tumbuh, and (the same) as Mandiri; the rest are Berkembang.</summary>
    private const double EdgeShare = 0.2;

    /// <summary>How many aspects get a step better from one semester to the next, and how often.</summary>
    private static readonly int[] Steps = [0, 1, 2];
    private static readonly int[] StepWeights = [20, 50, 30];

    /// <summary>The average points (1-4) a WKSBM of each level starts from.</summary>
    private static readonly double[] TypicalPoints = [1.7, 2.5, 3.35];

    private static readonly string[] VerifierNotes =
    [
        "Diverifikasi saat kunjungan lapangan.",
        "Diverifikasi dengan memeriksa SK, notulen dan buku kas.",
        "Diverifikasi bersama pendamping kapanewon.",
    ];

    public static List<Assessment> Create(Faker faker, IReadOnlyList<Institution> institutions, IReadOnlyList<WahanaUser> accounts, DateOnly today)
    {
        var indicators = StrengthIndicators.Initial();
        var thresholds = new StrengthThresholds();
        var semesters = DemoServices.Semesters(today)[..2];
        var assessments = new List<Assessment>();
        var edge = (int)Math.Round(institutions.Count * EdgeShare);
        var levels = faker.Random.Shuffle(
            Enumerable.Repeat(StrengthLevel.Tumbuh, edge)
                .Concat(Enumerable.Repeat(StrengthLevel.Mandiri, edge))
                .Concat(Enumerable.Repeat(StrengthLevel.Berkembang, institutions.Count - 2 * edge))).ToList();
        foreach (var (institution, level) in institutions.Zip(levels))
        {
            var board = accounts.First(a => a.ScopeInstitutionId == institution.Id).UserName!;
            var office = accounts.First(a => a.Role == WahanaRole.PetugasKabupaten && a.ScopeRegencyCode == institution.RegencyCode).UserName!;
            var points = PointsFor(faker, indicators, thresholds, level);
            foreach (var semester in semesters)
            {
                var assessment = New(faker, institution, semester, indicators, points, (board, office), today);
                assessment.Compute(indicators, thresholds);
                DemoFakes.EnsureValid(assessment.Validate(indicators, today), $"the assessment {semester} of {institution.Name}");
                assessments.Add(assessment);
                points = Improve(faker, points);
            }
        }
        return assessments;
    }

    /// <summary>Points around the level's typical average, drawn until the weighted score falls in that level.</summary>
    private static int[] PointsFor(Faker faker, IReadOnlyList<AssessmentIndicator> indicators, StrengthThresholds thresholds, StrengthLevel level)
    {
        var typical = TypicalPoints[(int)level];
        while (true)
        {
            var points = indicators.Select(_ => Math.Clamp((int)Math.Round(typical + faker.Random.Double(-1, 1)), 1, 4)).ToArray();
            var probe = new Assessment();
            probe.Scores.AddRange(indicators.Select((indicator, i) => new AssessmentScore { IndicatorId = indicator.Id, SelfPoints = points[i] }));
            probe.Compute(indicators, thresholds);
            if (probe.Level == level)
            {
                return points;
            }
        }
    }

    /// <summary>The next semester: usually one or two aspects a step better, now and then one a step worse.</summary>
    private static int[] Improve(Faker faker, int[] points)
    {
        var next = (int[])points.Clone();
        for (var step = DemoFakes.Weighted(faker, Steps, StepWeights); step > 0; step--)
        {
            var below = Enumerable.Range(0, next.Length).Where(i => next[i] < 4).ToList();
            if (below.Count > 0)
            {
                next[faker.PickRandom(below)]++;
            }
        }
        if (faker.Random.Bool(0.15f))
        {
            var i = faker.Random.Int(0, next.Length - 1);
            next[i] = Math.Max(1, next[i] - 1);
        }
        return next;
    }

    private static Assessment New(
        Faker faker, Institution institution, Semester semester, IReadOnlyList<AssessmentIndicator> indicators, int[] verified,
        (string Board, string Office) by, DateOnly today)
    {
        // Boards report at the end of the semester and the office visits within a few weeks; never after today.
        var submitted = Earliest(semester.End.AddDays(faker.Random.Int(1, 14)), today);
        var checkedOn = Earliest(submitted.AddDays(faker.Random.Int(3, 30)), today);
        var assessment = new Assessment
        {
            InstitutionId = institution.Id,
            RegencyCode = institution.RegencyCode,
            Year = semester.Year,
            Half = semester.Half,
            Status = AssessmentStatus.Diverifikasi,
            Notes = faker.PickRandom(VerifierNotes),
            SubmittedBy = by.Board,
            SubmittedAt = DemoFakes.RecordedOn(submitted),
            VerifiedBy = by.Office,
            VerifiedAt = DemoFakes.RecordedOn(checkedOn),
        };
        for (var i = 0; i < verified.Length; i++)
        {
            // Boards rate themselves a step too high now and then; the office corrects it.
            var self = faker.Random.Bool(0.15f) ? Math.Min(4, verified[i] + 1) : verified[i];
            assessment.Scores.Add(new AssessmentScore
            {
                AssessmentId = assessment.Id,
                IndicatorId = indicators[i].Id,
                SelfPoints = self,
                VerifiedPoints = verified[i],
            });
        }
        return assessment;
    }

    private static DateOnly Earliest(DateOnly a, DateOnly b) => a < b ? a : b;
}
