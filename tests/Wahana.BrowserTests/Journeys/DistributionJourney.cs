using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
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
/// Issue 5's journey in Debian's Chromium on a 360 px phone: a volunteer (Relawan) of pengurus.27's WKSBM records a
/// group distribution of sembako to 10 neglected elderly people (lansia-terlantar), picked by category with
/// checkboxes; the activity page, its printable receipt list and the WKSBM's page show the totals.
/// </summary>
public sealed partial class DistributionJourneyTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const int PhoneWidth = 360;

    private const string Password = "uji-wahana-2026";

    private const int Recipients = 10;

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

    private async Task<T> WithUsersAsync<T>(Func<UserManager<WahanaUser>, Task<T>> action)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<WahanaUser>>());
    }

    private static async Task AssertFitsThePhoneAsync(IPage page, string what)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= PhoneWidth, $"{what} scrolls sideways on a {PhoneWidth}px phone: scrollWidth {scrollWidth}.");
    }

    [Fact]
    public async Task A_relawan_records_sembako_for_ten_elderly_people_on_a_phone_and_the_totals_reach_the_WKSBM_page()
    {
        var clock = browser.App.Services.GetRequiredService<TimeProvider>();
        var today = Wib.Today(clock);
        var semester = Semester.Of(today);
        var (institutionId, elderly) = await WithDbAsync(async db =>
        {
            var id = await db.Users.Where(u => u.UserName == "pengurus.27").Select(u => u.ScopeInstitutionId!.Value).SingleAsync();
            var count = await db.Beneficiaries.CountAsync(b => b.InstitutionId == id && b.Status == BeneficiaryStatus.Aktif && b.ErasedAt == null
                && b.Categories.Any(c => c.CategoryId == 8));
            return (id, count);
        });
        Assert.True(elderly >= Recipients, $"pengurus.27's WKSBM has {elderly} active elderly people; the journey needs {Recipients}.");
        var before = await TotalsAsync(institutionId, semester);

        var userName = "relawan.kegiatan." + Guid.NewGuid().ToString("N")[..6];
        await WithUsersAsync(async users =>
        {
            var result = await users.CreateAsync(new WahanaUser
            {
                UserName = userName, FullName = "Relawan Uji Kegiatan", Role = WahanaRole.Relawan, ScopeInstitutionId = institutionId,
            }, Password);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
            return true;
        });
        var title = "Sembako lansia " + today.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("id-ID"));
        Guid? created = null;
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(PhoneWidth, 740);
        try
        {
            await page.GotoAsync("/masuk");
            await page.Locator("#Username").FillAsync(userName);
            await page.Locator("#Password").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(HomeUrl(), Slow);

            // From the menu to the list of activities, then to the form.
            await page.GetByRole(AriaRole.Button, new() { Name = "Buka menu" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Kegiatan", Exact = true }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/kegiatan$"), Slow);
            await page.GetByTestId("new-link").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/kegiatan/baru$"), Slow);

            await page.GetByLabel("Nama kegiatan").FillAsync(title);
            await Assertions.Expect(page.GetByLabel("Tanggal")).ToHaveValueAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.GetByLabel("Jenis layanan").SelectOptionAsync("santunan");
            await page.GetByLabel("Bentuk").SelectOptionAsync("barang");
            await page.GetByLabel("Sumber dana").SelectOptionAsync("swadaya");
            await page.GetByLabel("Nilai dalam rupiah").FillAsync("150.000");

            // Only the elderly: the list is filtered in place (htmx), then ten are ticked one by one.
            await page.GetByLabel("Kategori PPKS").SelectOptionAsync("lansia-terlantar");
            var candidates = page.Locator("#candidates [data-testid=candidate]");
            await Assertions.Expect(page.GetByTestId("matching-count")).ToHaveTextAsync(elderly.ToString(CultureInfo.InvariantCulture));
            await Assertions.Expect(candidates).ToHaveCountAsync(elderly);
            for (var i = 0; i < Recipients; i++)
            {
                await candidates.Nth(i).Locator("input[type=checkbox]").CheckAsync();
            }
            await Assertions.Expect(page.GetByTestId("selected-count")).ToHaveTextAsync(Recipients.ToString(CultureInfo.InvariantCulture));
            await Assertions.Expect(page.GetByTestId("value-preview")).ToHaveTextAsync("10 orang × Rp 150.000 = Rp 1.500.000");
            var ticked = await page.Locator("#candidates input[name='Input.RecipientIds']:checked").EvaluateAllAsync<string[]>("els => els.map(e => e.value)");

            // A search keeps what is ticked: the ten stay, first in the list.
            await page.GetByLabel("Cari nama").FillAsync("zzzz-tidak-ada");
            await Assertions.Expect(page.GetByTestId("matching-count")).ToHaveTextAsync("0");
            await Assertions.Expect(page.Locator("#candidates input[name='Input.RecipientIds']:checked")).ToHaveCountAsync(Recipients);
            await page.GetByLabel("Cari nama").FillAsync("");
            await Assertions.Expect(page.GetByTestId("matching-count")).ToHaveTextAsync(elderly.ToString(CultureInfo.InvariantCulture));
            await Assertions.Expect(page.Locator("#candidates input[name='Input.RecipientIds']:checked")).ToHaveCountAsync(Recipients);

            await _axe.CheckAsync(page, "the distribution form on a phone");
            await AssertFitsThePhoneAsync(page, "The distribution form");
            await ScreenshotAsync(page, "kegiatan-01-formulir-ponsel");
            await page.GetByRole(AriaRole.Button, new() { Name = "Simpan kegiatan" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(ActivityUrl(), Slow);
            created = Guid.Parse(ActivityUrl().Match(page.Url).Groups["id"].Value);

            await Assertions.Expect(page.GetByTestId("people")).ToHaveTextAsync("10");
            await Assertions.Expect(page.GetByTestId("rupiah")).ToHaveTextAsync("Rp 1.500.000");
            await Assertions.Expect(page.Locator("[data-testid=recipient]")).ToHaveCountAsync(Recipients);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Hapus kegiatan" })).ToHaveCountAsync(0);
            var saved = await WithDbAsync(db => db.Services.AsNoTracking().Where(s => s.DistributionId == created)
                .Select(s => new { s.BeneficiaryId, s.ValueRupiah, s.RecordedBy }).ToListAsync());
            Assert.Equal(ticked.Select(Guid.Parse).Order(), saved.Select(s => s.BeneficiaryId).Order());
            Assert.All(saved, s => Assert.Equal((150_000L, userName), (s.ValueRupiah, s.RecordedBy)));
            await _axe.CheckAsync(page, "the activity page");
            await AssertFitsThePhoneAsync(page, "The activity page");
            await ScreenshotAsync(page, "kegiatan-02-halaman-kegiatan");

            await page.GetByTestId("receipt-link").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=receipt-row]")).ToHaveCountAsync(Recipients);
            await Assertions.Expect(page.GetByTestId("receipt-rupiah")).ToHaveTextAsync("Rp 1.500.000");
            await _axe.CheckAsync(page, "the receipt list");
            await ScreenshotAsync(page, "kegiatan-03-tanda-terima");
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await page.SetViewportSizeAsync(794, 1123);
            await ScreenshotAsync(page, "kegiatan-04-tanda-terima-cetak");
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
            await page.SetViewportSizeAsync(PhoneWidth, 740);

            // The WKSBM's page: one more activity this semester, and its rupiah.
            await page.GotoAsync($"/wksbm/{institutionId}");
            var after = await TotalsAsync(institutionId, semester);
            Assert.Equal((before.Activities + 1, before.Rupiah + 1_500_000), (after.Activities, after.Rupiah));
            await Assertions.Expect(page.GetByTestId("semester-activities")).ToHaveTextAsync(after.Activities.ToString(CultureInfo.InvariantCulture));
            await Assertions.Expect(page.GetByTestId("semester-people")).ToHaveTextAsync(after.People.ToString("N0", CultureInfo.GetCultureInfo("id-ID")));
            await Assertions.Expect(page.GetByTestId("semester-rupiah")).ToHaveTextAsync(Rupiah.Format(after.Rupiah));
            await _axe.CheckAsync(page, "the WKSBM page with the semester totals");
            await AssertFitsThePhoneAsync(page, "The WKSBM page");
            await ScreenshotAsync(page, "kegiatan-05-halaman-wksbm");
            _axe.AssertNoSeriousViolations();
        }
        finally
        {
            await WithDbAsync(async db =>
            {
                var ids = await db.Distributions.IgnoreQueryFilters().Where(d => d.Name == title && d.RecordedBy == userName).Select(d => d.Id).ToListAsync();
                var services = await db.Services.IgnoreQueryFilters().Where(s => s.DistributionId != null && ids.Contains(s.DistributionId.Value)).Select(s => s.Id).ToListAsync();
                await db.ServiceVolunteers.IgnoreQueryFilters().Where(v => services.Contains(v.ServiceId)).ExecuteDeleteAsync();
                await db.Services.IgnoreQueryFilters().Where(s => services.Contains(s.Id)).ExecuteDeleteAsync();
                return await db.Distributions.IgnoreQueryFilters().Where(d => ids.Contains(d.Id)).ExecuteDeleteAsync();
            });
            await WithUsersAsync(async users => await users.FindByNameAsync(userName) is { } user && (await users.DeleteAsync(user)).Succeeded);
        }
    }

    private Task<(int Activities, int People, long Rupiah)> TotalsAsync(Guid institutionId, Semester semester) => WithDbAsync(async db =>
    {
        var (start, end) = (semester.Start, semester.End);
        var services = db.Services.Where(s => s.InstitutionId == institutionId && s.Date >= start && s.Date <= end);
        return (await db.Distributions.CountAsync(d => d.InstitutionId == institutionId && d.Date >= start && d.Date <= end),
            await services.Select(s => s.BeneficiaryId).Distinct().CountAsync(),
            await services.SumAsync(s => s.ValueRupiah));
    });

    [GeneratedRegex(@"^https?://[^/]+/?(\?.*)?$")]
    private static partial Regex HomeUrl();

    [GeneratedRegex(@"/kegiatan/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex ActivityUrl();
}
