using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Data.Seeding;
using Wahana.Web.Domain;

namespace Wahana.Tests.Data.Seeding;

/// <summary>The demo institutional-strength assessments: every WKSBM in the two last complete semesters, verified.</summary>
public abstract class DemoAssessmentsTests(WahanaFactory factory)
{
    private async Task<List<Assessment>> DemoSemestersAsync()
    {
        var current = Semester.Of(factory.Today);
        var (first, second) = (current.Previous.Previous, current.Previous);
        return await factory.WithDbAsync(db => db.Assessments.AsNoTracking().Include(a => a.Scores)
            .Where(a => (a.Year == first.Year && a.Half == first.Half) || (a.Year == second.Year && a.Half == second.Half))
            .ToListAsync());
    }

    [ProviderFact]
    public async Task Every_WKSBM_has_a_verified_assessment_in_each_of_the_two_last_complete_semesters()
    {
        var assessments = await DemoSemestersAsync();
        var institutions = await factory.WithDbAsync(db => db.Institutions.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.RegencyCode));
        Assert.Equal(81 * 2, assessments.Count);
        Assert.All(assessments.GroupBy(a => a.Semester), g => Assert.Equal(institutions.Keys.Order(), g.Select(a => a.InstitutionId).Order()));
        var offices = TestUsers.DistrictOffices.ToDictionary(o => o.RegencyCode, o => o.UserName);
        Assert.All(assessments, a =>
        {
            Assert.Equal(AssessmentStatus.Diverifikasi, a.Status);
            Assert.Equal(institutions[a.InstitutionId], a.RegencyCode);
            Assert.Equal(offices[a.RegencyCode], a.VerifiedBy);
            Assert.StartsWith("pengurus.", a.SubmittedBy, StringComparison.Ordinal);
            Assert.True(a.SubmittedAt > a.Semester.End.ToDateTime(TimeOnly.MinValue) && a.VerifiedAt >= a.SubmittedAt,
                $"{a.Semester}: submitted {a.SubmittedAt}, verified {a.VerifiedAt}");
            Assert.Equal(Enumerable.Range(1, 9), a.Scores.Select(s => s.IndicatorId).Order());
            Assert.All(a.Scores, s => Assert.InRange(s.VerifiedPoints ?? 0, 1, 4));
        });
    }

    [ProviderFact]
    public async Task Stored_scores_and_levels_agree_with_the_computation()
    {
        var indicators = StrengthIndicators.Initial();
        foreach (var stored in await DemoSemestersAsync())
        {
            var again = new Assessment();
            again.Scores.AddRange(stored.Scores);
            again.Compute(indicators, new StrengthThresholds());
            Assert.Equal((again.Score, again.Level), (stored.Score, stored.Level));
        }
    }

    [ProviderFact]
    public async Task Levels_are_mostly_Berkembang_with_some_Tumbuh_and_Mandiri_and_scores_improve_a_little()
    {
        var assessments = await DemoSemestersAsync();
        var levels = assessments.GroupBy(a => a.Level).ToDictionary(g => g.Key, g => g.Count());
        Assert.InRange(levels.GetValueOrDefault(StrengthLevel.Berkembang), 81, 120);
        Assert.InRange(levels.GetValueOrDefault(StrengthLevel.Tumbuh), 16, 50);
        Assert.InRange(levels.GetValueOrDefault(StrengthLevel.Mandiri), 16, 50);

        var changes = assessments.GroupBy(a => a.InstitutionId)
            .Select(g => g.OrderBy(a => a.Year).ThenBy(a => a.Half).Select(a => a.Score).ToList())
            .Select(s => s[1] - s[0]).ToList();
        Assert.True(changes.Count(c => c > 0) > changes.Count / 2, $"Only {changes.Count(c => c > 0)} of {changes.Count} improved.");
        Assert.InRange(changes.Average(), 0.5m, 6m);
        Assert.All(changes, c => Assert.InRange(c, -10m, 15m));
    }

    [ProviderFact]
    public async Task Some_boards_rated_themselves_higher_than_the_office_did()
    {
        var scores = (await DemoSemestersAsync()).SelectMany(a => a.Scores).ToList();
        var corrected = scores.Count(s => s.SelfPoints != s.VerifiedPoints);
        Assert.InRange(corrected, scores.Count / 20, scores.Count / 4);
        Assert.All(scores.Where(s => s.SelfPoints != s.VerifiedPoints), s => Assert.Equal(s.VerifiedPoints + 1, s.SelfPoints));
    }
}

[Collection(OnSqlite.Name)]
public sealed class DemoAssessmentsTestsOnSqlite(SqliteFixture app) : DemoAssessmentsTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class DemoAssessmentsTestsOnPostgres(PostgresFixture app) : DemoAssessmentsTests(app.Factory);
