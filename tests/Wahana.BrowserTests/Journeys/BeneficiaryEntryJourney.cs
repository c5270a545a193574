using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wahana.BrowserTests.Support;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Xunit.Abstractions;

namespace Wahana.BrowserTests.Journeys;

/// <summary>
/// Issue 4's entry journey in Debian's Chromium on a 360 px phone: the pengurus of a Gunungkidul WKSBM registers an
/// elderly woman by typing her NIK (the live check fills sex and birth date), then meets her likely duplicate when
/// registering a similar person without NIK, compares them side by side and confirms "orang yang berbeda".
/// </summary>
public sealed partial class BeneficiaryEntryJourneyTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const int PhoneWidth = 360;

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

    [Fact]
    public async Task A_pengurus_registers_a_person_from_the_NIK_and_confirms_a_likely_duplicate_is_another_person()
    {
        var birthDate = new DateOnly(1948, 3, 12);
        var (villageCode, nik) = await WithDbAsync(async db =>
        {
            var institutionId = await db.Users.Where(u => u.UserName == "pengurus.45").Select(u => u.ScopeInstitutionId).SingleAsync();
            var village = await db.Institutions.Where(i => i.Id == institutionId).Select(i => i.VillageCode).SingleAsync();
            for (var serial = 7001; ; serial++)
            {
                var candidate = Nik.Compose(village[..8], birthDate, Sex.Perempuan, serial);
                if (!await db.Beneficiaries.IgnoreQueryFilters().AnyAsync(b => b.Nik == candidate))
                {
                    return (village, candidate);
                }
            }
        });
        var created = new List<Guid>();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(PhoneWidth, 740);
        try
        {
            await page.GotoAsync("/masuk");
            await page.Locator("#Username").FillAsync("pengurus.45");
            await page.Locator("#Password").FillAsync("wahana-demo");
            await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(HomeUrl(), Slow);

            // The NIK is checked as it is typed: first too short, then valid, and sex and birth date follow from it.
            await page.GotoAsync("/penerima/baru");
            var nikField = page.Locator("#Input_Nik");
            await nikField.PressSequentiallyAsync(nik[..10], new() { Delay = 30 });
            await Assertions.Expect(page.Locator("#nik-feedback")).ToContainTextAsync("NIK harus 16 digit; yang diisi 10 digit.");
            await ScreenshotAsync(page, "penerima-01-nik-diketik");
            await nikField.PressSequentiallyAsync(nik[10..], new() { Delay = 30 });
            await Assertions.Expect(page.Locator("#nik-feedback")).ToContainTextAsync("NIK sesuai aturan: perempuan, lahir 12-03-1948");
            await Assertions.Expect(page.Locator("#sex-p")).ToBeCheckedAsync();
            await Assertions.Expect(page.Locator("#Input_BirthDate")).ToHaveValueAsync("1948-03-12");
            Assert.DoesNotContain("terdaftar di", await page.Locator("#nik-feedback").TextContentAsync() ?? "", StringComparison.Ordinal);

            await page.Locator("#Input_FullName").FillAsync("Sumirah Pawirodiharjo");
            await page.Locator("#Input_BirthPlace").FillAsync("Gunungkidul");
            await Assertions.Expect(page.Locator("#Input_VillageCode")).ToHaveValueAsync(villageCode);
            await page.Locator("#Input_Rt").FillAsync("2");
            await page.Locator("#Input_Rw").FillAsync("5");
            await page.Locator("#Input_Address").FillAsync("Rumah sendiri dekat masjid");
            await page.GetByLabel("Lanjut usia terlantar").CheckAsync();
            await page.GetByLabel("Fakir miskin").CheckAsync();
            await _axe.CheckAsync(page, "the entry form on a phone");
            await AssertFitsThePhoneAsync(page, "The entry form");
            await ScreenshotAsync(page, "penerima-02-formulir-ponsel");
            await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(ProfileUrl(), Slow);
            var first = Guid.Parse(ProfileUrl().Match(page.Url).Groups["id"].Value);
            created.Add(first);

            // A similar name without NIK, same birth date, same kalurahan: shown side by side before anything is saved.
            await page.GotoAsync("/penerima/baru");
            await page.GetByRole(AriaRole.Checkbox, new() { Name = "Belum punya NIK" }).CheckAsync();
            await Assertions.Expect(nikField).ToBeDisabledAsync();
            await page.Locator("#Input_NoNikReason").FillAsync("Belum pernah direkam Dukcapil");
            await page.Locator("#Input_FullName").FillAsync("Sumirah Pawirodiharja");
            await page.Locator("#sex-p").CheckAsync();
            await page.Locator("#Input_BirthDate").FillAsync("1948-03-12");
            await page.GetByLabel("Lanjut usia terlantar").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
            var warning = page.Locator("[data-testid=duplicate-candidates]");
            await Assertions.Expect(warning).ToBeVisibleAsync();
            await Assertions.Expect(warning.Locator("[data-testid=candidate-name]")).ToHaveTextAsync("Sumirah Pawirodiharjo");
            await Assertions.Expect(warning.Locator("[data-testid=candidate-reasons]")).ToContainTextAsync("tanggal lahir sama");
            await Assertions.Expect(warning.GetByRole(AriaRole.Link, new() { Name = "Buka data yang sudah ada" })).ToHaveAttributeAsync("href", $"/penerima/{first}");
            Assert.Equal(1, await WithDbAsync(db => db.Beneficiaries.IgnoreQueryFilters().CountAsync(b => b.NameKey.StartsWith("sumirah pawirodihar"))));
            await _axe.CheckAsync(page, "the likely-duplicate warning");
            await AssertFitsThePhoneAsync(page, "The likely-duplicate warning");
            await ScreenshotAsync(page, "penerima-03-mungkin-duplikat");

            await page.GetByRole(AriaRole.Button, new() { Name = "Orang yang berbeda, simpan" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(ProfileUrl(), Slow);
            var second = Guid.Parse(ProfileUrl().Match(page.Url).Groups["id"].Value);
            created.Add(second);
            Assert.NotEqual(first, second);

            var (a, b) = DuplicatePair.Order(first, second);
            var pair = await WithDbAsync(db => db.DuplicatePairs.AsNoTracking().SingleAsync(p => p.FirstId == a && p.SecondId == b));
            Assert.Equal((DuplicateDecision.BedaOrang, "pengurus.45"), (pair.Decision, pair.DecidedBy));
            var people = await WithDbAsync(db => db.Beneficiaries.AsNoTracking().Where(x => created.Contains(x.Id)).OrderBy(x => x.Id).ToListAsync());
            Assert.Equal(new[] { nik, null }, people.Select(p => p.Nik));
            Assert.All(people, p => Assert.Equal((Sex.Perempuan, birthDate, villageCode), (p.Sex, p.BirthDate, p.VillageCode)));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Registered {first} and {second}; pair score {pair.Score:0.000}: {pair.Reasons}"));

            // A NIK another kabupaten's WKSBM holds: the save stops, naming only that WKSBM, and shared service can be asked.
            var held = await WithDbAsync(db => db.Beneficiaries.AsNoTracking()
                .Where(x => x.RegencyCode == "34.04" && x.Nik != null && x.BirthDate < new DateOnly(1990, 1, 1)).OrderBy(x => x.Id).FirstAsync());
            await page.GotoAsync("/penerima/baru");
            await nikField.FillAsync(held.Nik!);
            await Assertions.Expect(page.Locator("#nik-feedback")).ToContainTextAsync("NIK sesuai aturan");
            await page.Locator("#Input_BirthDate").FillAsync(held.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.Locator("#Input_FullName").FillAsync("Nama Yang Diketik Relawan");
            await page.GetByLabel("Fakir miskin").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
            var stop = page.Locator("[data-testid=duplicate-nik]");
            await Assertions.Expect(stop).ToContainTextAsync("Kabupaten Sleman");
            Assert.DoesNotContain(held.Name, await page.Locator("main").TextContentAsync() ?? "", StringComparison.Ordinal);
            await _axe.CheckAsync(page, "the duplicate-NIK stop");
            await ScreenshotAsync(page, "penerima-04-nik-terdaftar");
            await stop.GetByLabel("Pesan untuk").FillAsync("Beliau kini tinggal di padukuhan kami.");
            await stop.GetByRole(AriaRole.Button, new() { Name = "Minta layanan bersama" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/penerima/permintaan-layanan$"), Slow);
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Permintaan layanan bersama dikirim");
            await Assertions.Expect(page.Locator("[data-testid=outgoing]")).ToContainTextAsync("Menunggu jawaban");
            await _axe.CheckAsync(page, "the shared-service requests");
            await AssertFitsThePhoneAsync(page, "The shared-service requests");
            await ScreenshotAsync(page, "penerima-05-permintaan-layanan");
            _axe.AssertNoSeriousViolations();
        }
        finally
        {
            await WithDbAsync(async db =>
            {
                await db.ServiceShareRequests.IgnoreQueryFilters().Where(r => r.RequestedBy == "pengurus.45").ExecuteDeleteAsync();
                await db.DuplicatePairs.IgnoreQueryFilters().Where(p => created.Contains(p.FirstId) || created.Contains(p.SecondId)).ExecuteDeleteAsync();
                await db.BeneficiaryCategories.IgnoreQueryFilters().Where(c => created.Contains(c.BeneficiaryId)).ExecuteDeleteAsync();
                return await db.Beneficiaries.IgnoreQueryFilters().Where(x => created.Contains(x.Id)).ExecuteDeleteAsync();
            });
        }
    }

    [GeneratedRegex(@"^https?://[^/]+/?(\?.*)?$")]
    private static partial Regex HomeUrl();

    [GeneratedRegex(@"/penerima/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex ProfileUrl();
}
