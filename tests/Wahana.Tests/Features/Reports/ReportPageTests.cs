using System.Net;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Features.Distributions;
using Wahana.Tests.Support;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Features.Reports;

namespace Wahana.Tests.Features.Reports;

/// <summary>The report pages (/laporan, /laporan/{wksbm}/{periode}) as a browser uses them, and the lock an approval puts on services.</summary>
public abstract class ReportPageTests(WahanaFactory factory)
{
    private static Dictionary<string, string> Narrative(string version, string achievements = "Melayani 40 lansia.", string plans = "Menambah relawan.") => new()
    {
        ["Version"] = version,
        ["Achievements"] = achievements,
        ["Obstacles"] = "",
        ["Plans"] = plans,
    };

    private static string Version(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"Version\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"Version\"") is { Success: true } m
            ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            : throw new InvalidOperationException("No version on the page.");

    [ProviderFact]
    public async Task The_pengurus_drafts_and_submits_the_office_returns_with_a_comment_and_the_history_shows_it()
    {
        var home = await factory.HomeOfAsync(TestUsers.Pengurus(12));
        var semester = factory.QuietSemester();
        var url = $"/laporan/{home.InstitutionId}/{semester}";
        try
        {
            using var pengurus = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(12));
            // The first visit creates the draft.
            var html = await pengurus.GetStringAsync(url);
            Assert.Equal("Draf", HttpHelpers.TestIdText(html, "status"));
            var id = await factory.WithDbAsync(db => db.SemesterReports.Where(r => r.InstitutionId == home.InstitutionId && r.Year == semester.Year && r.Half == semester.Half).Select(r => r.Id).SingleAsync());

            // Saved as a draft; then submitting without plans is refused with the message and nothing changes.
            using var saved = await pengurus.SubmitFormAsync(url, url + "?handler=Save", Narrative(Version(html), plans: ""));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal(("Melayani 40 lansia.", ReportStatus.Draft), ((await factory.StoredAsync(id))!.Achievements, (await factory.StoredAsync(id))!.Status));
            html = await pengurus.GetStringAsync(url);
            using var refused = await pengurus.SubmitFormAsync(url, url + "?handler=Submit", Narrative(Version(html), plans: " "));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(ReportWorkflow.PlansMissing, HttpHelpers.TestIdText(await refused.Content.ReadAsStringAsync(), "plans-error"));
            Assert.Equal((ReportStatus.Draft, 0), ((await factory.StoredAsync(id))!.Status, (await factory.StoredAsync(id))!.Steps));

            using var submitted = await pengurus.SubmitFormAsync(url, url + "?handler=Submit", Narrative(Version(html)));
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
            html = await pengurus.GetStringAsync(url);
            Assert.Equal("Diajukan", HttpHelpers.TestIdText(html, "status"));
            Assert.DoesNotContain("data-testid=\"narrative-form\"", html, StringComparison.Ordinal);

            // Another district's office: 404 on the page and on its actions; a volunteer: no reports at all.
            using var other = await factory.CreateLoggedInClientAsync(home.OtherOffice);
            using var hidden = await other.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
            var otherToken = HttpHelpers.AntiforgeryToken(await other.GetStringAsync("/"));
            using var approveElsewhere = await other.PostAsync(url + "?handler=Approve", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Version"] = (await factory.StoredAsync(id))!.Version.ToString(), ["__RequestVerificationToken"] = otherToken,
            }));
            Assert.Equal(HttpStatusCode.NotFound, approveElsewhere.StatusCode);
            Assert.Equal(ReportStatus.Diajukan, (await factory.StoredAsync(id))!.Status);
            var relawan = await factory.CreateUserAsync(WahanaRole.Relawan, institutionId: home.InstitutionId, prefix: "relawan-laporan");
            using var volunteer = await factory.CreateLoggedInClientAsync(relawan, TestUsers.Password);
            using var denied = await volunteer.GetAsync(url);
            Assert.True(denied.StatusCode == HttpStatusCode.Forbidden || denied.RedirectTarget().StartsWith("/akses-ditolak", StringComparison.Ordinal), $"{denied.StatusCode}");

            // The office: returning needs a comment; with one the report goes back.
            using var office = await factory.CreateLoggedInClientAsync(home.Office);
            var officeHtml = await office.GetStringAsync(url);
            Assert.Contains("data-testid=\"review-form\"", officeHtml, StringComparison.Ordinal);
            Assert.Equal("Melayani 40 lansia.", HttpHelpers.TestIdText(officeHtml, "achievements"));
            using var noComment = await office.SubmitFormAsync(url, url + "?handler=Return", new() { ["Version"] = Version(officeHtml), ["Reason"] = "" });
            Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
            Assert.Equal(ReportWorkflow.ReturnReasonMissing, HttpHelpers.TestIdText(await noComment.Content.ReadAsStringAsync(), "reason-error"));
            Assert.Equal(ReportStatus.Diajukan, (await factory.StoredAsync(id))!.Status);
            using var returned = await office.SubmitFormAsync(url, url + "?handler=Return", new() { ["Version"] = Version(officeHtml), ["Reason"] = "Uraikan kendala penyaluran." });
            Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);

            // The pengurus sees the comment in the history and may resubmit.
            html = await pengurus.GetStringAsync(url);
            Assert.Equal("Dikembalikan", HttpHelpers.TestIdText(html, "status"));
            Assert.Equal("Uraikan kendala penyaluran.", HttpHelpers.TestIdText(html, "step-note"));
            Assert.Contains("Ajukan ulang laporan", html, StringComparison.Ordinal);
            // An old version (the page read before the return) is refused as stale.
            using var stale = await pengurus.SubmitFormAsync(url, url + "?handler=Submit", Narrative(Version(officeHtml)));
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Equal(ReportWorkflow.StaleMessage, HttpHelpers.TestIdText(await stale.Content.ReadAsStringAsync(), "error"));
            Assert.Equal(ReportStatus.Dikembalikan, (await factory.StoredAsync(id))!.Status);

            // The list of the office shows the returned report; the pengurus lands on its own report.
            var list = await office.GetStringAsync($"/laporan?periode={semester}&status=dikembalikan");
            Assert.Contains($"data-institution=\"{home.InstitutionId}\"", list, StringComparison.Ordinal);
            using var landing = await pengurus.GetAsync("/laporan");
            Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
            Assert.StartsWith($"/laporan/{home.InstitutionId}/", landing.RedirectTarget(), StringComparison.Ordinal);
        }
        finally
        {
            await factory.RemoveReportAsync(home.InstitutionId, semester);
            // The landing may have opened the draft of the semester it points at.
            await factory.RemoveReportAsync(home.InstitutionId, Semester.Of(factory.Today));
        }
    }

    [ProviderFact]
    public async Task The_current_semester_is_drafted_but_offers_no_submission_and_says_why()
    {
        var home = await factory.HomeOfAsync(TestUsers.Pengurus(12));
        var current = Semester.Of(factory.Today);
        try
        {
            using var pengurus = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(12));
            var html = await pengurus.GetStringAsync($"/laporan/{home.InstitutionId}/{current}");
            Assert.Equal(ReportWorkflow.NotEndedMessage(current), HttpHelpers.TestIdText(html, "not-ended"));
            Assert.DoesNotContain("data-testid=\"submit\"", html, StringComparison.Ordinal);
            using var future = await pengurus.GetAsync($"/laporan/{home.InstitutionId}/{current.Next}");
            Assert.Equal(HttpStatusCode.NotFound, future.StatusCode);
            using var nonsense = await pengurus.GetAsync($"/laporan/{home.InstitutionId}/2026-3");
            Assert.Equal(HttpStatusCode.NotFound, nonsense.StatusCode);
        }
        finally
        {
            await factory.RemoveReportAsync(home.InstitutionId, current);
        }
    }

    [ProviderFact]
    public async Task An_approved_report_locks_the_semesters_services_and_reopening_it_unlocks_them()
    {
        var home = await factory.HomeOfAsync(TestUsers.Pengurus(11));
        var semester = factory.QuietSemester();
        var day = semester.End.AddDays(-10);
        var people = await factory.PeopleAsync(home.InstitutionId, day, 5);
        Assert.Equal(5, people.Count);
        Guid? created = null;
        try
        {
            using var pengurus = await factory.ApiAsync(TestUsers.Pengurus(11));
            using var office = await factory.ApiAsync(home.Office);
            var (_, opened) = await ReportTestData.PostAsync(pengurus, "/api/v1/reports", new { period = semester.ToString() });
            var id = opened.GetProperty("id").GetGuid();
            Assert.Equal(HttpStatusCode.OK, (await ReportTestData.PostAsync(pengurus, $"/api/v1/reports/{id}/submit", ReportTestData.Narrative())).Status);
            Assert.Equal(HttpStatusCode.OK, (await ReportTestData.PostAsync(office, $"/api/v1/reports/{id}/approve", null)).Status);
            Assert.True(await factory.WithDbAsync(db => db.IsLockedAsync(home.InstitutionId, day)));

            var title = DistributionTestData.UniqueTitle("Santunan terkunci");
            var body = DistributionTestData.Body(null, title, day, people);
            var (lockedCode, problem) = await DistributionTestData.PostAsync(pengurus, body);
            Assert.Equal(HttpStatusCode.BadRequest, lockedCode);
            Assert.Contains(SemesterLocks.Message(semester), DistributionTestData.Errors(problem, "date"));
            Assert.Equal(0, await factory.WithDbAsync(db => db.Distributions.CountAsync(d => d.Name == title)));

            // The page says the services are locked.
            using var officePage = await factory.CreateLoggedInClientAsync(home.Office);
            var html = await officePage.GetStringAsync($"/laporan/{home.InstitutionId}/{semester}");
            Assert.NotNull(HttpHelpers.TestIdText(html, "locked-note"));
            Assert.Contains("data-testid=\"reopen-form\"", html, StringComparison.Ordinal);

            var (reopened, _) = await ReportTestData.PostAsync(office, $"/api/v1/reports/{id}/reopen", new { reason = "Ada penyaluran yang belum dicatat." });
            Assert.Equal(HttpStatusCode.OK, reopened);
            Assert.False(await factory.WithDbAsync(db => db.IsLockedAsync(home.InstitutionId, day)));
            var (savedCode, saved) = await DistributionTestData.PostAsync(pengurus, body);
            Assert.True(savedCode == HttpStatusCode.Created, saved.ToString());
            created = saved.GetProperty("id").GetGuid();
        }
        finally
        {
            if (created is { } distribution)
            {
                await DistributionTestData.RemoveAsync(factory, distribution);
            }
            await factory.RemoveReportAsync(home.InstitutionId, semester);
        }
    }
}

[Collection(OnSqlite.Name)]
public sealed class ReportPageTestsOnSqlite(SqliteFixture app) : ReportPageTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class ReportPageTestsOnPostgres(PostgresFixture app) : ReportPageTests(app.Factory);
