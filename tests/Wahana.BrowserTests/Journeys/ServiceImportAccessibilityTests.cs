using System.Text;
using Microsoft.Playwright;
using Wahana.BrowserTests.Support;
using Xunit.Abstractions;

namespace Wahana.BrowserTests.Journeys;

/// <summary>
/// The service import's pages pass axe at phone width: the upload page, and a dry run with a bad row (nothing is
/// saved; the import is dropped at the end). Not a journey: issue 5's journey is the group distribution.
/// </summary>
public sealed class ServiceImportAccessibilityTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly Accessibility _axe = new(output);

    [Fact]
    public async Task The_upload_page_and_a_dry_run_with_a_bad_row_pass_axe()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync("/masuk");
        await page.Locator("#Username").FillAsync("pengurus.35");
        await page.Locator("#Password").FillAsync("wahana-demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/masuk", StringComparison.Ordinal));

        await page.GotoAsync("/layanan/impor");
        await _axe.CheckAsync(page, "the service import page");
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "layanan.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("nik;tanggal;jenis;bentuk;nilai;sumber_dana\n3402154708900001;01-02-2026;santunan;barang;150.000;swadaya\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah dan periksa" }).ClickAsync();
        var state = page.Locator("[data-testid=import-state]");
        await Assertions.Expect(state).ToHaveAttributeAsync("data-state", "Diperiksa", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=import-errors] tbody tr")).ToContainTextAsync("tidak ditemukan di WKSBM ini");
        await _axe.CheckAsync(page, "the service import's dry run with a bad row");
        await page.GetByRole(AriaRole.Button, new() { Name = "Batalkan impor ini" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/layanan/impor", StringComparison.Ordinal));
        _axe.AssertNoSeriousViolations();
    }
}
