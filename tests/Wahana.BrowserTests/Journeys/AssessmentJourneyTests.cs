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
/// The Bantul district office assesses one of its WKSBM for the current semester in Debian's Chromium: the
/// history, the form (with its error state) on a desktop and a 360 px phone, and the level after saving.
/// </summary>
public sealed partial class AssessmentJourneyTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const int PhoneWidth = 360;

    /// <summary>Page loads after a form post may be slow while the other journey's server seeds its database.</summary>
    private static readonly PageAssertionsToHaveURLOptions Slow = new() { Timeout = 30_000 };

    private readonly Accessibility _axe = new(output);

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(browser.ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }

    private async Task<(Guid Id, string Name)> FirstBantulWksbmAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WahanaDbContext>();
        var first = await db.Institutions.Where(i => i.RegencyCode == "34.02").OrderBy(i => i.VillageCode).Select(i => new { i.Id, i.Name }).FirstAsync();
        return (first.Id, first.Name);
    }

    [Fact]
    public async Task The_Bantul_office_assesses_a_WKSBM_and_sees_its_level_in_the_history()
    {
        var (id, name) = await FirstBantulWksbmAsync();
        var semester = Semester.Of(Wib.Today(TimeProvider.System));
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/masuk");
        await page.Locator("#Username").FillAsync("dinsos.bantul");
        await page.Locator("#Password").FillAsync("wahana-demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(HomeUrl(), Slow);

        // The history of the WKSBM: the two demo semesters, and a button for the current one.
        await page.GotoAsync($"/wksbm/{id}/penilaian");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Penilaian kelembagaan" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr[data-semester]")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Isi penilaian Semester {semester.Half} {semester.Year}" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/wksbm/{id}/penilaian/{semester}$"), Slow);
        Assert.Contains(name, await page.TextContentAsync("main"), StringComparison.Ordinal);

        // Saving with nothing chosen shows a message in every indicator's group.
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan dan verifikasi" }).ClickAsync();
        var groups = page.GetByRole(AriaRole.Group);
        await Assertions.Expect(groups.Filter(new() { HasText = "Beri nilai 1-4" })).ToHaveCountAsync(9);
        await _axe.CheckAsync(page, "the assessment form with errors");
        await ScreenshotAsync(page, "penilaian-01-formulir-galat");

        // Legalitas 4, every other indicator 3: (15x4 + 85x3) / 400 = 78.75, shown as 78,8 (Mandiri).
        await page.GetByRole(AriaRole.Group, new() { Name = "Legalitas" })
            .GetByRole(AriaRole.Radio, new() { Name = "Ada SK lurah yang berlaku dan sesuai kepengurusan." }).CheckAsync();
        for (var i = 1; i < 9; i++)
        {
            await groups.Nth(i).GetByRole(AriaRole.Radio).Nth(2).CheckAsync();
        }
        await _axe.CheckAsync(page, "the assessment form");
        await ScreenshotAsync(page, "penilaian-02-formulir");
        await page.SetViewportSizeAsync(PhoneWidth, 740);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= PhoneWidth, $"The assessment form scrolls sideways on a {PhoneWidth}px phone: scrollWidth {scrollWidth}.");
        await ScreenshotAsync(page, "penilaian-03-formulir-ponsel");
        await page.SetViewportSizeAsync(1280, 800);

        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan dan verifikasi" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/wksbm/{id}/penilaian$"), Slow);
        var row = page.Locator($"tr[data-semester='{semester}']");
        await Assertions.Expect(row.Locator("[data-testid=level]")).ToHaveTextAsync("Mandiri");
        await Assertions.Expect(row.Locator("[data-testid=score]")).ToHaveTextAsync("78,8");
        await Assertions.Expect(row.Locator("[data-testid=status]")).ToHaveTextAsync("Diverifikasi");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("tingkat Mandiri");
        await _axe.CheckAsync(page, "the assessment history");
        await ScreenshotAsync(page, "penilaian-04-riwayat");

        _axe.AssertNoSeriousViolations();
    }

    [Fact]
    public async Task The_admin_s_indicator_pages_are_accessible()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/masuk");
        await page.Locator("#Username").FillAsync("admin.diy");
        await page.Locator("#Password").FillAsync("wahana-demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(HomeUrl(), Slow);

        await page.GetByRole(AriaRole.Link, new() { Name = "Indikator penilaian" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-indicator]")).ToHaveCountAsync(9);
        await _axe.CheckAsync(page, "the indicator list");
        await ScreenshotAsync(page, "penilaian-05-indikator");

        await page.GetByRole(AriaRole.Link, new() { Name = "Legalitas" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Input_Weight")).ToHaveValueAsync("15");
        await _axe.CheckAsync(page, "the indicator form");
        _axe.AssertNoSeriousViolations();
    }

    [GeneratedRegex(@"^https?://[^/]+/?(\?.*)?$")]
    private static partial Regex HomeUrl();
}
