using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wahana.BrowserTests.Support;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;
using Xunit.Abstractions;

namespace Wahana.BrowserTests.Journeys;

/// <summary>
/// Issue 3's journey in Debian's Chromium: a district officer registers a WKSBM with its board, adds a volunteer,
/// assesses it for the current semester, and finds its level on the register.
/// </summary>
public sealed partial class RegistryJourneyTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly PageAssertionsToHaveURLOptions Slow = new() { Timeout = 30_000 };

    private readonly Accessibility _axe = new(output);

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(browser.ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }

    [Fact]
    public async Task A_district_officer_registers_a_WKSBM_adds_a_volunteer_assesses_it_and_sees_its_level()
    {
        var name = "WKSBM Ngudi Waras Padukuhan Cepit";
        var semester = Semester.Of(Wib.Today(TimeProvider.System));
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/masuk");
        await page.Locator("#Username").FillAsync("dinsos.gunungkidul");
        await page.Locator("#Password").FillAsync("wahana-demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(HomeUrl(), Slow);

        // Register: the location is picked with cascading selects that htmx fills.
        await page.GotoAsync("/wksbm/baru");
        await page.Locator("#Input_Name").FillAsync(name);
        await page.Locator("#regency").SelectOptionAsync("34.03");
        await Assertions.Expect(page.Locator("#district option")).Not.ToHaveCountAsync(1);
        await page.Locator("#district").SelectOptionAsync(new SelectOptionValue { Label = "Kapanewon Wonosari" });
        await Assertions.Expect(page.Locator("#Input_VillageCode option")).Not.ToHaveCountAsync(1);
        await page.Locator("#Input_VillageCode").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#Input_Hamlet").FillAsync("Cepit");
        await page.Locator("#Input_DecreeNumber").FillAsync("12 Tahun 2026");
        await page.Locator("#Input_DecreeDate").FillAsync("2026-03-02");
        await page.Locator("#Input_BoardMembers_0__Name").FillAsync("Sri Rahayu");
        await page.Locator("#Input_BoardMembers_1__Name").FillAsync("Budi Santoso");
        await _axe.CheckAsync(page, "the WKSBM form");
        await ScreenshotAsync(page, "registri-01-formulir");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/wksbm/[0-9a-f-]{36}$"), Slow);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Kapanewon Wonosari");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Sri Rahayu");
        await _axe.CheckAsync(page, "the WKSBM profile");
        await ScreenshotAsync(page, "registri-02-profil");
        var profileUrl = page.Url;

        // A volunteer.
        await page.GetByRole(AriaRole.Link, new() { Name = "Relawan", Exact = true }).Last.ClickAsync();
        await page.Locator("#Input_Name").FillAsync("Wulan Sari");
        await page.Locator("#Input_Skills").FillAsync("pendampingan lansia");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambah relawan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Relawan Wulan Sari ditambahkan.");
        await _axe.CheckAsync(page, "the volunteers page");

        // The assessment of the current semester: every indicator at 3 gives 75,0, Mandiri.
        await page.GotoAsync(profileUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Penilaian kelembagaan" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Isi penilaian Semester {semester.Half} {semester.Year}" }).ClickAsync();
        var groups = page.GetByRole(AriaRole.Group);
        for (var i = 0; i < 9; i++)
        {
            await groups.Nth(i).GetByRole(AriaRole.Radio).Nth(2).CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan dan verifikasi" }).ClickAsync();
        await Assertions.Expect(page.Locator($"tr[data-semester='{semester}'] [data-testid=level]")).ToHaveTextAsync("Mandiri");

        // The register shows its level.
        await page.GotoAsync("/wksbm?q=Ngudi+Waras+Padukuhan+Cepit");
        var row = page.Locator("[data-testid=register-row]");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(name);
        await Assertions.Expect(row).ToContainTextAsync("Mandiri");
        await Assertions.Expect(row).ToContainTextAsync("Sri Rahayu");
        await ScreenshotAsync(page, "registri-03-register");
        _axe.AssertNoSeriousViolations();
    }

    [GeneratedRegex(@"^https?://[^/]+/?(\?.*)?$")]
    private static partial Regex HomeUrl();
}
