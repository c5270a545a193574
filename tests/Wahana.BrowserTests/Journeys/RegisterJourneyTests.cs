using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wahana.BrowserTests.Support;
using Xunit.Abstractions;

namespace Wahana.BrowserTests.Journeys;

/// <summary>
/// The province admin looks for Bantul's WKSBM in the register (the cascading region selects through htmx), on a
/// desktop and on a 360px phone, then opens the coverage map; with axe checks and screenshots.
/// </summary>
public sealed partial class RegisterJourneyTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const int PhoneWidth = 360;

    private readonly Accessibility _axe = new(output);

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(browser.ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }

    private static async Task LogInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/masuk");
        await page.Locator("#Username").FillAsync(userName);
        await page.Locator("#Password").FillAsync("wahana-demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(HomeUrl());
    }

    [Fact]
    public async Task The_admin_filters_the_register_by_Bantul_and_opens_the_coverage_map()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await LogInAsync(page, "admin.diy");

        // The register: all 81 WKSBM, 25 on a page.
        await page.GotoAsync("/wksbm");
        var total = page.Locator("[data-testid=register-total]");
        await Assertions.Expect(total).ToHaveTextAsync("81");
        await Assertions.Expect(page.Locator("[data-testid=register-row]")).ToHaveCountAsync(25);
        await ScreenshotAsync(page, "10-wksbm");
        await _axe.CheckAsync(page, "the register");

        // Choosing Kabupaten Bantul loads its 17 kapanewon into the next select (htmx), then the filter applies.
        await page.GetByLabel("Kabupaten/Kota").SelectOptionAsync("34.02");
        await Assertions.Expect(page.Locator("#kapanewon option")).ToHaveCountAsync(1 + 17);
        await page.GetByRole(AriaRole.Button, new() { Name = "Terapkan" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/wksbm\?.*kabupaten=34\.02"));
        await Assertions.Expect(total).ToHaveTextAsync("18");
        await Assertions.Expect(page.Locator("[data-testid=register-row]")).ToHaveCountAsync(18);
        await Assertions.Expect(page.Locator("#kabupaten")).ToHaveValueAsync("34.02");
        await _axe.CheckAsync(page, "the register filtered by Bantul");
        await ScreenshotAsync(page, "11-wksbm-bantul");

        // On a small phone the page does not scroll sideways (the table scrolls inside its own box).
        await page.SetViewportSizeAsync(PhoneWidth, 740);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= PhoneWidth, $"The register scrolls sideways on a {PhoneWidth}px phone: scrollWidth {scrollWidth}.");
        await ScreenshotAsync(page, "12-wksbm-ponsel");
        await page.SetViewportSizeAsync(1280, 800);

        // The coverage map draws DIY's kalurahan as SVG paths.
        await page.GetByRole(AriaRole.Link, new() { Name = "Cakupan", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/wksbm/cakupan$"));
        await Assertions.Expect(page.Locator("#peta")).ToHaveAttributeAsync("data-ready", "true");
        var paths = await page.Locator("#peta path.leaflet-interactive").CountAsync();
        Assert.InRange(paths, 430, 438);
        await Assertions.Expect(page.Locator("#peta")).ToHaveAttributeAsync("aria-describedby", "peta-keterangan");
        await ScreenshotAsync(page, "13-cakupan");
        await page.Locator("#peta-gambar").ScreenshotAsync(new() { Path = Path.Combine(browser.ScreenshotFolder, "13-cakupan-peta.png") });
        await _axe.CheckAsync(page, "the coverage page");

        // On a phone (the map fits the area when the page opens).
        await page.SetViewportSizeAsync(PhoneWidth, 740);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#peta")).ToHaveAttributeAsync("data-ready", "true");
        await ScreenshotAsync(page, "14-cakupan-ponsel");

        _axe.AssertNoSeriousViolations();
    }

    [Fact]
    public async Task The_Bantul_office_sees_its_kabupaten_on_the_map()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        await LogInAsync(page, "dinsos.bantul");
        await page.GotoAsync("/wksbm/cakupan");
        await Assertions.Expect(page.Locator("#peta")).ToHaveAttributeAsync("data-ready", "true");
        Assert.Equal(75, await page.Locator("#peta path.leaflet-interactive").CountAsync());

        await page.Locator("#peta-gambar").ScreenshotAsync(new() { Path = Path.Combine(browser.ScreenshotFolder, "15-cakupan-bantul.png") });

        // A kalurahan with an active WKSBM tells its name and links to the WKSBM.
        var covered = page.Locator("#peta path.leaflet-interactive[fill='#137a3f']");
        Assert.Equal(18, await covered.CountAsync());
        // A click in the middle of the shape's box (Leaflet opens the popup where the click was).
        await covered.First.EvaluateAsync("""
            path => {
                const box = path.getBoundingClientRect();
                path.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 }));
            }
            """);
        var popup = page.Locator(".leaflet-popup-content");
        await Assertions.Expect(popup).ToContainTextAsync("WKSBM aktif:");
        await Assertions.Expect(popup.Locator("a[href^='/wksbm/']")).ToHaveCountAsync(1);
        await page.Locator("#peta-gambar").ScreenshotAsync(new() { Path = Path.Combine(browser.ScreenshotFolder, "16-cakupan-bantul-popup.png") });
    }

    [GeneratedRegex(@"^https?://[^/]+/?(\?.*)?$")]
    private static partial Regex HomeUrl();
}
