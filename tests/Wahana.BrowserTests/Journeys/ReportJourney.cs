using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wahana.BrowserTests.Support;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;
using Xunit.Abstractions;

namespace Wahana.BrowserTests.Journeys;

/// <summary>
/// Issue 6's review journey in Debian's Chromium: pengurus.12 writes and submits its report of the last complete
/// semester on a 360 px phone; the district officer of its kabupaten returns it with a comment; the pengurus reads the
/// comment, corrects and resubmits; the officer approves; the list of reports shows it approved and the dashboard of
/// that semester counts one more approved report (and one fewer submitted). The report's state
/// before the journey is put back afterwards.
/// </summary>
public sealed partial class ReportJourneyTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const int PhoneWidth = 360;

    private const string Password = "wahana-demo";

    private static readonly PageAssertionsToHaveURLOptions Slow = new() { Timeout = 30_000 };

    private readonly Accessibility _axe = new(output);

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(browser.ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }

    private async Task<T> WithDbAsync<T>(Func<WahanaDbContext, Task<T>> query)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<WahanaDbContext>());
    }

    private static async Task AssertFitsThePhoneAsync(IPage page, string what)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= PhoneWidth, $"{what} scrolls sideways on a {PhoneWidth}px phone: scrollWidth {scrollWidth}.");
    }

    private static async Task LogInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/masuk");
        await page.Locator("#Username").FillAsync(userName);
        await page.Locator("#Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(HomeUrl(), Slow);
    }

    [Fact]
    public async Task A_pengurus_submits_the_officer_returns_it_with_a_comment_the_pengurus_resubmits_and_the_officer_approves()
    {
        var clock = browser.App.Services.GetRequiredService<TimeProvider>();
        var last = Semester.Of(Wib.Today(clock)).Previous;
        var (institutionId, regencyCode) = await WithDbAsync(async db =>
        {
            var id = await db.Users.Where(u => u.UserName == "pengurus.12").Select(u => u.ScopeInstitutionId!.Value).SingleAsync();
            return (id, await db.Institutions.Where(i => i.Id == id).Select(i => i.RegencyCode).SingleAsync());
        });
        var officer = await WithDbAsync(db => db.Users.Where(u => u.Role == WahanaRole.PetugasKabupaten && u.ScopeRegencyCode == regencyCode)
            .Select(u => u.UserName!).FirstAsync());

        // The demo's report of that semester (whatever its status) is kept aside and put back at the end.
        var original = await WithDbAsync(db => db.SemesterReports.AsNoTracking().Include(r => r.Steps)
            .SingleOrDefaultAsync(r => r.InstitutionId == institutionId && r.Year == last.Year && r.Half == last.Half));
        await RemoveReportAsync(institutionId, last);

        await using var pengurusContext = await browser.NewContextAsync();
        await using var officerContext = await browser.NewContextAsync();
        var pengurus = await pengurusContext.NewPageAsync();
        await pengurus.SetViewportSizeAsync(PhoneWidth, 740);
        var office = await officerContext.NewPageAsync();
        try
        {
            // The pengurus opens Laporan from the menu and lands on the report still to be submitted.
            await LogInAsync(pengurus, "pengurus.12");
            await pengurus.GetByRole(AriaRole.Button, new() { Name = "Buka menu" }).ClickAsync();
            await pengurus.GetByRole(AriaRole.Link, new() { Name = "Laporan", Exact = true }).ClickAsync();
            await Assertions.Expect(pengurus).ToHaveURLAsync(new Regex($"/laporan/{institutionId}/{last}$"), Slow);
            await Assertions.Expect(pengurus.GetByTestId("status")).ToHaveTextAsync("Draf");
            var people = await pengurus.GetByTestId("people-served").TextContentAsync();
            await pengurus.GetByLabel("Capaian").FillAsync($"Melayani {people} warga rentan; sembako lansia setiap bulan.");
            await pengurus.GetByLabel("Kendala").FillAsync("Dana swadaya terbatas.");
            await pengurus.GetByLabel("Rencana semester berikutnya").FillAsync("Mengajukan Dana Desa untuk santunan lansia.");
            await _axe.CheckAsync(pengurus, "the draft report on a phone");
            await AssertFitsThePhoneAsync(pengurus, "The report page");
            await ScreenshotAsync(pengurus, "laporan-01-draf-ponsel");
            await pengurus.GetByTestId("submit").ClickAsync();
            await Assertions.Expect(pengurus.GetByTestId("message")).ToContainTextAsync("Laporan diajukan");
            await Assertions.Expect(pengurus.GetByTestId("status")).ToHaveTextAsync("Diajukan");

            // The officer finds it among the submitted reports and returns it with a comment.
            await LogInAsync(office, officer);
            await office.GotoAsync($"/laporan?periode={last}&status=diajukan");
            await _axe.CheckAsync(office, "the list of submitted reports");
            await office.Locator($"[data-testid=report-row][data-institution='{institutionId}'] a").ClickAsync();
            await Assertions.Expect(office).ToHaveURLAsync(new Regex($"/laporan/{institutionId}/{last}$"), Slow);
            await Assertions.Expect(office.GetByTestId("achievements")).ToContainTextAsync("sembako lansia");
            await office.GetByLabel("Catatan (wajib bila laporan dikembalikan)").FillAsync("Mohon sebutkan jadwal penyaluran dalam rencana.");
            await _axe.CheckAsync(office, "the report under review");
            await ScreenshotAsync(office, "laporan-02-tinjau");
            await office.GetByTestId("return").ClickAsync();
            await Assertions.Expect(office.GetByTestId("status")).ToHaveTextAsync("Dikembalikan");

            // The pengurus reads the comment, corrects the plans and resubmits.
            await pengurus.ReloadAsync();
            await Assertions.Expect(pengurus.GetByTestId("status")).ToHaveTextAsync("Dikembalikan");
            await Assertions.Expect(pengurus.GetByTestId("step-note")).ToHaveTextAsync("Mohon sebutkan jadwal penyaluran dalam rencana.");
            await pengurus.GetByLabel("Rencana semester berikutnya").FillAsync("Santunan lansia setiap tanggal 10; mengajukan Dana Desa pada Musdes Januari.");
            await _axe.CheckAsync(pengurus, "the returned report with its comment");
            await AssertFitsThePhoneAsync(pengurus, "The returned report");
            await ScreenshotAsync(pengurus, "laporan-03-dikembalikan");
            await pengurus.GetByTestId("submit").ClickAsync();
            await Assertions.Expect(pengurus.GetByTestId("status")).ToHaveTextAsync("Diajukan");

            // Before approving, the officer's dashboard for that semester counts the approved reports of the kabupaten/kota.
            var dashboard = await officerContext.NewPageAsync();
            await dashboard.GotoAsync($"/dasbor?period={last}");
            await Assertions.Expect(dashboard.GetByTestId("reports-submitted")).ToBeVisibleAsync();
            var approvedBefore = await ApprovedCountAsync(dashboard);
            var submittedBefore = await CountAsync(dashboard, "reports-submitted");
            Assert.True(submittedBefore >= 1, $"The dashboard should count this submitted report: {submittedBefore}.");

            // The officer approves it; the history has every step.
            await office.ReloadAsync();
            await Assertions.Expect(office.GetByTestId("plans")).ToContainTextAsync("tanggal 10");
            await office.GetByTestId("approve").ClickAsync();
            await Assertions.Expect(office.GetByTestId("status")).ToHaveTextAsync("Disetujui");
            await Assertions.Expect(office.GetByTestId("locked-note")).ToBeVisibleAsync();
            await Assertions.Expect(office.Locator("[data-testid=step]")).ToHaveCountAsync(4);
            Assert.Equal(["diajukan", "dikembalikan", "diajukan", "disetujui"],
                await office.Locator("[data-testid=step]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.action)"));
            await _axe.CheckAsync(office, "the approved report");
            await ScreenshotAsync(office, "laporan-04-disetujui");

            // The officer's overview shows it approved.
            await office.GotoAsync($"/laporan?periode={last}");
            await Assertions.Expect(office.Locator($"[data-testid=report-row][data-institution='{institutionId}'] [data-testid=row-status]")).ToHaveTextAsync("Disetujui");

            // The dashboard shows it: one more approved report of that semester, one fewer waiting for review.
            await dashboard.GotoAsync($"/dasbor?period={last}");
            await Assertions.Expect(dashboard.GetByTestId("reports-approved")).ToHaveTextAsync((approvedBefore + 1).ToString(CultureInfo.InvariantCulture));
            Assert.Equal(submittedBefore - 1, await CountAsync(dashboard, "reports-submitted"));
            await _axe.CheckAsync(dashboard, "the dashboard with the report approved");
            await ScreenshotAsync(dashboard, "laporan-05-dasbor");
            await dashboard.GetByTestId("reports-link").ClickAsync();
            await Assertions.Expect(dashboard).ToHaveURLAsync(new Regex($"/laporan/kelengkapan\\?period={last}"), Slow);

            var stored = await WithDbAsync(db => db.SemesterReports.AsNoTracking()
                .SingleAsync(r => r.InstitutionId == institutionId && r.Year == last.Year && r.Half == last.Half));
            Assert.Equal((ReportStatus.Disetujui, "pengurus.12", officer), (stored.Status, stored.SubmittedBy, stored.ApprovedBy));
            Assert.True(await WithDbAsync(db => db.IsLockedAsync(institutionId, last.End)));
            _axe.AssertNoSeriousViolations();
        }
        finally
        {
            await RemoveReportAsync(institutionId, last);
            if (original is not null)
            {
                await WithDbAsync(async db =>
                {
                    db.AuditDisabled = true;
                    db.SemesterReports.Add(original);
                    return await db.SaveChangesAsync();
                });
            }
        }
    }

    private static async Task<int> CountAsync(IPage page, string testId) =>
        int.Parse((await page.GetByTestId(testId).TextContentAsync() ?? "").Trim(), NumberStyles.None, CultureInfo.InvariantCulture);

    private static Task<int> ApprovedCountAsync(IPage page) => CountAsync(page, "reports-approved");

    private Task<int> RemoveReportAsync(Guid institutionId, Semester semester) => WithDbAsync(async db =>
    {
        var ids = await db.SemesterReports.Where(r => r.InstitutionId == institutionId && r.Year == semester.Year && r.Half == semester.Half)
            .Select(r => r.Id).ToListAsync();
        await db.SemesterReportSteps.Where(s => ids.Contains(s.ReportId)).ExecuteDeleteAsync();
        return await db.SemesterReports.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync();
    });

    [GeneratedRegex(@"^https?://[^/]+/?(\?.*)?$")]
    private static partial Regex HomeUrl();
}
