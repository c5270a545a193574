using System.Net;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Wahana.Tests.Support;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Distributions;

/// <summary>/kegiatan/baru, /kegiatan/{id} (with its receipt list and delete), /kegiatan and its export, over HTTP as a browser.</summary>
public abstract class DistributionPageTests(WahanaFactory factory)
{
    private static List<KeyValuePair<string, string>> Form(Guid institutionId, string title, DateOnly date, IEnumerable<Guid> recipients, string value = "150.000", string mode = "per-orang")
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.InstitutionId", institutionId.ToString()),
            new("Input.Title", title),
            new("Input.Date", DistributionTestData.Iso(date)),
            new("Input.Kind", "santunan"),
            new("Input.Form", "barang"),
            new("Input.FundingSource", "dana-desa"),
            new("Input.ValueMode", mode),
            new("Input.Value", value),
        };
        fields.AddRange(recipients.Select(id => new KeyValuePair<string, string>("Input.RecipientIds", id.ToString())));
        return fields;
    }

    [ProviderFact]
    public async Task A_relawan_records_a_distribution_from_the_form_and_sees_it_but_cannot_delete_it()
    {
        var home = await DistributionTestData.HomeOfAsync(factory, TestUsers.Pengurus(26));
        var relawan = await factory.CreateUserAsync(WahanaRole.Relawan, institutionId: home.InstitutionId, prefix: "relawan-uji");
        using var client = await factory.CreateLoggedInClientAsync(relawan, TestUsers.Password);
        var people = await DistributionTestData.PeopleAsync(factory, home.InstitutionId, 2);
        var title = DistributionTestData.UniqueTitle("Sembako");

        // The form offers the WKSBM's active people; a filter by name returns the list with the ticked ones kept.
        using var formPage = await client.GetAsync("/kegiatan/baru");
        var html = await formPage.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, formPage.StatusCode);
        Assert.Contains(people[0].Name, html, StringComparison.Ordinal);
        Assert.Equal(home.Name, HttpHelpers.TestIdText(html, "institution-name"));
        var search = Uri.EscapeDataString(people[1].Name);
        using var filtered = await client.GetAsync($"/kegiatan/baru?handler=Candidates&Input.InstitutionId={home.InstitutionId}&Input.RecipientIds={people[0].Id}&cari={search}");
        var partial = await filtered.Content.ReadAsStringAsync();
        Assert.Contains(people[1].Name, partial, StringComparison.Ordinal);
        Assert.Contains(people[0].Name, partial, StringComparison.Ordinal);
        Assert.Equal(1, HttpHelpers.TestIdNumber(partial, "selected-count"));
        Assert.DoesNotContain("<html", partial, StringComparison.OrdinalIgnoreCase);

        using var saved = await DistributionTestData.PostFormAsync(client, "/kegiatan/baru", "/kegiatan/baru", Form(home.InstitutionId, title, factory.Today, people.Select(p => p.Id)));
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var id = Guid.Parse(saved.RedirectTarget()["/kegiatan/".Length..]);
        try
        {
            var services = await factory.WithDbAsync(db => db.Services.AsNoTracking().Where(s => s.DistributionId == id).ToListAsync());
            Assert.Equal(2, services.Count);
            Assert.All(services, s => Assert.Equal((relawan, FundingSource.DanaDesa, 150_000L), (s.RecordedBy, s.FundingSource, s.ValueRupiah)));

            using var details = await client.GetAsync($"/kegiatan/{id}");
            var page = await details.Content.ReadAsStringAsync();
            Assert.Equal(2, HttpHelpers.TestIdNumber(page, "people"));
            Assert.Equal("Rp 300.000", HttpHelpers.TestIdText(page, "rupiah"));
            var withNik = people.FirstOrDefault(p => p.Nik is not null);
            if (withNik is not null)
            {
                Assert.Contains(Nik.Mask(withNik.Nik!), page, StringComparison.Ordinal);
                Assert.DoesNotContain(withNik.Nik!, page, StringComparison.Ordinal);
            }
            Assert.DoesNotContain("Hapus kegiatan", page, StringComparison.Ordinal);

            using var delete = await DistributionTestData.PostFormAsync(client, $"/kegiatan/{id}", $"/kegiatan/{id}?handler=Delete", [new("DeletionReason", "salah catat")]);
            Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
            Assert.Equal(2, await factory.WithDbAsync(db => db.Services.CountAsync(s => s.DistributionId == id)));

            // The WKSBM's page shows the activity in this semester's totals.
            using var profile = await client.GetAsync($"/wksbm/{home.InstitutionId}");
            var profileHtml = await profile.Content.ReadAsStringAsync();
            var semester = Semester.Of(factory.Today);
            var expected = await factory.WithDbAsync(db => db.Distributions.CountAsync(d => d.InstitutionId == home.InstitutionId && d.Date >= semester.Start && d.Date <= semester.End));
            Assert.Equal(expected, HttpHelpers.TestIdNumber(profileHtml, "semester-activities"));
        }
        finally
        {
            await DistributionTestData.RemoveAsync(factory, id);
        }
    }

    [ProviderFact]
    public async Task An_officer_chooses_a_WKSBM_of_their_kabupaten_and_select_all_ticks_the_filtered_list()
    {
        var home = await DistributionTestData.HomeOfAsync(factory, TestUsers.Pengurus(27));
        var office = TestUsers.DistrictOffices.Single(o => o.RegencyCode == home.RegencyCode).UserName;
        var otherOffice = TestUsers.DistrictOffices.First(o => o.RegencyCode != home.RegencyCode).UserName;
        using var client = await factory.CreateLoggedInClientAsync(office);

        using var chooser = await client.GetAsync("/kegiatan/baru");
        var html = await chooser.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"choose-institution\"", html, StringComparison.Ordinal);
        Assert.Contains(home.Name, html, StringComparison.Ordinal);
        using var form = await client.GetAsync($"/kegiatan/baru?wksbm={home.InstitutionId}");
        Assert.Equal(home.Name, HttpHelpers.TestIdText(await form.Content.ReadAsStringAsync(), "institution-name"));

        var elderly = await DistributionTestData.PeopleAsync(factory, home.InstitutionId, 500, categoryId: 8);
        using var all = await client.GetAsync($"/kegiatan/baru?handler=Candidates&Input.InstitutionId={home.InstitutionId}&kategori=lansia-terlantar&semua=1");
        var partial = await all.Content.ReadAsStringAsync();
        Assert.Equal(elderly.Count, HttpHelpers.TestIdNumber(partial, "selected-count"));
        Assert.Equal(elderly.Count, System.Text.RegularExpressions.Regex.Count(partial, "value=\"[0-9a-f-]{36}\" checked"));

        using var elsewhere = await factory.CreateLoggedInClientAsync(otherOffice);
        using var notFound = await elsewhere.GetAsync($"/kegiatan/baru?wksbm={home.InstitutionId}");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        using var noCandidates = await elsewhere.GetAsync($"/kegiatan/baru?handler=Candidates&Input.InstitutionId={home.InstitutionId}");
        Assert.Equal(HttpStatusCode.NotFound, noCandidates.StatusCode);
    }

    [ProviderFact]
    public async Task The_form_refuses_bad_input_with_Indonesian_messages_and_saves_nothing()
    {
        var pengurus = TestUsers.Pengurus(25);
        var home = await DistributionTestData.HomeOfAsync(factory, pengurus);
        using var client = await factory.CreateLoggedInClientAsync(pengurus);
        var people = await DistributionTestData.PeopleAsync(factory, home.InstitutionId, 3);
        var stranger = await factory.WithDbAsync(db => db.Beneficiaries.Where(b => b.RegencyCode != home.RegencyCode).OrderBy(b => b.Id).Select(b => b.Id).FirstAsync());
        var before = await DistributionTestData.CountAsync(factory);
        var cases = new (List<KeyValuePair<string, string>> Fields, string Message)[]
        {
            (Form(home.InstitutionId, "Uji", factory.Today, people.Select(p => p.Id), value: "150,50"), Rupiah.ParseMessage),
            (Form(home.InstitutionId, "Uji", factory.Today, people.Select(p => p.Id), value: "100.000", mode: "total"), "tidak habis dibagi 3 orang"),
            (Form(home.InstitutionId, "Uji", factory.Today, []), "Pilih minimal satu penerima"),
            (Form(home.InstitutionId, "Uji", factory.Today.AddDays(3), people.Select(p => p.Id)), "Tanggal layanan tidak boleh di masa depan."),
            (Form(home.InstitutionId, "Uji", factory.Today, people.Select(p => p.Id).Append(stranger)), $"bukan penerima manfaat aktif WKSBM ini: {stranger}"),
            (Form(home.InstitutionId, "Uji", factory.Today, people.Select(p => p.Id), value: "150.000.000"), "centang konfirmasi"),
        };
        foreach (var (fields, message) in cases)
        {
            using var response = await DistributionTestData.PostFormAsync(client, "/kegiatan/baru", "/kegiatan/baru", fields);
            var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Kegiatan belum disimpan", html, StringComparison.Ordinal);
            Assert.Contains(message, html, StringComparison.Ordinal);
        }
        Assert.Equal(before, await DistributionTestData.CountAsync(factory));
    }

    [ProviderFact]
    public async Task A_pengurus_deletes_an_activity_with_a_reason_but_not_in_a_locked_semester()
    {
        var pengurus = TestUsers.Pengurus(29);
        var home = await DistributionTestData.HomeOfAsync(factory, pengurus);
        var people = await DistributionTestData.PeopleAsync(factory, home.InstitutionId, 2);
        using var api = await factory.CreateApiClientAsync(pengurus);
        var (status, json) = await DistributionTestData.PostAsync(api, DistributionTestData.Body(null, DistributionTestData.UniqueTitle(), factory.Today, people.Select(p => p.Id)));
        Assert.Equal(HttpStatusCode.Created, status);
        var id = json.GetProperty("id").GetGuid();
        using var client = await factory.CreateLoggedInClientAsync(pengurus);
        try
        {
            // The receipt list: kop, one row per person, totals and the two signatures.
            using var receipt = await client.GetAsync($"/kegiatan/{id}/tanda-terima");
            var receiptHtml = await receipt.Content.ReadAsStringAsync();
            Assert.Equal(home.Name, HttpHelpers.TestIdText(receiptHtml, "receipt-institution"));
            Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(receiptHtml, "data-testid=\"receipt-row\""));
            Assert.Equal("Rp 300.000", HttpHelpers.TestIdText(receiptHtml, "receipt-rupiah"));
            Assert.Contains("Bendahara", receiptHtml, StringComparison.Ordinal);

            var lockId = await DistributionTestData.LockAsync(factory, home, factory.Today);
            try
            {
                using var locked = await DistributionTestData.PostFormAsync(client, $"/kegiatan/{id}", $"/kegiatan/{id}?handler=Delete", [new("DeletionReason", "dobel")]);
                var html = System.Net.WebUtility.HtmlDecode(await locked.Content.ReadAsStringAsync());
                Assert.Contains(SemesterLocks.Message(Semester.Of(factory.Today)), html, StringComparison.Ordinal);
                Assert.Equal(2, await factory.WithDbAsync(db => db.Services.CountAsync(s => s.DistributionId == id)));
            }
            finally
            {
                await DistributionTestData.UnlockAsync(factory, lockId);
            }

            using var noReason = await DistributionTestData.PostFormAsync(client, $"/kegiatan/{id}", $"/kegiatan/{id}?handler=Delete", [new("DeletionReason", "  ")]);
            Assert.Contains("Tuliskan alasan kegiatan ini dihapus.", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var deleted = await DistributionTestData.PostFormAsync(client, $"/kegiatan/{id}", $"/kegiatan/{id}?handler=Delete", [new("DeletionReason", "Tercatat dua kali")]);
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
            var rows = await factory.WithDbAsync(async db => (
                await db.Distributions.IgnoreQueryFilters().Where(d => d.Id == id).Select(d => new { d.DeletedBy, d.DeletionReason }).SingleAsync(),
                await db.Services.IgnoreQueryFilters().Where(s => s.DistributionId == id).Select(s => new { s.DeletedBy, s.DeletionReason, s.DeletedAt }).ToListAsync()));
            Assert.Equal((pengurus, "Tercatat dua kali"), (rows.Item1.DeletedBy, rows.Item1.DeletionReason));
            Assert.Equal(2, rows.Item2.Count);
            Assert.All(rows.Item2, s => Assert.Equal((pengurus, "Tercatat dua kali", true), (s.DeletedBy, s.DeletionReason, s.DeletedAt is not null)));
            using var gone = await client.GetAsync($"/kegiatan/{id}");
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }
        finally
        {
            await DistributionTestData.RemoveAsync(factory, id);
        }
    }

    [ProviderFact]
    public async Task The_list_shows_the_WKSBMs_activities_and_totals_exports_them_and_stays_in_scope()
    {
        var pengurus = TestUsers.Pengurus(28);
        var home = await DistributionTestData.HomeOfAsync(factory, pengurus);
        var people = await DistributionTestData.PeopleAsync(factory, home.InstitutionId, 3);
        using var api = await factory.CreateApiClientAsync(pengurus);
        var title = DistributionTestData.UniqueTitle("Paket lebaran");
        var (status, json) = await DistributionTestData.PostAsync(api, DistributionTestData.Body(null, title, factory.Today, people.Select(p => p.Id), 200_000));
        Assert.Equal(HttpStatusCode.Created, status);
        var id = json.GetProperty("id").GetGuid();
        try
        {
            using var client = await factory.CreateLoggedInClientAsync(pengurus);
            using var list = await client.GetAsync("/kegiatan");
            var html = await list.Content.ReadAsStringAsync();
            Assert.Contains(title, html, StringComparison.Ordinal);
            var semester = Semester.Of(factory.Today);
            var expected = await factory.WithDbAsync(async db =>
            {
                var ids = db.Distributions.Where(d => d.InstitutionId == home.InstitutionId && d.Date >= semester.Start && d.Date <= semester.End).Select(d => d.Id);
                var services = db.Services.Where(s => s.DistributionId != null && ids.Contains(s.DistributionId.Value));
                return (await ids.CountAsync(), await services.Select(s => s.BeneficiaryId).Distinct().CountAsync(), await services.SumAsync(s => s.ValueRupiah));
            });
            Assert.Equal(expected.Item1, HttpHelpers.TestIdNumber(html, "total-activities"));
            Assert.Equal(expected.Item2, HttpHelpers.TestIdNumber(html, "total-people"));
            Assert.Equal(Rupiah.Format(expected.Item3), HttpHelpers.TestIdText(html, "total-rupiah"));

            using var export = await client.GetAsync("/kegiatan/ekspor?periode=" + semester);
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            await using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
            var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            var row = Assert.Single(rows, r => (r["Kegiatan"] as string) == title);
            Assert.Equal((3d, 600_000d), (Convert.ToDouble(row["Jumlah orang"], System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(row["Jumlah nilai"], System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(expected.Item1, rows.Count);

            // Another kabupaten's office: 404 on the activity, not in its list; forum and partner: no list at all.
            var otherOffice = TestUsers.DistrictOffices.First(o => o.RegencyCode != home.RegencyCode).UserName;
            using var other = await factory.CreateLoggedInClientAsync(otherOffice);
            using var notFound = await other.GetAsync($"/kegiatan/{id}");
            Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
            using var notFoundReceipt = await other.GetAsync($"/kegiatan/{id}/tanda-terima");
            Assert.Equal(HttpStatusCode.NotFound, notFoundReceipt.StatusCode);
            using var otherList = await other.GetAsync($"/kegiatan?periode=semua&wksbm={home.InstitutionId}");
            Assert.DoesNotContain(title, await otherList.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            foreach (var outsider in new[] { TestUsers.Forum, "mitra.baznas" })
            {
                using var outsiderClient = await factory.CreateLoggedInClientAsync(outsider);
                using var denied = await outsiderClient.GetAsync("/kegiatan");
                using var deniedOne = await outsiderClient.GetAsync($"/kegiatan/{id}");
                Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
                Assert.NotEqual(HttpStatusCode.OK, deniedOne.StatusCode);
                Assert.DoesNotContain(people[0].Name, await deniedOne.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
        finally
        {
            await DistributionTestData.RemoveAsync(factory, id);
        }
    }
}

[Collection(OnSqlite.Name)]
public sealed class DistributionPageTestsOnSqlite(SqliteFixture app) : DistributionPageTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class DistributionPageTestsOnPostgres(PostgresFixture app) : DistributionPageTests(app.Factory);
