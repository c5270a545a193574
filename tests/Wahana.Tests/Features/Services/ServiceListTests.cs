using System.Net;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Wahana.Tests.Support;
using Wahana.Web.Domain;
using static Wahana.Tests.Features.Services.ServiceTestData;

namespace Wahana.Tests.Features.Services;

/// <summary>/layanan (by period and kind, with totals), /layanan/belum-dilayani, /layanan/ekspor.</summary>
public abstract class ServiceListTests(WahanaFactory factory)
{
    private sealed record Expected(int Count, int People, long Rupiah);

    private Task<Expected> ExpectedAsync(Guid institutionId, Semester? semester, ServiceKind? kind = null) => factory.WithDbAsync(async db =>
    {
        var services = db.Services.Where(s => s.InstitutionId == institutionId);
        if (semester is { } s)
        {
            services = services.Where(x => x.Date >= s.Start && x.Date <= s.End);
        }
        if (kind is { } k)
        {
            services = services.Where(x => x.Kind == k);
        }
        var list = await services.Select(x => new { x.BeneficiaryId, x.ValueRupiah }).ToListAsync();
        return new Expected(list.Count, list.Select(x => x.BeneficiaryId).Distinct().Count(), list.Sum(x => x.ValueRupiah));
    });

    private static Expected Shown(string html) => new(
        (int)HttpHelpers.TestIdNumber(html, "total-services"), (int)HttpHelpers.TestIdNumber(html, "total-people"),
        long.Parse(HttpHelpers.TestIdText(html, "total-rupiah")!.Replace("Rp ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));

    [ProviderFact]
    public async Task The_list_shows_a_WKSBM_s_services_by_semester_and_kind_with_totals_paged()
    {
        var home = await HomeOfAsync(factory, 24);
        var person = await AddPersonAsync(factory, home);
        var service = await AddServiceAsync(factory, person, home, factory.Today, 123_456);
        var semester = Semester.Of(factory.Today);
        try
        {
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(24));
            var html = await client.GetStringAsync("/layanan");
            var expected = await ExpectedAsync(home.Id, semester);
            Assert.Equal(expected, Shown(html));
            Assert.True(expected.Count >= 1 && expected.Rupiah >= 123_456);
            var rows = System.Text.RegularExpressions.Regex.Count(html, "data-testid=\"service-row\"");
            Assert.Equal(Math.Min(25, expected.Count), rows);
            Assert.Contains($"data-id=\"{service.Id}\"", html, StringComparison.Ordinal);
            Assert.Contains(person.Name, html, StringComparison.Ordinal);
            Assert.Contains("Rp 123.456", html, StringComparison.Ordinal);

            var all = await client.GetStringAsync("/layanan?periode=semua&jenis=santunan");
            Assert.Equal(await ExpectedAsync(home.Id, null, ServiceKind.Santunan), Shown(all));
            var previous = await client.GetStringAsync($"/layanan?periode={semester.Previous}");
            Assert.Equal(await ExpectedAsync(home.Id, semester.Previous), Shown(previous));
            Assert.DoesNotContain($"data-id=\"{service.Id}\"", previous, StringComparison.Ordinal);

            if (expected.Count > 25)
            {
                var second = await client.GetStringAsync("/layanan?halaman=2");
                Assert.Equal(Math.Min(25, expected.Count - 25), System.Text.RegularExpressions.Regex.Count(second, "data-testid=\"service-row\""));
            }

            // The district office picks the WKSBM and sees the same.
            using var office = await factory.CreateLoggedInClientAsync(OfficeOf(home.RegencyCode));
            Assert.Equal(expected, Shown(await office.GetStringAsync($"/layanan?wksbm={home.Id}")));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }

    [ProviderFact]
    public async Task Not_served_this_semester_lists_the_active_people_without_a_service_and_links_to_record_one()
    {
        var home = await HomeOfAsync(factory, 24);
        var served = await AddPersonAsync(factory, home);
        var waiting = await AddPersonAsync(factory, home, $"Aaaa Menunggu {Token()}");
        await AddServiceAsync(factory, served, home, factory.Today, 10_000);
        await AddServiceAsync(factory, waiting, home, Semester.Of(factory.Today).Previous.End, 10_000);
        var semester = Semester.Of(factory.Today);
        try
        {
            var expected = await factory.WithDbAsync(db => db.Beneficiaries.CountAsync(b =>
                b.InstitutionId == home.Id && b.Status == BeneficiaryStatus.Aktif && b.ErasedAt == null
                && !db.Services.Any(s => s.BeneficiaryId == b.Id && s.Date >= semester.Start && s.Date <= semester.End)));
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(24));
            var html = await client.GetStringAsync("/layanan/belum-dilayani");
            Assert.Equal(expected, HttpHelpers.TestIdNumber(html, "not-served-total"));
            Assert.Contains($"data-id=\"{waiting.Id}\"", html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/layanan/baru?penerima={waiting.Id}\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain($"data-id=\"{served.Id}\"", html, StringComparison.Ordinal);

            using var office = await factory.CreateLoggedInClientAsync(OfficeOf(home.RegencyCode));
            Assert.NotNull(HttpHelpers.TestIdText(await office.GetStringAsync("/layanan/belum-dilayani"), "choose-institution"));
            Assert.Equal(expected, HttpHelpers.TestIdNumber(await office.GetStringAsync($"/layanan/belum-dilayani?wksbm={home.Id}"), "not-served-total"));
            using var elsewhere = await factory.CreateLoggedInClientAsync(OfficeElsewhere(home.RegencyCode));
            using var hidden = await elsewhere.GetAsync($"/layanan/belum-dilayani?wksbm={home.Id}");
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(served.Id, waiting.Id);
        }
    }

    [ProviderFact]
    public async Task The_export_holds_every_listed_service_neutralises_formulas_is_audited_and_not_for_volunteers()
    {
        var home = await HomeOfAsync(factory, 24);
        var person = await AddPersonAsync(factory, home, $"=HYPERLINK(\"http://contoh\") {Token()}");
        var service = await AddServiceAsync(factory, person, home, factory.Today, 654_321);
        var semester = Semester.Of(factory.Today);
        var since = DateTimeOffset.UtcNow;
        var relawan = await factory.CreateUserAsync(WahanaRole.Relawan, institutionId: home.Id, prefix: "relawan");
        try
        {
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(24));
            using var response = await client.GetAsync($"/layanan/ekspor?periode={semester}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            var bytes = await response.Content.ReadAsByteArrayAsync();
            using var stream = new MemoryStream(bytes);
            var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal((await ExpectedAsync(home.Id, semester)).Count, rows.Count);
            var row = rows.Single(r => (string?)r["Id layanan"] == service.Id.ToString());
            Assert.Equal("'" + person.Name, row["Penerima"]);
            Assert.Equal(654_321d, Convert.ToDouble(row["Nilai (Rp)"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("Santunan", row["Jenis layanan"]);
            Assert.Equal(home.Name, row["WKSBM"]);

            var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.At >= since && a.UserName == TestUsers.Pengurus(24) && a.Action == "ExportPersonalData" && a.EntityType == nameof(Service)).ToListAsync());
            var entry = Assert.Single(audit);
            Assert.Equal(TestUsers.Pengurus(24), entry.UserName);
            Assert.Contains($"\"rows\":{rows.Count}", entry.NewValues, StringComparison.Ordinal);

            using var volunteer = await factory.CreateLoggedInClientAsync(relawan, TestUsers.Password);
            using var refused = await volunteer.GetAsync("/layanan/ekspor");
            Assert.True(IsRefused(refused), $"{(int)refused.StatusCode}");
            Assert.DoesNotContain("export-link", await volunteer.GetStringAsync("/layanan"), StringComparison.Ordinal);
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }
}

[Collection(OnSqlite.Name)]
public sealed class ServiceListTestsOnSqlite(SqliteFixture app) : ServiceListTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class ServiceListTestsOnPostgres(PostgresFixture app) : ServiceListTests(app.Factory);
