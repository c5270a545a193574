using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;
using static Wahana.Tests.Features.Beneficiaries.BeneficiaryReadTestData;

namespace Wahana.Tests.Features.Beneficiaries;

/// <summary>/penerima/{id}: what the profile shows, to whom, and the status form.</summary>
public abstract class BeneficiaryProfileTests(WahanaFactory factory)
{
    [ProviderFact]
    public async Task The_profile_shows_identity_masked_categories_family_in_scope_consent_services_latest_first()
    {
        var home = await HomeOfAsync(factory, 43);
        var elsewhere = await HomeOfAsync(factory, 44);
        var kk = KkFor(home.VillageCode);
        var token = Token();
        var mother = Person(home, $"Tukiyem {token}", Sex.Perempuan, new DateOnly(1975, 8, 17), kk: kk, categories: [23, 24]);
        var son = Person(home, $"Bayu {token}", Sex.LakiLaki, new DateOnly(2012, 1, 9), kk: kk, categories: 2);
        son.ConsentByGuardian = true;
        son.ConsentGivenBy = mother.Name;
        // The same family card, registered by another WKSBM: not shown to this WKSBM's board.
        var away = Person(elsewhere, $"Rina {token}", Sex.Perempuan, new DateOnly(1999, 9, 9), kk: kk);
        await AddAsync(factory, mother, son, away);
        await AddServicesAsync(factory,
            ServiceFor(mother, factory.Today.AddDays(-200), 150_000),
            ServiceFor(mother, factory.Today.AddDays(-3), 1_500_000, ServiceKind.Pemberdayaan));
        try
        {
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(43));
            var html = await client.GetStringAsync($"/penerima/{mother.Id}");
            Assert.Equal(mother.Name, HttpHelpers.TestIdText(html, "person-name"));
            Assert.Equal(Nik.Mask(mother.Nik), HttpHelpers.TestIdText(html, "person-nik"));
            Assert.Equal(Nik.Mask(kk), HttpHelpers.TestIdText(html, "person-kk"));
            Assert.DoesNotContain(mother.Nik!, html, StringComparison.Ordinal);
            Assert.DoesNotContain(kk, html, StringComparison.Ordinal);
            var categories = HttpHelpers.TestIdText(html, "person-categories")!;
            Assert.Contains("Perempuan rawan sosial ekonomi", categories, StringComparison.Ordinal);
            Assert.Contains("Fakir miskin", categories, StringComparison.Ordinal);
            Assert.Equal(home.Name, HttpHelpers.TestIdText(html, "person-institution"));
            Assert.Contains($"href=\"/wksbm/{home.Id}\"", html, StringComparison.Ordinal);
            Assert.Contains("03-02-2025", HttpHelpers.TestIdText(html, "person-consent"), StringComparison.Ordinal);

            var family = HttpHelpers.TestIdText(html, "family")!;
            Assert.Contains(son.Name, family, StringComparison.Ordinal);
            Assert.Contains(Nik.Mask(son.Nik), family, StringComparison.Ordinal);
            Assert.DoesNotContain(son.Nik!, html, StringComparison.Ordinal);
            Assert.DoesNotContain(away.Name, html, StringComparison.Ordinal);

            var services = HttpHelpers.TestIdText(html, "services")!;
            var latest = services.IndexOf("Rp 1.500.000", StringComparison.Ordinal);
            var earlier = services.IndexOf("Rp 150.000", StringComparison.Ordinal);
            Assert.True(latest >= 0 && earlier > latest, services);
            Assert.Contains("Pemberdayaan", services, StringComparison.Ordinal);
            Assert.Contains($"href=\"/penerima/{mother.Id}/ubah\"", html, StringComparison.Ordinal);

            // The child's consent came from the guardian.
            var child = await client.GetStringAsync($"/penerima/{son.Id}");
            Assert.Contains("orang tua/wali", HttpHelpers.TestIdText(child, "person-consent"), StringComparison.Ordinal);

            // The province sees the whole family.
            using var admin = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
            Assert.Contains(away.Name, HttpHelpers.TestIdText(await admin.GetStringAsync($"/penerima/{mother.Id}"), "family"), StringComparison.Ordinal);
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(mother.Id, son.Id, away.Id);
        }
    }

    [ProviderFact]
    public async Task Another_WKSBM_s_or_kabupaten_s_person_answers_404_on_profile_and_API()
    {
        var home = await HomeOfAsync(factory, 44);
        var person = Person(home, $"Sutinah {Token()}", Sex.Perempuan, new DateOnly(1955, 5, 5));
        await AddAsync(factory, person);
        try
        {
            using var otherBoard = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(40));
            using var page = await otherBoard.GetAsync($"/penerima/{person.Id}");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.DoesNotContain(person.Name, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var outside = TestUsers.DistrictOffices.First(o => o.RegencyCode != home.RegencyCode).UserName;
            using var district = await factory.CreateLoggedInClientAsync(outside);
            Assert.Equal(HttpStatusCode.NotFound, (await district.GetAsync($"/penerima/{person.Id}")).StatusCode);
            using var districtApi = await factory.CreateApiClientAsync(outside);
            Assert.Equal(HttpStatusCode.NotFound, (await districtApi.GetAsync($"/api/v1/beneficiaries/{person.Id}")).StatusCode);
            using var reveal = await districtApi.PostAsJsonAsync($"/api/v1/beneficiaries/{person.Id}/reveal", new { reason = "cek" });
            Assert.Equal(HttpStatusCode.NotFound, reveal.StatusCode);

            using var ownApi = await factory.CreateApiClientAsync(TestUsers.Pengurus(44));
            var detail = await ownApi.GetJsonAsync($"/api/v1/beneficiaries/{person.Id}");
            Assert.Equal(person.Name, detail.GetProperty("fullName").GetString());
            Assert.Equal(Nik.Mask(person.Nik), detail.GetProperty("nik").GetString());
            Assert.Equal("P", detail.GetProperty("sex").GetString());
            Assert.Equal(["fakir-miskin"], detail.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
            Assert.Equal(HttpStatusCode.NotFound, (await ownApi.GetAsync($"/api/v1/beneficiaries/{Guid.CreateVersion7()}")).StatusCode);
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }

    private static Dictionary<string, string> StatusForm(string status, DateOnly date, string note) => new()
    {
        ["StatusInput.Status"] = status,
        ["StatusInput.EffectiveOn"] = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["StatusInput.Note"] = note,
    };

    [ProviderFact]
    public async Task A_board_member_changes_the_status_which_is_kept_as_history_and_audited()
    {
        var home = await HomeOfAsync(factory, 43);
        var person = Person(home, $"Paiman {Token()}", Sex.LakiLaki, new DateOnly(1938, 12, 1), categories: 8);
        await AddAsync(factory, person);
        try
        {
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(43));
            var url = $"/penerima/{person.Id}";
            using var moved = await client.SubmitFormAsync(url, url + "?handler=Status", StatusForm("pindah", factory.Today.AddDays(-20), "Ikut anaknya ke Klaten"));
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
            using var died = await client.SubmitFormAsync(url, url + "?handler=Status", StatusForm("meninggal", factory.Today.AddDays(-2), ""));
            Assert.Equal(HttpStatusCode.Redirect, died.StatusCode);

            var html = await client.GetStringAsync(url);
            Assert.Equal("Meninggal", HttpHelpers.TestIdText(html, "person-status"));
            var history = System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"status-row\" data-status=\"([a-z-]+)\"").Select(m => m.Groups[1].Value);
            Assert.Equal(["meninggal", "pindah"], history);
            Assert.Contains("Ikut anaknya ke Klaten", HttpHelpers.TestIdText(html, "status-history"), StringComparison.Ordinal);

            var saved = await factory.WithDbAsync(db => db.Beneficiaries.Include(b => b.StatusChanges).SingleAsync(b => b.Id == person.Id));
            Assert.Equal(BeneficiaryStatus.Meninggal, saved.Status);
            Assert.Equal([factory.Today.AddDays(-2), factory.Today.AddDays(-20)], saved.StatusChanges.OrderByDescending(c => c.EffectiveOn).Select(c => c.EffectiveOn));
            Assert.All(saved.StatusChanges, c => Assert.Equal(TestUsers.Pengurus(43), c.ChangedBy));
            var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == person.Id.ToString() && a.Action == "Modified").ToListAsync());
            Assert.Contains(audit, a => a.UserName == TestUsers.Pengurus(43) && a.NewValues!.Contains("meninggal", StringComparison.OrdinalIgnoreCase));
            var ids = saved.StatusChanges.Select(c => c.Id.ToString()).ToList();
            Assert.Equal(2, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "BeneficiaryStatusChange" && ids.Contains(a.EntityId))));

            // Active again, through the API detail too.
            using var api = await factory.CreateApiClientAsync(TestUsers.Pengurus(43));
            var detail = await api.GetJsonAsync($"/api/v1/beneficiaries/{person.Id}");
            Assert.Equal("meninggal", detail.GetProperty("status").GetString());
            Assert.Equal(2, detail.GetProperty("statusHistory").GetArrayLength());
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }

    [ProviderTheory]
    [InlineData("pindah", 5, "Tanggal berlaku tidak boleh di masa depan.")]
    [InlineData("pindah", -40000, "Tanggal berlaku tidak boleh sebelum tanggal lahir")]
    [InlineData("aktif", -1, "Status orang ini sudah aktif.")]
    [InlineData("hilang", -1, "Pilih status")]
    public async Task A_bad_status_change_gets_its_message_and_nothing_is_saved(string status, int days, string message)
    {
        var home = await HomeOfAsync(factory, 43);
        var person = Person(home, $"Ngatinem {Token()}", Sex.Perempuan, new DateOnly(1960, 1, 1));
        await AddAsync(factory, person);
        try
        {
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(43));
            var url = $"/penerima/{person.Id}";
            using var response = await client.SubmitFormAsync(url, url + "?handler=Status", StatusForm(status, factory.Today.AddDays(days), "catatan"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            var saved = await factory.WithDbAsync(db => db.Beneficiaries.Include(b => b.StatusChanges).SingleAsync(b => b.Id == person.Id));
            Assert.Equal(BeneficiaryStatus.Aktif, saved.Status);
            Assert.Empty(saved.StatusChanges);
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }

    [ProviderFact]
    public async Task A_volunteer_sees_the_profile_and_history_but_cannot_change_the_status()
    {
        var home = await HomeOfAsync(factory, 44);
        var person = Person(home, $"Marto {Token()}", Sex.LakiLaki, new DateOnly(1946, 3, 3));
        await AddAsync(factory, person);
        var volunteer = await factory.CreateUserAsync(WahanaRole.Relawan, institutionId: home.Id, prefix: "relawan");
        try
        {
            using var client = await factory.CreateLoggedInClientAsync(volunteer, TestUsers.Password);
            var url = $"/penerima/{person.Id}";
            var html = await client.GetStringAsync(url);
            Assert.Equal(person.Name, HttpHelpers.TestIdText(html, "person-name"));
            Assert.NotNull(HttpHelpers.TestIdText(html, "status-history"));
            Assert.DoesNotContain("data-testid=\"status-form\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"reveal-form\"", html, StringComparison.Ordinal);
            using var response = await client.SubmitFormAsync(url, url + "?handler=Status", StatusForm("pindah", factory.Today, "x"));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(BeneficiaryStatus.Aktif, await factory.WithDbAsync(db => db.Beneficiaries.Where(b => b.Id == person.Id).Select(b => b.Status).SingleAsync()));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }
}

[Collection(OnSqlite.Name)]
public sealed class BeneficiaryProfileTestsOnSqlite(SqliteFixture app) : BeneficiaryProfileTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class BeneficiaryProfileTestsOnPostgres(PostgresFixture app) : BeneficiaryProfileTests(app.Factory);
