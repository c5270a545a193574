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
/// Issue 6's pages on a 360 px phone, each as a user who uses it: the dashboard (province and forum), the joint
/// evaluation and one WKSBM's card, the completeness of the reports, the recap and the printable semester report.
/// axe finds no serious or critical violation and no page scrolls sideways (a wide table scrolls inside its own
/// .table-responsive box). Reads only.
/// </summary>
public sealed class ReportPagesAccessibilityTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const int PhoneWidth = 360;

    private readonly Accessibility _axe = new(output);

    private readonly List<string> _tooWide = [];

    private static async Task<IPage> LogInAsync(IBrowserContext context, string userName)
    {
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(PhoneWidth, 740);
        await page.GotoAsync("/masuk");
        await page.Locator("#Username").FillAsync(userName);
        await page.Locator("#Password").FillAsync("wahana-demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/masuk", StringComparison.Ordinal));
        return page;
    }

    private async Task CheckAsync(IPage page, string url, string what)
    {
        var response = await page.GotoAsync(url);
        Assert.True(response is { Ok: true }, $"{what}: {url} answered {response?.Status}.");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await _axe.CheckAsync(page, what);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (scrollWidth > PhoneWidth)
        {
            // Name what sticks out, to fix it: elements, and text running out of its element (outside the table boxes).
            var culprits = await page.EvaluateAsync<string[]>("""
                (width) => {
                    const outside = n => !n.parentElement.closest('.table-responsive');
                    const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.');
                    const found = [...document.querySelectorAll('body *')]
                        .filter(e => e.getBoundingClientRect().right > width + 1 && outside(e))
                        .slice(-5).map(e => name(e) + ' ' + Math.round(e.getBoundingClientRect().right));
                    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                    const range = document.createRange();
                    while (walker.nextNode() && found.length < 10) {
                        const text = walker.currentNode;
                        range.selectNodeContents(text);
                        const right = range.getBoundingClientRect().right;
                        if (right > width + 1 && outside(text)) {
                            found.push('text "' + text.textContent.trim().slice(0, 30) + '" in ' + name(text.parentElement) + ' ' + Math.round(right));
                        }
                    }
                    return found;
                }
                """, PhoneWidth);
            _tooWide.Add($"{what} ({url}) scrolls sideways: scrollWidth {scrollWidth}: {string.Join(", ", culprits)}");
        }
        var path = Path.Combine(browser.ScreenshotFolder, "ponsel-" + what.Replace(' ', '-') + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }

    [Fact]
    public async Task The_dashboard_evaluation_completeness_recap_and_printable_report_fit_a_phone_and_pass_axe()
    {
        var clock = browser.App.Services.GetRequiredService<TimeProvider>();
        var last = Semester.Of(Wib.Today(clock)).Previous;
        Guid institutionId;
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WahanaDbContext>();
            // A Bantul WKSBM whose report of the last semester was submitted: the print page with a history.
            institutionId = await db.SemesterReports.Where(r => r.RegencyCode == "34.02" && r.Year == last.Year && r.Half == last.Half
                    && r.Status == ReportStatus.Disetujui)
                .OrderBy(r => r.InstitutionId).Select(r => r.InstitutionId).FirstAsync();
        }

        await using (var context = await browser.NewContextAsync())
        {
            var admin = await LogInAsync(context, "admin.diy");
            await CheckAsync(admin, $"/dasbor?periode={last}", "dasbor provinsi");
            await CheckAsync(admin, $"/evaluasi?periode={last}", "evaluasi");
            var card = await admin.Locator("a[href^='/evaluasi/']:not([href^='/evaluasi/ekspor'])").First.GetAttributeAsync("href");
            Assert.False(string.IsNullOrEmpty(card), "The evaluation lists WKSBM cards.");
            await CheckAsync(admin, card!, "kartu evaluasi");
            await CheckAsync(admin, $"/laporan/rekap?period={last}", "rekap provinsi");
        }
        await using (var context = await browser.NewContextAsync())
        {
            var forum = await LogInAsync(context, "forum.diy");
            await CheckAsync(forum, $"/dasbor?periode={last}", "dasbor forum");
        }
        await using (var context = await browser.NewContextAsync())
        {
            var office = await LogInAsync(context, "dinsos.bantul");
            await CheckAsync(office, $"/laporan/kelengkapan?period={last}", "kelengkapan laporan");
            await CheckAsync(office, $"/laporan/{institutionId}/{last}/cetak", "laporan semester cetak");
            await Assertions.Expect(office.GetByTestId("office-signature")).ToContainTextAsync("Mengetahui,");
        }

        // Both kinds of problem are reported together, so that one does not hide the other.
        var axe = Record.Exception(_axe.AssertNoSeriousViolations);
        Assert.True(axe is null && _tooWide.Count == 0, string.Join(Environment.NewLine, [.. _tooWide, axe?.Message ?? ""]));
    }
}
