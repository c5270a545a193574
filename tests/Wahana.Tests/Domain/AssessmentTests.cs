using Wahana.Web.Data.Seeding;
using Wahana.Web.Domain;

namespace Wahana.Tests.Domain;

public sealed class AssessmentTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static Assessment With(params int[] points) => WithScores(points.Select((p, i) => new AssessmentScore { IndicatorId = i + 1, SelfPoints = p }));

    private static Assessment WithScores(IEnumerable<AssessmentScore> scores)
    {
        var assessment = new Assessment { Year = 2026, Half = 2 };
        assessment.Scores.AddRange(scores);
        return assessment;
    }

    private static List<AssessmentIndicator> Indicators(params int[] weights) =>
        [.. weights.Select((w, i) => new AssessmentIndicator { Id = i + 1, Code = $"i{i + 1}", Name = $"Indikator {i + 1}", Weight = w })];

    [Theory]
    // The nine initial indicators weigh 15, 10, 10, 10, 10, 15, 10, 10, 10 (sum 100, maximum 400).
    [InlineData(new[] { 4, 4, 4, 4, 4, 4, 4, 4, 4 }, 100.0)]
    [InlineData(new[] { 1, 1, 1, 1, 1, 1, 1, 1, 1 }, 25.0)]
    // 15x2 + 10x4 + 3x(10x3) + 15x2 + 3x(10x3) = 30 + 40 + 90 + 30 + 90 = 280 of 400.
    [InlineData(new[] { 2, 4, 3, 3, 3, 2, 3, 3, 3 }, 70.0)]
    // The same with legalitas 4: 310 of 400.
    [InlineData(new[] { 4, 4, 3, 3, 3, 2, 3, 3, 3 }, 77.5)]
    // 280 with pelaporan 1 instead of 3: 260 of 400.
    [InlineData(new[] { 2, 4, 3, 3, 3, 2, 3, 3, 1 }, 65.0)]
    public void The_score_is_the_weighted_share_of_the_maximum(int[] points, double expected)
    {
        var assessment = With(points);
        assessment.Compute(StrengthIndicators.Initial(), new StrengthThresholds());
        Assert.Equal((decimal)expected, assessment.Score);
    }

    [Fact]
    public void The_score_is_rounded_to_one_decimal()
    {
        // (1 + 2 + 2) / 12 x 100 = 41.666...
        var assessment = With(1, 2, 2);
        assessment.Compute(Indicators(1, 1, 1), new StrengthThresholds());
        Assert.Equal(41.7m, assessment.Score);
        Assert.Equal(StrengthLevel.Tumbuh, assessment.Level);
    }

    [Fact]
    public void Verified_points_count_instead_of_the_board_s_own()
    {
        var assessment = WithScores([
            new AssessmentScore { IndicatorId = 1, SelfPoints = 4, VerifiedPoints = 2 },
            new AssessmentScore { IndicatorId = 2, SelfPoints = 3 },
        ]);
        assessment.Compute(Indicators(2, 1), new StrengthThresholds());
        // (2x2 + 1x3) / (3x4) x 100 = 58.33...
        Assert.Equal(58.3m, assessment.Score);
        Assert.Equal(StrengthLevel.Berkembang, assessment.Level);
    }

    [Fact]
    public void Scores_of_indicators_no_longer_in_use_do_not_count()
    {
        var assessment = With(4, 1);
        assessment.Compute(Indicators(10), new StrengthThresholds());
        Assert.Equal(100m, assessment.Score);
    }

    [Fact]
    public void Without_indicators_the_score_is_zero()
    {
        var assessment = With(4);
        assessment.Compute([], new StrengthThresholds());
        Assert.Equal(0m, assessment.Score);
        Assert.Equal(StrengthLevel.Tumbuh, assessment.Level);
    }

    [Theory]
    [InlineData(0, StrengthLevel.Tumbuh)]
    [InlineData(49.9, StrengthLevel.Tumbuh)]
    [InlineData(50, StrengthLevel.Berkembang)]
    [InlineData(74.9, StrengthLevel.Berkembang)]
    [InlineData(75, StrengthLevel.Mandiri)]
    [InlineData(100, StrengthLevel.Mandiri)]
    public void The_default_levels_start_at_exactly_50_and_75(double score, StrengthLevel expected)
    {
        Assert.Equal(expected, new StrengthThresholds().LevelOf((decimal)score));
    }

    [Theory]
    // All 2 is exactly 50, all 3 exactly 75: the boundaries belong to the higher level.
    [InlineData(2, 50.0, StrengthLevel.Berkembang)]
    [InlineData(3, 75.0, StrengthLevel.Mandiri)]
    public void A_computed_score_on_a_boundary_gets_the_higher_level(int points, double score, StrengthLevel level)
    {
        var assessment = With(Enumerable.Repeat(points, 9).ToArray());
        assessment.Compute(StrengthIndicators.Initial(), new StrengthThresholds());
        Assert.Equal(((decimal)score, level), (assessment.Score, assessment.Level));
    }

    [Fact]
    public void Other_thresholds_move_the_levels()
    {
        var thresholds = new StrengthThresholds { BerkembangFrom = 60, MandiriFrom = 80 };
        Assert.Equal(StrengthLevel.Tumbuh, thresholds.LevelOf(59.9m));
        Assert.Equal(StrengthLevel.Berkembang, thresholds.LevelOf(60m));
        Assert.Equal(StrengthLevel.Berkembang, thresholds.LevelOf(79.9m));
        Assert.Equal(StrengthLevel.Mandiri, thresholds.LevelOf(80m));
    }

    [Theory]
    [InlineData(50, 75, true)]
    [InlineData(1, 2, true)]
    [InlineData(99, 100, true)]
    [InlineData(50, 50, false)]
    [InlineData(60, 50, false)]
    [InlineData(0, 75, false)]
    [InlineData(100, 100, false)]
    [InlineData(50, 101, false)]
    public void Thresholds_must_rise_within_1_to_100(int berkembangFrom, int mandiriFrom, bool valid)
    {
        var errors = new StrengthThresholds { BerkembangFrom = berkembangFrom, MandiriFrom = mandiriFrom }.Validate();
        Assert.Equal(valid, errors.Count == 0);
        Assert.All(errors, e => Assert.Equal(nameof(StrengthThresholds.BerkembangFrom), e.Field));
    }

    [Fact]
    public void A_complete_assessment_of_a_started_semester_is_valid()
    {
        Assert.Empty(With(1, 2, 3, 4, 1, 2, 3, 4, 1).Validate(StrengthIndicators.Initial(), Today));
    }

    [Theory]
    [InlineData(2027, 1)]
    [InlineData(2026, 3)]
    [InlineData(2026, 0)]
    [InlineData(0, 1)]
    [InlineData(1999, 2)]
    [InlineData(10000, 1)]
    public void Only_a_semester_that_has_started_can_be_assessed(int year, int half)
    {
        var assessment = With(3, 3, 3, 3, 3, 3, 3, 3, 3);
        assessment.Year = year;
        assessment.Half = half;
        var error = Assert.Single(assessment.Validate(StrengthIndicators.Initial(), Today));
        Assert.Equal(nameof(Assessment.Year), error.Field);
    }

    [Fact]
    public void The_current_semester_can_be_assessed_from_its_first_day()
    {
        var assessment = With(3, 3, 3, 3, 3, 3, 3, 3, 3);
        Assert.Empty(assessment.Validate(StrengthIndicators.Initial(), new DateOnly(2026, 7, 1)));
        Assert.Single(assessment.Validate(StrengthIndicators.Initial(), new DateOnly(2026, 6, 30)));
    }

    [Fact]
    public void Every_active_indicator_needs_points_from_1_to_4()
    {
        var assessment = WithScores([
            new AssessmentScore { IndicatorId = 1, SelfPoints = 0 },
            new AssessmentScore { IndicatorId = 2, SelfPoints = 5 },
            new AssessmentScore { IndicatorId = 3, SelfPoints = 3, VerifiedPoints = 5 },
            new AssessmentScore { IndicatorId = 4, SelfPoints = 4 },
        ]);
        var indicators = Indicators(10, 10, 10, 10, 10);
        indicators[4].Name = "Relawan";
        var errors = assessment.Validate(indicators, Today);
        Assert.Equal(["Scores[1]", "Scores[2]", "Scores[3]", "Scores[5]"], errors.Select(e => e.Field));
        Assert.Equal("Beri nilai 1-4 untuk indikator \"Relawan\".", errors[^1].Message);
    }

    [Fact]
    public void An_inactive_indicator_needs_no_points()
    {
        var indicators = Indicators(10, 10);
        indicators[1].IsActive = false;
        Assert.Empty(With(3).Validate(indicators, Today));
    }
}
