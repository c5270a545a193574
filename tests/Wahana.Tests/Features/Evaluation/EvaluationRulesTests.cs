using Wahana.Web.Domain;
using Wahana.Web.Features.Evaluation;

namespace Wahana.Tests.Features.Evaluation;

/// <summary>The evaluation's rules on figures made up here: medians, weak indicators, peers to learn from, hiding.</summary>
public sealed class EvaluationRulesTests
{
    private static EvaluationQuery.Figures F(string name, string regency, int people, int categories = 3, long rupiah = 100_000,
        int funding = 2, int volunteers = 5, decimal? score = 60, ReportTimeliness report = ReportTimeliness.TepatWaktu, int submittedDay = 1) =>
        new(Guid.CreateVersion7(), name, regency, people, categories, rupiah, funding, volunteers,
            score is null ? null : StrengthLevel.Berkembang, score, report,
            report == ReportTimeliness.Belum ? null : new DateTimeOffset(2026, 7, submittedDay, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_value_and_of_an_even_count_the_mean_of_the_two()
    {
        Assert.Equal(7m, EvaluationMedians.Median([9, 1, 7]));
        Assert.Equal(5.5m, EvaluationMedians.Median([9, 1, 4, 7]));
        Assert.Equal(3m, EvaluationMedians.Median([3]));
        Assert.Equal(0m, EvaluationMedians.Median([]));
        var medians = EvaluationQuery.MediansOf([F("A", "34.01", 10), F("B", "34.01", 40), F("C", "34.01", 90, score: null), F("D", "34.01", 50)]);
        Assert.Equal(45m, medians.PeopleServed);
        Assert.Equal(2, medians.InBand);
        Assert.Equal(60m, medians.Score);
        Assert.Equal(4, medians.Institutions);
    }

    [Fact]
    public void Weak_indicators_follow_the_rules_shown_on_the_page()
    {
        var regency = EvaluationQuery.MediansOf([F("A", "34.01", 40, categories: 4, volunteers: 6), F("B", "34.01", 50, categories: 6, volunteers: 2)]);
        var weak = EvaluationQuery.WeakOf(F("X", "34.01", 25, categories: 4, rupiah: 100_000, volunteers: 4, score: null, report: ReportTimeliness.Terlambat), regency);
        // People outside 30-80; categories 4 < median 5; volunteers 4 = median 4 (not weak); no assessment (0 < 60); late report.
        Assert.Equal([Indicators.PeopleServed, Indicators.Categories, Indicators.Level, Indicators.Report], weak);
        Assert.Empty(EvaluationQuery.WeakOf(F("Y", "34.01", 80, categories: 5, volunteers: 4), regency));
        Assert.Contains(Indicators.PeopleServed, EvaluationQuery.WeakOf(F("Z", "34.01", 81, categories: 9), regency));
    }

    [Fact]
    public void Learn_from_names_the_three_best_peers_of_the_same_kabupaten()
    {
        var self = F("Lemah", "34.01", 12, volunteers: 1, report: ReportTimeliness.Belum);
        var peers = new[]
        {
            F("P1", "34.01", 45, volunteers: 9, submittedDay: 10), F("P2", "34.01", 79, volunteers: 3, submittedDay: 3),
            F("P3", "34.01", 95, volunteers: 12, submittedDay: 1), F("P4", "34.01", 30, volunteers: 7, report: ReportTimeliness.Terlambat),
            F("P5", "34.01", 60, volunteers: 1, submittedDay: 2), F("Lain", "34.02", 70, volunteers: 50, submittedDay: 1),
        };
        var all = peers.Append(self).ToList();
        var seen = all.Where(f => f.Name != "P2").Select(f => f.InstitutionId).ToHashSet();
        var compiled = new EvaluationQuery.Compiled(all, [.. all.Select(f => f.InstitutionId)], seen, AggregatesOnly: false);

        var card = EvaluationCard.Of(compiled, self.InstitutionId)!;

        string[] Names(string code) => [.. card.Indicators.Single(i => i.Code == code).LearnFrom.Select(p => p.Name)];
        // In the band, most people first (P3 is above it; Lain is in another kabupaten).
        Assert.Equal(["P2", "P5", "P1"], Names(Indicators.PeopleServed));
        // Better than this WKSBM (1), highest first; P5 equals it and is not named.
        Assert.Equal(["P3", "P1", "P4"], Names(Indicators.Volunteers));
        // On time, earliest first.
        Assert.Equal(["P3", "P5", "P2"], Names(Indicators.Report));
        var volunteers = card.Indicators.Single(i => i.Code == Indicators.Volunteers);
        Assert.True(volunteers.Weak);
        Assert.Equal(5m, volunteers.KabupatenMedian); // 1, 1, 3, 7, 9, 12 → (3 + 7) / 2
        Assert.Equal(12m, volunteers.LearnFrom[0].Value);
        var report = card.Indicators.Single(i => i.Code == Indicators.Report);
        Assert.DoesNotContain(card.Indicators.SelectMany(i => i.LearnFrom), p => p.Name == "Lain");
        Assert.All(report.LearnFrom, p => Assert.True(p.Linked));
        Assert.False(card.Indicators.Single(i => i.Code == Indicators.Categories).Weak);
        Assert.Empty(card.Indicators.Single(i => i.Code == Indicators.Categories).LearnFrom);
    }

    [Fact]
    public void Counts_of_people_below_5_are_hidden_for_those_who_see_aggregates_only_and_the_rupiah_per_person_with_them()
    {
        var figures = F("Kecil", "34.01", 3, rupiah: 250_000, volunteers: 2);
        var medians = EvaluationQuery.MediansOf([figures]);
        var hidden = EvaluationQuery.RowOf(figures, medians, aggregatesOnly: true);
        Assert.Null(hidden.PeopleServed);
        Assert.Null(hidden.RupiahPerPerson);
        Assert.Null(hidden.ActiveVolunteers);
        var shown = EvaluationQuery.RowOf(figures, medians, aggregatesOnly: false);
        Assert.Equal(3, shown.PeopleServed);
        Assert.Equal(250_000, shown.RupiahPerPerson);
        Assert.Equal(2, shown.ActiveVolunteers);
        Assert.Equal(0, EvaluationQuery.RowOf(F("Nol", "34.01", 0, volunteers: 0), medians, aggregatesOnly: true).PeopleServed);
    }

    [Fact]
    public void Period_and_regency_are_read_or_reported_as_field_errors()
    {
        var today = new DateOnly(2026, 9, 1);
        var query = EvaluationQuery.Parse(null, null, null, null, today);
        Assert.Equal(new Semester(2026, 1), query.Semester);
        Assert.Empty(query.Errors);
        Assert.Equal(new Semester(2025, 2), EvaluationQuery.Parse("2025-2", "34.02", "relawan", "turun", today).Semester);
        Assert.Equal(EvaluationSort.Volunteers, EvaluationQuery.Parse("2025-2", "34.02", "relawan", "turun", today).Sort);
        Assert.Contains("period", EvaluationQuery.Parse("2026-3", null, null, null, today).Errors.Keys);
        Assert.Contains("period", EvaluationQuery.Parse("2027-1", null, null, null, today).Errors.Keys);
        Assert.Contains("regency", EvaluationQuery.Parse(null, "34.02.01", null, null, today).Errors.Keys);
    }
}
