using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;
using static Wahana.Tests.Features.Assessments.AssessmentTestData;

namespace Wahana.Tests.Features.Assessments;

/// <summary>
/// /wksbm/{id}/penilaian and its form per semester: the board self-assesses, the district office verifies,
/// the board can no longer change it; bad input, concurrent writers, read-only roles and access scope.
/// </summary>
public abstract partial class AssessmentPageTests(WahanaFactory factory)
{
    // 15x2 + 10x4 + 3x(10x3) + 15x2 + 3x(10x3) = 280 of 400 = 70.0 (Berkembang); legalitas 4 instead: 310 = 77.5 (Mandiri).
    private static readonly int?[] SelfPoints = [2, 4, 3, 3, 3, 2, 3, 3, 3];
    private static readonly int?[] CorrectedPoints = [4, 4, 3, 3, 3, 2, 3, 3, 3];

    [ProviderFact]
    public async Task The_board_self_assesses_the_office_verifies_with_a_correction_and_the_board_can_no_longer_change_it()
    {
        var wksbm = await factory.WksbmOfAsync(TestUsers.Pengurus(60));
        var semester = factory.CurrentSemester();
        var url = FormUrl(wksbm.Id, semester);
        using var board = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(60));

        // The form has a fieldset with a legend and four labelled choices per active indicator.
        using (var page = await board.GetAsync(url))
        {
            var html = await page.HtmlAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal(9, FieldsetTag().Count(html));
            Assert.Contains("<legend", html, StringComparison.Ordinal);
            Assert.Contains("for=\"nilai-1-4\"", html, StringComparison.Ordinal);
            Assert.Contains("Ada SK lurah yang berlaku dan sesuai kepengurusan.", html, StringComparison.Ordinal);
        }

        // Pelaporan 1 instead of 3 first (260 of 400), then the board changes its mind while it is not yet verified.
        using (var saved = await board.PostFormAsync(url, Points(2, 4, 3, 3, 3, 2, 3, 3, 1)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal($"/wksbm/{wksbm.Id}/penilaian", saved.RedirectTarget());
        }
        Assert.Equal(65.0m, (await factory.StoredAsync(wksbm.Id, semester))!.Score);
        using (var changed = await board.PostFormAsync(url, Points(SelfPoints)))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }
        var submitted = await factory.StoredAsync(wksbm.Id, semester);
        Assert.NotNull(submitted);
        Assert.Equal((AssessmentStatus.Diajukan, 70.0m, StrengthLevel.Berkembang), (submitted.Status, submitted.Score, submitted.Level));
        Assert.Equal(TestUsers.Pengurus(60), submitted.SubmittedBy);
        Assert.Null(submitted.VerifiedBy);
        Assert.Equal(SelfPoints.Select(p => p!.Value), submitted.Scores.OrderBy(s => s.IndicatorId).Select(s => s.SelfPoints));
        Assert.All(submitted.Scores, s => Assert.Null(s.VerifiedPoints));

        var history = await (await board.GetAsync($"/wksbm/{wksbm.Id}/penilaian")).HtmlAsync();
        Assert.Contains("70,0", history, StringComparison.Ordinal);
        Assert.Contains("Diajukan, menunggu verifikasi", history, StringComparison.Ordinal);

        // The district office finds the form prefilled with the board's points and corrects legalitas.
        using var office = await factory.CreateLoggedInClientAsync(wksbm.Office);
        var officeForm = await (await office.GetAsync(url)).HtmlAsync();
        Assert.Matches(CheckedRadio(1, 2), officeForm);
        Assert.Matches(CheckedRadio(2, 4), officeForm);
        using (var verified = await office.PostFormAsync(url, Points(CorrectedPoints)))
        {
            Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        }
        var stored = await factory.StoredAsync(wksbm.Id, semester);
        Assert.NotNull(stored);
        Assert.Equal((AssessmentStatus.Diverifikasi, 77.5m, StrengthLevel.Mandiri), (stored.Status, stored.Score, stored.Level));
        Assert.Equal(wksbm.Office, stored.VerifiedBy);
        Assert.NotNull(stored.VerifiedAt);
        var legalitas = stored.Scores.Single(s => s.IndicatorId == 1);
        Assert.Equal((2, 4), (legalitas.SelfPoints, legalitas.VerifiedPoints));
        Assert.NotEqual(submitted.Version, stored.Version);

        // The board now reads it and cannot change it.
        var lockedForm = await (await board.GetAsync(url)).HtmlAsync();
        Assert.Contains("sudah diverifikasi", lockedForm, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"radio\"", lockedForm, StringComparison.Ordinal);
        using (var refused = await board.PostFormAsync(url, Points(1, 1, 1, 1, 1, 1, 1, 1, 1)))
        {
            Assert.True(IsRefused(refused) || refused.StatusCode == HttpStatusCode.OK, $"{(int)refused.StatusCode}");
            if (refused.StatusCode == HttpStatusCode.OK)
            {
                Assert.Contains("tidak dapat diubah lagi oleh pengurus", await refused.HtmlAsync(), StringComparison.Ordinal);
            }
        }
        var after = await factory.StoredAsync(wksbm.Id, semester);
        Assert.Equal((stored.Version, 77.5m, AssessmentStatus.Diverifikasi), (after!.Version, after.Score, after.Status));

        // Both writes are in the audit trail under the writer's name.
        var audit = await factory.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == nameof(Assessment) && a.EntityId == stored.Id.ToString())
            .Select(a => new { a.Action, a.UserName }).ToListAsync());
        Assert.Contains(audit, a => a.Action == "Added" && a.UserName == TestUsers.Pengurus(60));
        Assert.Contains(audit, a => a.Action == "Modified" && a.UserName == wksbm.Office);
    }

    [ProviderFact]
    public async Task A_second_writer_is_told_of_the_first_s_change_and_nothing_is_lost()
    {
        var wksbm = await factory.WksbmOfAsync(TestUsers.Pengurus(61));
        var semester = factory.CurrentSemester();
        var url = FormUrl(wksbm.Id, semester);
        using var board = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(61));
        using var office = await factory.CreateLoggedInClientAsync(wksbm.Office);

        // Both open the empty form; the board saves first.
        var officeVersion = HiddenVersion(await (await office.GetAsync(url)).HtmlAsync());
        Assert.Equal(Guid.Empty.ToString(), officeVersion);
        using (var first = await board.PostFormAsync(url, Points(SelfPoints)))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        // The office posts what it chose on the stale form.
        var stale = Points(1, 1, 1, 1, 1, 1, 1, 1, 4);
        stale["Input.Version"] = officeVersion!;
        using var second = await office.PostFormAsync(url, stale, keepVersion: true);
        var html = await second.HtmlAsync();
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains($"sudah disimpan oleh {TestUsers.Pengurus(61)}", html, StringComparison.Ordinal);
        // The office's choices are still on its form, and the board's assessment is untouched.
        Assert.Matches(CheckedRadio(9, 4), html);
        Assert.Matches(CheckedRadio(1, 1), html);
        var stored = await factory.StoredAsync(wksbm.Id, semester);
        Assert.Equal((AssessmentStatus.Diajukan, 70.0m), (stored!.Status, stored.Score));
        Assert.Equal(stored.Version.ToString(), HiddenVersion(html));

        // Saving again from that form is a deliberate overwrite.
        var again = Points(1, 1, 1, 1, 1, 1, 1, 1, 4);
        again["Input.Version"] = HiddenVersion(html)!;
        using (var third = await office.PostFormAsync(url, again, keepVersion: true))
        {
            Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
        }
        var verified = await factory.StoredAsync(wksbm.Id, semester);
        // 90 x 1 + 10 x 4 = 130 of 400.
        Assert.Equal((AssessmentStatus.Diverifikasi, 32.5m, StrengthLevel.Tumbuh), (verified!.Status, verified.Score, verified.Level));
    }

    [ProviderFact]
    public async Task Bad_input_gets_Indonesian_messages_next_to_the_fields_and_nothing_is_saved()
    {
        var wksbm = await factory.WksbmOfAsync(TestUsers.Pengurus(62));
        var semester = factory.CurrentSemester();
        using var board = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(62));

        // Points 5 for struktur, nothing for pelaporan.
        using (var response = await board.PostFormAsync(FormUrl(wksbm.Id, semester), Points(3, 5, 3, 3, 3, 3, 3, 3, null)))
        {
            var html = await response.HtmlAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("id=\"galat-2\" class=\"text-danger small mt-1\">Beri nilai 1-4 untuk indikator \"Struktur kepengurusan\".", html, StringComparison.Ordinal);
            Assert.Contains("id=\"galat-9\" class=\"text-danger small mt-1\">Beri nilai 1-4 untuk indikator \"Pelaporan tepat waktu\".", html, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"galat-1\"", html, StringComparison.Ordinal);
            // What was chosen stays chosen.
            Assert.Matches(CheckedRadio(1, 3), html);
        }
        Assert.Null(await factory.StoredAsync(wksbm.Id, semester));

        // A semester that has not started.
        using (var response = await board.PostFormAsync(FormUrl(wksbm.Id, semester.Next), Points(3, 3, 3, 3, 3, 3, 3, 3, 3)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Semester penilaian harus semester yang sudah berjalan.", await response.HtmlAsync(), StringComparison.Ordinal);
        }
        Assert.Null(await factory.StoredAsync(wksbm.Id, semester.Next));
    }

    [ProviderFact]
    public async Task An_unknown_WKSBM_is_a_404()
    {
        using var admin = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
        var id = Guid.CreateVersion7();
        using var history = await admin.GetAsync($"/wksbm/{id}/penilaian");
        using var form = await admin.GetAsync(FormUrl(id, factory.CurrentSemester()));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (history.StatusCode, form.StatusCode));
    }

    [ProviderFact]
    public async Task Bantul_gets_404_for_a_Sleman_WKSBM_s_assessments()
    {
        var sleman = await factory.WithDbAsync(db => db.Institutions.Where(i => i.RegencyCode == "34.04").Select(i => i.Id).FirstAsync());
        using var bantul = await factory.CreateLoggedInClientAsync(TestUsers.DinsosBantul);
        using var history = await bantul.GetAsync($"/wksbm/{sleman}/penilaian");
        using var form = await bantul.GetAsync(FormUrl(sleman, factory.CurrentSemester().Previous));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (history.StatusCode, form.StatusCode));
        Assert.DoesNotContain("Diverifikasi", await history.HtmlAsync(), StringComparison.Ordinal);

        using var slemanOffice = await factory.CreateLoggedInClientAsync(TestUsers.DinsosSleman);
        using var own = await slemanOffice.GetAsync($"/wksbm/{sleman}/penilaian");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [ProviderFact]
    public async Task The_history_lists_the_two_verified_demo_semesters_newest_first()
    {
        var wksbm = await factory.WksbmOfAsync(TestUsers.Pengurus(2));
        var stored = await factory.WithDbAsync(db => db.Assessments.AsNoTracking().Where(a => a.InstitutionId == wksbm.Id)
            .OrderByDescending(a => a.Year).ThenByDescending(a => a.Half).ToListAsync());
        using var admin = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
        var html = await (await admin.GetAsync($"/wksbm/{wksbm.Id}/penilaian")).HtmlAsync();
        var rows = SemesterRow().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(stored.Select(a => $"{a.Year}-{a.Half}"), rows);
        var previous = factory.CurrentSemester().Previous;
        Assert.Contains(previous.ToString(), rows);
        Assert.Contains(previous.Previous.ToString(), rows);
        Assert.Contains(wksbm.Office, html, StringComparison.Ordinal);
        Assert.Contains($">{stored[0].Level}<", html, StringComparison.Ordinal);
    }

    [ProviderTheory]
    [InlineData(TestUsers.Relawan01)]
    [InlineData(TestUsers.Forum)]
    [InlineData("mitra.baznas")]
    public async Task Read_only_roles_may_read_but_a_post_is_refused_and_saves_nothing(string userName)
    {
        // The relawan belongs to pengurus.01's WKSBM; the others see every WKSBM.
        var wksbm = await factory.WksbmOfAsync(userName == TestUsers.Relawan01 ? TestUsers.Pengurus(1) : TestUsers.Pengurus(65));
        var semester = factory.CurrentSemester();
        var before = await factory.WithDbAsync(db => db.Assessments.CountAsync(a => a.InstitutionId == wksbm.Id));
        using var client = await factory.CreateLoggedInClientAsync(userName);

        var history = await (await client.GetAsync($"/wksbm/{wksbm.Id}/penilaian")).HtmlAsync();
        Assert.Contains("data-testid=\"history\"", history, StringComparison.Ordinal);
        Assert.DoesNotContain("Isi penilaian", history, StringComparison.Ordinal);
        var form = await (await client.GetAsync(FormUrl(wksbm.Id, semester.Previous))).HtmlAsync();
        Assert.DoesNotContain("type=\"radio\"", form, StringComparison.Ordinal);
        Assert.Contains("data-indicator=\"legalitas\"", form, StringComparison.Ordinal);

        using var response = await client.PostFormAsync(FormUrl(wksbm.Id, semester), Points(4, 4, 4, 4, 4, 4, 4, 4, 4));
        Assert.True(IsRefused(response), $"{userName} got {(int)response.StatusCode} for a POST");
        Assert.Equal(before, await factory.WithDbAsync(db => db.Assessments.CountAsync(a => a.InstitutionId == wksbm.Id)));
    }

    private static Regex CheckedRadio(int indicatorId, int points) =>
        new($"""id="nilai-{indicatorId}-{points}" value="{points}"\s+checked""", RegexOptions.None, TimeSpan.FromSeconds(1));

    [GeneratedRegex("<fieldset\\b")]
    private static partial Regex FieldsetTag();

    [GeneratedRegex("data-semester=\"([0-9]{4}-[12])\"")]
    private static partial Regex SemesterRow();
}

[Collection(OnSqlite.Name)]
public sealed class AssessmentPageTestsOnSqlite(SqliteFixture app) : AssessmentPageTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class AssessmentPageTestsOnPostgres(PostgresFixture app) : AssessmentPageTests(app.Factory);
