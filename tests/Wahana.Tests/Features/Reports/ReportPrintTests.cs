using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wahana.Tests.Support;
using Wahana.Web.Domain;
using Wahana.Web.Features.Reports;
using Wahana.Web.Infrastructure.Pdf;

namespace Wahana.Tests.Features.Reports;

/// <summary>
/// The printable semester report (/laporan/{wksbm}/{periode}/cetak) and its PDF: the figures of the report page, the
/// letterhead of the WKSBM's kabupaten/kota, the signatures; reading it never creates a draft; scope as the report page.
/// Writes only to the WKSBM of pengurus.13.
/// </summary>
public abstract partial class ReportPrintTests(WahanaFactory factory)
{
    private const int Board = 13;

    /// <summary>The figures both pages show, as text: the summary and every row of every figure table.</summary>
    private static readonly string[] Summary = ["people-served", "services", "rupiah", "activities", "active-volunteers", "not-served", "status", "due-on"];

    private static readonly string[] Tables = ["by-category", "by-sex", "by-age", "by-kind", "by-form", "by-funding", "by-referral"];

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string userName, string url)
    {
        using var client = await factory.CreateLoggedInClientAsync(userName);
        using var response = await client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private Task<int> ReportsOfAsync(Guid institutionId, Semester semester) => factory.WithDbAsync(db =>
        db.SemesterReports.CountAsync(r => r.InstitutionId == institutionId && r.Year == semester.Year && r.Half == semester.Half));

    /// <summary>The rows of a figure table: data-key → the cells' text.</summary>
    private static Dictionary<string, string> Rows(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No table data-testid=\"{testId}\".");
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        return KeyedRow().Matches(table).ToDictionary(
            m => m.Groups["key"].Value,
            m => string.Join(" | ", Cell().Matches(m.Groups["cells"].Value).Select(c => WebUtility.HtmlDecode(c.Groups["text"].Value).Trim())));
    }

    [ProviderFact]
    public async Task The_print_page_shows_the_figures_of_the_report_page_and_opening_it_creates_no_draft()
    {
        var home = await factory.HomeOfAsync(TestUsers.Pengurus(Board));
        var current = Semester.Of(factory.Today);
        await factory.RemoveReportAsync(home.InstitutionId, current);
        try
        {
            var url = $"/laporan/{home.InstitutionId}/{current}";
            // The pengurus opens the print page first: no draft appears (the report page would have made one).
            var (status, print) = await GetAsync(TestUsers.Pengurus(Board), url + "/cetak");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(0, await ReportsOfAsync(home.InstitutionId, current));
            Assert.Equal("Belum dimulai", HttpHelpers.TestIdText(print, "status"));
            Assert.NotNull(HttpHelpers.TestIdText(print, "no-steps"));

            // The office's report page (which creates nothing either) shows the same live figures, table by table.
            var (pageStatus, page) = await GetAsync(home.Office, url);
            Assert.Equal(HttpStatusCode.OK, pageStatus);
            Assert.Equal(0, await ReportsOfAsync(home.InstitutionId, current));
            Assert.True(HttpHelpers.TestIdNumber(page, "services") > 0, "The demo has services of this WKSBM in the current semester.");
            foreach (var testId in Summary)
            {
                Assert.Equal(HttpHelpers.TestIdText(page, testId), HttpHelpers.TestIdText(print, testId));
            }
            foreach (var table in Tables)
            {
                var expected = Rows(page, table);
                Assert.Equal(expected, Rows(print, table));
            }
            Assert.NotEmpty(Rows(print, "by-kind"));

            // The figures are those of the served figures query.
            var figures = await factory.WithDbAsync(db => new ServedFiguresQuery(db).LoadAsync(current, null, home.InstitutionId, default));
            Assert.Equal(figures.Of(home.InstitutionId).PeopleServed, HttpHelpers.TestIdNumber(print, "people-served"));
            Assert.Equal(figures.Of(home.InstitutionId).Total.Services, HttpHelpers.TestIdNumber(print, "services"));

            // The letterhead is the kabupaten/kota's Dinas Sosial; the chair signs; no "Mengetahui," before approval.
            var regencyName = Wahana.Web.Domain.RegionCatalog.Instance.RegencyName(home.RegencyCode);
            Assert.Equal("PEMERINTAH " + regencyName.ToUpperInvariant(), HttpHelpers.TestIdText(print, "kop-government"));
            Assert.Equal("DINAS SOSIAL", HttpHelpers.TestIdText(print, "kop-office"));
            Assert.Contains("LAPORAN SEMESTER WKSBM", print, StringComparison.Ordinal);
            Assert.Equal(home.Name, HttpHelpers.TestIdText(print, "institution-name"));
            Assert.Contains("Ketua " + home.Name, HttpHelpers.TestIdText(print, "chair-signature"), StringComparison.Ordinal);
            Assert.Null(HttpHelpers.TestIdText(print, "office-signature"));
            Assert.Contains($"href=\"{url}/pdf\"", print, StringComparison.Ordinal);
            Assert.Contains("data-print", print, StringComparison.Ordinal);

            // The report page links to both.
            Assert.Contains($"href=\"{url}/cetak\"", page, StringComparison.Ordinal);
            Assert.Contains($"href=\"{url}/pdf\"", page, StringComparison.Ordinal);
        }
        finally
        {
            await factory.RemoveReportAsync(home.InstitutionId, current);
        }
    }

    [ProviderFact]
    public async Task An_approved_report_prints_its_frozen_figures_its_history_and_the_head_of_the_office_signs()
    {
        var home = await factory.HomeOfAsync(TestUsers.Pengurus(Board));
        var semester = factory.QuietSemester();
        const string frozen = """{"peopleServed":37,"peopleBySex":{"laki-laki":15,"perempuan":22},"total":{"services":41,"rupiah":4100000},"byKind":{"santunan":{"services":41,"rupiah":4100000}},"activities":3,"activeVolunteers":6,"notServed":2}""";
        await factory.RemoveReportAsync(home.InstitutionId, semester);
        try
        {
            var id = await factory.AddReportAsync(home, semester, ReportStatus.Disetujui, frozen);
            await factory.WithDbAsync(async db =>
            {
                db.AuditDisabled = true;
                db.SemesterReportSteps.Add(new SemesterReportStep
                {
                    ReportId = id, Action = ReportAction.Disetujui, By = home.Office, At = DateTimeOffset.UtcNow.AddDays(-1), Note = "Lengkap.",
                });
                return await db.SaveChangesAsync();
            });
            var url = $"/laporan/{home.InstitutionId}/{semester}";
            foreach (var user in new[] { home.Office, TestUsers.Admin, TestUsers.Pengurus(Board) })
            {
                var (status, print) = await GetAsync(user, url + "/cetak");
                Assert.Equal(HttpStatusCode.OK, status);
                Assert.Equal(("37", "41", "3", "6", "2"), (HttpHelpers.TestIdText(print, "people-served"), HttpHelpers.TestIdText(print, "services"),
                    HttpHelpers.TestIdText(print, "activities"), HttpHelpers.TestIdText(print, "active-volunteers"), HttpHelpers.TestIdText(print, "not-served")));
                Assert.Equal("22", Rows(print, "by-sex")["perempuan"].Split(" | ")[1]);
                Assert.Equal("41", Rows(print, "by-kind")["santunan"].Split(" | ")[1]);
                Assert.Equal("Disetujui", HttpHelpers.TestIdText(print, "status"));
                Assert.Equal(["diajukan", "disetujui"], StepAction().Matches(print).Select(m => m.Groups[1].Value));
                Assert.Contains("Lengkap.", print, StringComparison.Ordinal);
                Assert.Equal("Capaian uji", HttpHelpers.TestIdText(print, "achievements"));
                var office = HttpHelpers.TestIdText(print, "office-signature")!;
                Assert.Contains("Mengetahui,", office, StringComparison.Ordinal);
                Assert.Contains("Kepala Dinas Sosial " + Wahana.Web.Domain.RegionCatalog.Instance.RegencyName(home.RegencyCode), office, StringComparison.Ordinal);
                Assert.NotNull(HttpHelpers.TestIdText(print, "chair-signature"));
            }
        }
        finally
        {
            await factory.RemoveReportAsync(home.InstitutionId, semester);
        }
    }

    [ProviderFact]
    public async Task The_print_page_keeps_the_scope_of_the_report_page()
    {
        var home = await factory.HomeOfAsync(TestUsers.Pengurus(Board));
        var current = Semester.Of(factory.Today);
        var url = $"/laporan/{home.InstitutionId}/{current}/cetak";
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(home.OtherOffice, url)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(TestUsers.Pengurus(Board + 1), url)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(home.Office, $"/laporan/{Guid.CreateVersion7()}/{current}/cetak")).Status);
            foreach (var period in new[] { "2026-3", "semester-satu", current.Next.ToString(), "1999-1" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(home.Office, $"/laporan/{home.InstitutionId}/{period}/cetak")).Status);
            }
            using var forum = await factory.CreateLoggedInClientAsync(TestUsers.Forum);
            using var denied = await forum.GetAsync(url);
            Assert.True(denied.StatusCode == HttpStatusCode.Forbidden || denied.RedirectTarget().StartsWith("/akses-ditolak", StringComparison.Ordinal),
                $"{denied.StatusCode} {denied.Headers.Location}");
            Assert.Equal(0, await ReportsOfAsync(home.InstitutionId, current));
        }
        finally
        {
            await factory.RemoveReportAsync(home.InstitutionId, current);
        }
    }

    [ProviderFact]
    public async Task The_report_PDF_is_made_of_the_print_page_and_audited()
    {
        var home = await factory.HomeOfAsync(TestUsers.Pengurus(Board));
        var semester = CompletenessQuery.DefaultSemester(factory.Today);
        var url = $"/laporan/{home.InstitutionId}/{semester}/pdf";
        var chromium = factory.Services.GetRequiredService<PdfRenderer>().IsAvailable;
        var audits = () => factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == PdfDownloadModel.AuditAction && a.EntityType == nameof(SemesterReport)));
        var before = await audits();
        var reportsBefore = await ReportsOfAsync(home.InstitutionId, semester);

        // Another district's office: the print page answers 404, so does the PDF, and nothing is audited.
        using (var other = await factory.CreateLoggedInClientAsync(home.OtherOffice))
        using (var hidden = await other.GetAsync(url))
        {
            Assert.Equal(chromium ? HttpStatusCode.NotFound : HttpStatusCode.ServiceUnavailable, hidden.StatusCode);
        }
        using (var forum = await factory.CreateLoggedInClientAsync(TestUsers.Forum))
        using (var denied = await forum.GetAsync(url))
        {
            Assert.True(denied.StatusCode == HttpStatusCode.Forbidden || denied.RedirectTarget().StartsWith("/akses-ditolak", StringComparison.Ordinal), $"{denied.StatusCode}");
        }
        Assert.Equal(before, await audits());

        using var client = await factory.CreateLoggedInClientAsync(home.Office);
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!chromium)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains($"href=\"/laporan/{home.InstitutionId}/{semester}/cetak\"", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
            return;
        }
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(body[..Math.Min(body.Length, 2000)])}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(body, 0, 5));
        Assert.Equal($"laporan-semester-{semester}-{home.InstitutionId.ToString()[..8]}.pdf",
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.InRange(PageObject().Count(Encoding.Latin1.GetString(body)), 1, 10);
        Assert.Equal(before + 1, await audits());
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == PdfDownloadModel.AuditAction && a.EntityType == nameof(SemesterReport))
            .OrderByDescending(a => a.At).FirstAsync());
        Assert.Equal((home.Office, $"{home.InstitutionId}/{semester}"), (audit.UserName, audit.EntityId));
        // Making the PDF opened no draft.
        Assert.Equal(reportsBefore, await ReportsOfAsync(home.InstitutionId, semester));
    }

    [GeneratedRegex("""<tr data-key="(?<key>[^"]+)">(?<cells>.*?)</tr>""", RegexOptions.Singleline, 2000)]
    private static partial Regex KeyedRow();

    [GeneratedRegex("""<t[dh][^>]*>(?<text>.*?)</t[dh]>""", RegexOptions.Singleline, 2000)]
    private static partial Regex Cell();

    [GeneratedRegex("data-testid=\"step\" data-action=\"([a-z-]+)\"", RegexOptions.None, 2000)]
    private static partial Regex StepAction();

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])", RegexOptions.None, 2000)]
    private static partial Regex PageObject();
}

[Collection(OnSqlite.Name)]
public sealed class ReportPrintTestsOnSqlite(SqliteFixture app) : ReportPrintTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class ReportPrintTestsOnPostgres(PostgresFixture app) : ReportPrintTests(app.Factory);
