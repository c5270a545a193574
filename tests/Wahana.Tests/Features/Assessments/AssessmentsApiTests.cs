using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Data.Seeding;
using Wahana.Web.Domain;
using static Wahana.Tests.Features.Assessments.AssessmentTestData;

namespace Wahana.Tests.Features.Assessments;

/// <summary>GET and POST /api/v1/institutions/{id}/assessments through each role's bearer token.</summary>
public abstract class AssessmentsApiTests(WahanaFactory factory)
{
    private static string Url(Guid id) => $"/api/v1/institutions/{id}/assessments";

    /// <summary>A request body with points for the nine indicators in their order.</summary>
    private static object Body(Semester semester, int[] points, string? notes = null, Guid? version = null) => new
    {
        year = semester.Year,
        half = semester.Half,
        scores = Codes.Zip(points).ToDictionary(p => p.First, p => p.Second),
        notes,
        version,
    };

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    [ProviderFact]
    public async Task The_list_has_the_demo_semesters_newest_first_with_points_per_indicator_code()
    {
        var wksbm = await factory.WksbmOfAsync(TestUsers.Pengurus(3));
        using var client = await factory.CreateApiClientAsync(TestUsers.Pengurus(3));
        var items = (await client.GetJsonAsync(Url(wksbm.Id))).EnumerateArray().ToList();

        var previous = factory.CurrentSemester().Previous;
        Assert.Equal([previous.ToString(), previous.Previous.ToString()],
            items.Select(i => $"{i.GetProperty("year").GetInt32()}-{i.GetProperty("half").GetInt32()}"));
        var weights = StrengthIndicators.Initial().ToDictionary(i => i.Code, i => i.Weight);
        foreach (var item in items)
        {
            Assert.Equal("diverifikasi", item.GetProperty("status").GetString());
            Assert.Equal(wksbm.Office, item.GetProperty("verifiedBy").GetString());
            var scores = item.GetProperty("scores").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
            Assert.Equal(Codes, scores.Keys);
            Assert.All(scores.Values, p => Assert.InRange(p, 1, 4));
            // The stored score is the weighted share of the maximum, by hand.
            var expected = Math.Round(scores.Sum(s => weights[s.Key] * s.Value) * 100m / (weights.Values.Sum() * 4), 1);
            var score = item.GetProperty("score").GetDecimal();
            Assert.Equal(expected, score);
            var level = score >= 75 ? "mandiri" : score >= 50 ? "berkembang" : "tumbuh";
            Assert.Equal(level, item.GetProperty("level").GetString());
        }
    }

    [ProviderFact]
    public async Task The_board_posts_its_self_assessment_the_office_verifies_and_then_the_board_gets_409()
    {
        var wksbm = await factory.WksbmOfAsync(TestUsers.Pengurus(63));
        var semester = factory.CurrentSemester();
        using var board = await factory.CreateApiClientAsync(TestUsers.Pengurus(63));
        using var office = await factory.CreateApiClientAsync(wksbm.Office);

        // 15x2 + 10x4 + 3x(10x3) + 15x2 + 3x(10x3) = 280 of 400.
        using var created = await board.PostAsJsonAsync(Url(wksbm.Id), Body(semester, [2, 4, 3, 3, 3, 2, 3, 3, 3], "Mengisi lewat API"));
        var self = await JsonOf(created);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("diajukan", 70.0m, "berkembang"),
            (self.GetProperty("status").GetString(), self.GetProperty("score").GetDecimal(), self.GetProperty("level").GetString()));
        Assert.Equal(TestUsers.Pengurus(63), self.GetProperty("submittedBy").GetString());

        // A stale version is a 409; the current one verifies, with legalitas corrected to 4 (310 of 400).
        using (var stale = await office.PostAsJsonAsync(Url(wksbm.Id), Body(semester, [4, 4, 3, 3, 3, 2, 3, 3, 3], version: Guid.CreateVersion7())))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }
        using var verified = await office.PostAsJsonAsync(Url(wksbm.Id),
            Body(semester, [4, 4, 3, 3, 3, 2, 3, 3, 3], version: self.GetProperty("version").GetGuid()));
        var checkedItem = await JsonOf(verified);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal(("diverifikasi", 77.5m, "mandiri"),
            (checkedItem.GetProperty("status").GetString(), checkedItem.GetProperty("score").GetDecimal(), checkedItem.GetProperty("level").GetString()));
        Assert.Equal(2, checkedItem.GetProperty("selfScores").GetProperty("legalitas").GetInt32());
        Assert.Equal(4, checkedItem.GetProperty("scores").GetProperty("legalitas").GetInt32());

        using (var locked = await board.PostAsJsonAsync(Url(wksbm.Id), Body(semester, [4, 4, 4, 4, 4, 4, 4, 4, 4])))
        {
            Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
            Assert.Equal("application/problem+json", locked.Content.Headers.ContentType?.MediaType);
            Assert.Contains("sudah diverifikasi", (await JsonOf(locked)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        var list = (await board.GetJsonAsync(Url(wksbm.Id))).EnumerateArray().First();
        Assert.Equal((semester.Year, semester.Half, 77.5m), (list.GetProperty("year").GetInt32(), list.GetProperty("half").GetInt32(), list.GetProperty("score").GetDecimal()));
    }

    [ProviderFact]
    public async Task Bad_input_is_a_validation_problem_naming_each_field_and_nothing_is_saved()
    {
        var wksbm = await factory.WksbmOfAsync(TestUsers.Pengurus(64));
        var semester = factory.CurrentSemester();
        using var board = await factory.CreateApiClientAsync(TestUsers.Pengurus(64));

        var scores = Codes.Skip(2).ToDictionary(c => c, _ => 3);
        scores["legalitas"] = 5;
        scores["tidak-ada"] = 2;
        using var response = await board.PostAsJsonAsync(Url(wksbm.Id), new { year = semester.Next.Year, half = semester.Next.Half, scores });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await JsonOf(response)).GetProperty("errors");
        Assert.Equal(["scores.legalitas", "scores.struktur", "scores.tidak-ada", "year"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Beri nilai 1-4 untuk indikator \"Legalitas\".", errors.GetProperty("scores.legalitas")[0].GetString());

        using var badHalf = await board.PostAsJsonAsync(Url(wksbm.Id), new { year = semester.Year, half = 3, scores = Codes.ToDictionary(c => c, _ => 3) });
        Assert.Equal(HttpStatusCode.BadRequest, badHalf.StatusCode);
        Assert.True((await JsonOf(badHalf)).GetProperty("errors").TryGetProperty("half", out _));

        var stored = await factory.WithDbAsync(db => db.Assessments.CountAsync(a => a.InstitutionId == wksbm.Id));
        Assert.Equal(2, stored);
    }

    [ProviderFact]
    public async Task Bantul_gets_404_for_a_Sleman_WKSBM_and_an_unknown_id_is_404()
    {
        var sleman = await factory.WithDbAsync(db => db.Institutions.Where(i => i.RegencyCode == "34.04").Select(i => i.Id).FirstAsync());
        var semester = factory.CurrentSemester();
        using var bantul = await factory.CreateApiClientAsync(TestUsers.DinsosBantul);
        using var list = await bantul.GetAsync(Url(sleman));
        using var post = await bantul.PostAsJsonAsync(Url(sleman), Body(semester.Previous, [3, 3, 3, 3, 3, 3, 3, 3, 3]));
        using var unknown = await bantul.GetAsync(Url(Guid.CreateVersion7()));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (list.StatusCode, post.StatusCode, unknown.StatusCode));
        Assert.Equal("application/problem+json", list.Content.Headers.ContentType?.MediaType);
        var verifiedBy = await factory.WithDbAsync(db => db.Assessments
            .Where(a => a.InstitutionId == sleman && a.Year == semester.Previous.Year && a.Half == semester.Previous.Half)
            .Select(a => a.VerifiedBy).SingleAsync());
        Assert.Equal(TestUsers.DinsosSleman, verifiedBy);
    }

    [ProviderTheory]
    [InlineData(TestUsers.Relawan01)]
    [InlineData(TestUsers.Forum)]
    public async Task Read_only_roles_get_403_for_a_post_and_nothing_is_saved(string userName)
    {
        var wksbm = await factory.WksbmOfAsync(userName == TestUsers.Relawan01 ? TestUsers.Pengurus(1) : TestUsers.Pengurus(65));
        var before = await factory.WithDbAsync(db => db.Assessments.CountAsync(a => a.InstitutionId == wksbm.Id));
        using var client = await factory.CreateApiClientAsync(userName);
        var list = await client.GetJsonAsync(Url(wksbm.Id));
        Assert.Equal(before, list.GetArrayLength());

        using var response = await client.PostAsJsonAsync(Url(wksbm.Id), Body(factory.CurrentSemester(), [4, 4, 4, 4, 4, 4, 4, 4, 4]));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Assessments.CountAsync(a => a.InstitutionId == wksbm.Id)));
    }

    [ProviderFact]
    public async Task Without_a_token_the_API_answers_401()
    {
        var wksbm = await factory.WksbmOfAsync(TestUsers.Pengurus(65));
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var list = await client.GetAsync(Url(wksbm.Id));
        using var post = await client.PostAsJsonAsync(Url(wksbm.Id), Body(factory.CurrentSemester(), [4, 4, 4, 4, 4, 4, 4, 4, 4]));
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (list.StatusCode, post.StatusCode));
    }
}

[Collection(OnSqlite.Name)]
public sealed class AssessmentsApiTestsOnSqlite(SqliteFixture app) : AssessmentsApiTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class AssessmentsApiTestsOnPostgres(PostgresFixture app) : AssessmentsApiTests(app.Factory);
