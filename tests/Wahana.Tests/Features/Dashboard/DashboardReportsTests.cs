using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wahana.Tests.Features.Reports;
using Wahana.Tests.Support;
using Wahana.Web.Domain;
using Wahana.Web.Features.Reports;

namespace Wahana.Tests.Features.Dashboard;

/// <summary>
/// The dashboard's "Laporan semester" panel and the API's "reports": WKSBM by report status and timeliness, the same
/// counts as <see cref="CompletenessQuery"/> (/laporan/kelengkapan) for the same semester and area. Writes a report
/// only for the WKSBM of pengurus.13, in a semester nobody reports.
/// </summary>
public abstract class DashboardReportsTests(WahanaFactory factory)
{
    private static readonly (string Json, string TestId, Func<CompletenessQuery.Counts, int> Of)[] Counts =
    [
        ("institutions", "reports-institutions", c => c.Institutions),
        ("notStarted", "reports-not-started", c => c.Of(CompletenessStatus.BelumMulai)),
        ("draft", "reports-draft", c => c.Of(CompletenessStatus.Draft)),
        ("submitted", "reports-submitted", c => c.Of(CompletenessStatus.Diajukan)),
        ("returned", "reports-returned", c => c.Of(CompletenessStatus.Dikembalikan)),
        ("approved", "reports-approved", c => c.Of(CompletenessStatus.Disetujui)),
        ("onTime", "reports-on-time", c => c.OnTime),
        ("late", "reports-late", c => c.Late),
        ("pending", "reports-pending", c => c.Pending),
    ];

    private Task<CompletenessQuery.Result> CompletenessAsync(Semester semester, string? regency) => factory.WithDbAsync(db =>
        new CompletenessQuery { Semester = semester, RegencyCode = regency }
            .LoadAsync(db, factory.Services.GetRequiredService<IOptions<ReportDeadlines>>().Value, factory.Today, default));

    private async Task AssertPanelAsync(string userName, Semester semester, string? regencyFilter, CompletenessQuery.Result expected)
    {
        var query = $"period={semester}" + (regencyFilter is null ? "" : $"&regency={regencyFilter}");
        using var api = await factory.CreateApiClientAsync(userName);
        var reports = (await api.GetJsonAsync($"/api/v1/dashboard?{query}")).GetProperty("reports");
        Assert.Equal(expected.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), reports.GetProperty("dueOn").GetString());

        using var browser = await factory.CreateLoggedInClientAsync(userName);
        var html = await browser.GetStringAsync($"/dasbor?periode={semester}" + (regencyFilter is null ? "" : $"&kabupaten={regencyFilter}"));
        foreach (var (json, testId, of) in Counts)
        {
            var want = of(expected.Total);
            Assert.True(want == reports.GetProperty(json).GetInt32(), $"{userName} {semester}: API reports.{json} {reports.GetProperty(json)}, completeness {want}");
            Assert.True(want == HttpHelpers.TestIdNumber(html, testId), $"{userName} {semester}: panel {testId} {HttpHelpers.TestIdText(html, testId)}, completeness {want}");
        }
        Assert.Contains($"href=\"/laporan/kelengkapan?period={semester}", html, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task The_panel_and_the_api_count_the_reports_as_the_completeness_query_does_in_every_scope()
    {
        var semester = CompletenessQuery.DefaultSemester(factory.Today);
        var province = await CompletenessAsync(semester, null);
        // The demo's last complete semester has a mix of statuses: the test can tell them apart.
        Assert.True(province.Total.Of(CompletenessStatus.Disetujui) > 0 && province.Total.Of(CompletenessStatus.Diajukan) > 0, "The demo has a mix of statuses.");
        await AssertPanelAsync(TestUsers.Admin, semester, null, province);
        await AssertPanelAsync(TestUsers.Forum, semester, null, province);
        var bantul = await CompletenessAsync(semester, "34.02");
        Assert.NotEqual(province.Total.Institutions, bantul.Total.Institutions);
        await AssertPanelAsync(TestUsers.Admin, semester, "34.02", bantul);
        await AssertPanelAsync(TestUsers.DinsosBantul, semester, null, bantul);

        // The kelengkapan page the panel links to shows the same total line.
        using var admin = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
        var completeness = CompletenessTestData.Counts(await admin.GetStringAsync($"/laporan/kelengkapan?period={semester}"), null)!;
        Assert.Equal(province.Total.Of(CompletenessStatus.Disetujui), completeness["disetujui"]);
        Assert.Equal(province.Total.Institutions, completeness["wksbm"]);

        // A WKSBM's board: its one WKSBM.
        var home = await factory.HomeOfAsync(TestUsers.Pengurus(13));
        using var pengurus = await factory.CreateApiClientAsync(TestUsers.Pengurus(13));
        var own = (await pengurus.GetJsonAsync($"/api/v1/dashboard?period={semester}")).GetProperty("reports");
        Assert.Equal(1, own.GetProperty("institutions").GetInt32());
        var ownStatus = await factory.WithDbAsync(db => db.SemesterReports
            .Where(r => r.InstitutionId == home.InstitutionId && r.Year == semester.Year && r.Half == semester.Half)
            .Select(r => (ReportStatus?)r.Status).SingleOrDefaultAsync());
        var key = ownStatus switch
        {
            null => "notStarted",
            ReportStatus.Draft => "draft",
            ReportStatus.Diajukan => "submitted",
            ReportStatus.Dikembalikan => "returned",
            _ => "approved",
        };
        Assert.Equal(1, own.GetProperty(key).GetInt32());
    }

    [ProviderFact]
    public async Task An_approved_report_adds_one_to_the_approved_count_of_its_semester()
    {
        var home = await factory.HomeOfAsync(TestUsers.Pengurus(13));
        var semester = factory.QuietSemester();
        await factory.RemoveReportAsync(home.InstitutionId, semester);
        using var office = await factory.CreateApiClientAsync(home.Office);
        async Task<JsonElement> ReportsAsync() => (await office.GetJsonAsync($"/api/v1/dashboard?period={semester}")).GetProperty("reports");
        try
        {
            var before = await ReportsAsync();
            await factory.AddReportAsync(home, semester, ReportStatus.Disetujui);
            var after = await ReportsAsync();
            Assert.Equal(before.GetProperty("approved").GetInt32() + 1, after.GetProperty("approved").GetInt32());
            Assert.Equal(before.GetProperty("notStarted").GetInt32() - 1, after.GetProperty("notStarted").GetInt32());
            Assert.Equal(before.GetProperty("institutions").GetInt32(), after.GetProperty("institutions").GetInt32());
            var expected = await CompletenessAsync(semester, home.RegencyCode);
            Assert.Equal(expected.Total.Of(CompletenessStatus.Disetujui), after.GetProperty("approved").GetInt32());

            // The page reads the period as the API does ("period"), as well as its own "periode".
            using var browser = await factory.CreateLoggedInClientAsync(home.Office);
            using var page = await browser.GetAsync($"/dasbor?period={semester}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal(after.GetProperty("approved").GetInt32(), HttpHelpers.TestIdNumber(await page.Content.ReadAsStringAsync(), "reports-approved"));
        }
        finally
        {
            await factory.RemoveReportAsync(home.InstitutionId, semester);
        }
    }
}

[Collection(OnSqlite.Name)]
public sealed class DashboardReportsTestsOnSqlite(SqliteFixture app) : DashboardReportsTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class DashboardReportsTestsOnPostgres(PostgresFixture app) : DashboardReportsTests(app.Factory);
