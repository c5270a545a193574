using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wahana.BrowserTests.Support;
using Xunit.Abstractions;

namespace Wahana.BrowserTests.Journeys;

/// <summary>
/// A district officer's first minutes with Wahana in Debian's Chromium: the log-in page, the home page with the
/// province figures, the same page on a small phone, and logging out; with axe checks and screenshots.
/// </summary>
public sealed partial class LoginJourneyTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const int PhoneWidth = 360;
    private const int PhoneHeight = 740;

    private readonly Accessibility _axe = new(output);

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(browser.ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }

    private static async Task AssertNoHorizontalScrollAsync(IPage page, string what)
    {
        await page.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= PhoneWidth, $"{what} scrolls sideways on a {PhoneWidth}px phone: scrollWidth {scrollWidth}.");
    }

    [Fact]
    public async Task The_admin_logs_in_sees_the_81_WKSBM_and_logs_out()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        // The log-in page, in Indonesian.
        var login = await page.GotoAsync("/masuk");
        Assert.Equal(200, login?.Status);
        Assert.Equal("id", await page.GetAttributeAsync("html", "lang"));
        await ScreenshotAsync(page, "01-masuk");
        await _axe.CheckAsync(page, "the log-in page");
        await AssertNoHorizontalScrollAsync(page, "The log-in page");
        await ScreenshotAsync(page, "02-masuk-ponsel");
        await page.SetViewportSizeAsync(1280, 800);

        // Log in as the province admin.
        await page.Locator("#Username").FillAsync("admin.diy");
        await page.Locator("#Password").FillAsync("wahana-demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(HomeUrl());

        // The home page shows the province's 81 WKSBM.
        var count = page.Locator("[data-testid=institution-count]");
        await Assertions.Expect(count).ToHaveTextAsync(new Regex(@"^\s*81\s*$"));
        await ScreenshotAsync(page, "03-beranda");
        await _axe.CheckAsync(page, "the home page");

        // On a small phone nothing runs off the side.
        await AssertNoHorizontalScrollAsync(page, "The home page");
        await ScreenshotAsync(page, "04-beranda-ponsel");
        await page.SetViewportSizeAsync(1280, 800);

        // Log out: back on the log-in page, and the home page asks to log in again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await page.WaitForURLAsync(LoginUrl());
        await page.GotoAsync("/");
        Assert.Matches(LoginUrl(), page.Url);
        await ScreenshotAsync(page, "05-keluar");

        _axe.AssertNoSeriousViolations();
    }

    [Fact]
    public async Task A_wrong_password_shows_an_accessible_error_and_stays_on_the_log_in_page()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/masuk");
        await page.Locator("#Username").FillAsync("admin.diy");
        await page.Locator("#Password").FillAsync("bukan-kata-sandinya");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("div.alert-danger")).ToBeVisibleAsync();
        Assert.Matches(LoginUrl(), page.Url);
        await ScreenshotAsync(page, "06-masuk-gagal");
        await _axe.CheckAsync(page, "the log-in page with an error");
        _axe.AssertNoSeriousViolations();
    }

    [GeneratedRegex(@"^https?://[^/]+/?(\?.*)?$")]
    private static partial Regex HomeUrl();

    [GeneratedRegex(@"^https?://[^/]+/masuk(\?.*)?$")]
    private static partial Regex LoginUrl();
}
