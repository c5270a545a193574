using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wahana.BrowserTests.Support;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Xunit.Abstractions;

namespace Wahana.BrowserTests.Journeys;

/// <summary>
/// Issue 4's import journey in Debian's Chromium: a pengurus uploads a small CSV of three people, one with a NIK
/// that has 15 digits; the dry run names that row and its reason; the two valid people are saved and the
/// import can be read back on the registry.
/// </summary>
public sealed class BeneficiaryImportJourneyTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Pengurus = "pengurus.56";

    private static readonly string[] Headers =
    [
        "nama", "nik", "alasan_tanpa_nik", "no_kk", "jenis_kelamin", "tempat_lahir", "tanggal_lahir", "kode_kalurahan",
        "padukuhan", "rt", "rw", "alamat", "telepon", "desil", "kategori", "tanggal_persetujuan", "pemberi_persetujuan",
        "persetujuan_wali", "tanggal_terdaftar",
    ];

    private readonly Accessibility _axe = new(output);

    private async Task<T> WithDbAsync<T>(Func<WahanaDbContext, Task<T>> query)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<WahanaDbContext>());
    }

    [Fact]
    public async Task A_pengurus_imports_a_small_file_with_one_bad_row_and_saves_the_valid_rows()
    {
        var village = await WithDbAsync(async db =>
        {
            var institutionId = await db.Users.Where(u => u.UserName == Pengurus).Select(u => u.ScopeInstitutionId).SingleAsync();
            return await db.Institutions.Where(i => i.Id == institutionId).Select(i => i.VillageCode).SingleAsync();
        });
        var people = new[]
        {
            (Name: "Ngadiyem Impor", Birth: new DateOnly(1950, 2, 14), Sex: Sex.Perempuan),
            (Name: "Sukardi Impor", Birth: new DateOnly(1947, 9, 3), Sex: Sex.LakiLaki),
            (Name: "Poniyem Impor", Birth: new DateOnly(1955, 12, 25), Sex: Sex.Perempuan),
        };
        var niks = await WithDbAsync(async db =>
        {
            var result = new List<string>();
            foreach (var person in people)
            {
                for (var serial = 8101; ; serial++)
                {
                    var nik = Nik.Compose(village[..8], person.Birth, person.Sex, serial);
                    if (!await db.Beneficiaries.IgnoreQueryFilters().AnyAsync(b => b.Nik == nik))
                    {
                        result.Add(nik);
                        break;
                    }
                }
            }
            return result;
        });
        var csv = new StringBuilder().AppendJoin(';', Headers).Append('\n');
        for (var i = 0; i < people.Length; i++)
        {
            var (name, birth, sex) = people[i];
            // The second person's NIK lost its last digit: the one bad row.
            var nik = i == 1 ? niks[i][..15] : niks[i];
            csv.AppendJoin(';',
            [
                name, nik, "", "", sex == Sex.Perempuan ? "P" : "L", "Bantul", birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                village, "", "", "", "", "", "", "lansia-terlantar", "2026-07-01", name, "tidak", "2026-07-01",
            ]).Append('\n');
        }

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync("/masuk");
            await page.Locator("#Username").FillAsync(Pengurus);
            await page.Locator("#Password").FillAsync("wahana-demo");
            await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/masuk", StringComparison.Ordinal));

            await page.GotoAsync("/penerima/impor");
            await _axe.CheckAsync(page, "the import page");
            await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
            {
                Name = "penerima-lansia.csv",
                MimeType = "text/csv",
                Buffer = Encoding.UTF8.GetBytes(csv.ToString()),
            });
            await page.GetByRole(AriaRole.Button, new() { Name = "Unggah dan periksa" }).ClickAsync();

            // The dry run runs in the background; the page polls until it is done.
            var state = page.Locator("[data-testid=import-state]");
            await Assertions.Expect(state).ToHaveAttributeAsync("data-state", "Diperiksa", new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("[data-testid=import-valid]")).ToHaveTextAsync("2");
            await Assertions.Expect(page.Locator("[data-testid=import-invalid]")).ToHaveTextAsync("1");
            var errors = page.Locator("[data-testid=import-errors] tbody tr");
            await Assertions.Expect(errors).ToHaveCountAsync(1);
            await Assertions.Expect(errors.First).ToContainTextAsync("3");
            await Assertions.Expect(errors.First).ToContainTextAsync("NIK harus 16 digit; yang diisi 15 digit.");
            await _axe.CheckAsync(page, "the dry run with one bad row");
            await page.ScreenshotAsync(new() { Path = Path.Combine(browser.ScreenshotFolder, "impor-01-pemeriksaan.png"), FullPage = true });
            Assert.Equal(0, await WithDbAsync(db => db.Beneficiaries.IgnoreQueryFilters().CountAsync(b => niks.Contains(b.Nik!))));

            await page.GetByLabel("Simpan baris yang valid saja").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Simpan ke registri" }).ClickAsync();
            await Assertions.Expect(state).ToHaveAttributeAsync("data-state", "Selesai", new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("[data-testid=import-saved]")).ToHaveTextAsync("2");
            await page.ScreenshotAsync(new() { Path = Path.Combine(browser.ScreenshotFolder, "impor-02-tersimpan.png"), FullPage = true });

            var saved = await WithDbAsync(db => db.Beneficiaries.IgnoreQueryFilters()
                .Where(b => niks.Contains(b.Nik!)).OrderBy(b => b.Name).Select(b => b.Name).ToListAsync());
            Assert.Equal(["Ngadiyem Impor", "Poniyem Impor"], saved);

            // The registry finds them by name.
            await page.GotoAsync("/penerima?q=impor");
            await Assertions.Expect(page.GetByText("Ngadiyem Impor")).ToBeVisibleAsync();
        }
        finally
        {
            await WithDbAsync(async db =>
            {
                var ids = await db.Beneficiaries.IgnoreQueryFilters().Where(b => niks.Contains(b.Nik!)).Select(b => b.Id).ToListAsync();
                await db.BeneficiaryCategories.IgnoreQueryFilters().Where(c => ids.Contains(c.BeneficiaryId)).ExecuteDeleteAsync();
                return await db.Beneficiaries.IgnoreQueryFilters().Where(b => ids.Contains(b.Id)).ExecuteDeleteAsync();
            });
        }
    }
}
