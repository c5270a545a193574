using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Wahana.Tests.Support;
using Wahana.Web.Domain;
using static Wahana.Tests.Features.Beneficiaries.BeneficiaryReadTestData;

namespace Wahana.Tests.Features.Beneficiaries;

/// <summary>NIK and KK masked everywhere unless revealed on purpose; who may reveal and export; the data-subject export.</summary>
public abstract class BeneficiaryPrivacyTests(WahanaFactory factory)
{
    private async Task<Beneficiary> NewPersonAsync(int pengurus, string? name = null)
    {
        var home = await HomeOfAsync(factory, pengurus);
        var person = Person(home, name ?? $"Suwarni {Token()}", Sex.Perempuan, new DateOnly(1968, 10, 21), kk: KkFor(home.VillageCode));
        await AddAsync(factory, person);
        return person;
    }

    private static async Task<List<IDictionary<string, object?>>> ReadSheetAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return [.. MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>()];
    }

    [ProviderFact]
    public async Task NIK_and_KK_are_masked_in_the_list_the_API_and_the_export()
    {
        var person = await NewPersonAsync(40);
        try
        {
            var token = person.Name.Split(' ')[1];
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(40));
            var (rows, html) = await ListPageAsync(client, $"?q={token}");
            Assert.Equal(Nik.Mask(person.Nik), rows.Single().Nik);
            Assert.Matches("^\\d{4}\\*{8}\\d{4}$", rows.Single().Nik);
            Assert.DoesNotContain(person.Nik!, html, StringComparison.Ordinal);

            using var api = await factory.CreateApiClientAsync(TestUsers.Pengurus(40));
            var (items, _, _) = await ApiListAsync(api, $"?q={token}");
            Assert.Equal(Nik.Mask(person.Nik), items.Single().GetProperty("nik").GetString());
            Assert.Equal(Nik.Mask(person.Kk), items.Single().GetProperty("kk").GetString());
            var detail = await api.GetStringAsync($"/api/v1/beneficiaries/{person.Id}");
            Assert.DoesNotContain(person.Nik!, detail, StringComparison.Ordinal);
            Assert.DoesNotContain(person.Kk!, detail, StringComparison.Ordinal);

            using var export = await client.GetAsync($"/penerima/ekspor?q={token}");
            var sheet = await ReadSheetAsync(export);
            Assert.Equal(Nik.Mask(person.Nik), sheet.Single()["NIK"]);
            Assert.Equal(Nik.Mask(person.Kk), sheet.Single()["No. KK"]);
            Assert.Equal(person.Name, sheet.Single()["Nama"]);
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }

    [ProviderFact]
    public async Task Revealing_on_the_profile_needs_a_reason_shows_the_numbers_once_and_is_audited()
    {
        var person = await NewPersonAsync(41);
        try
        {
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(41));
            var url = $"/penerima/{person.Id}";
            using var missing = await client.SubmitFormAsync(url, url + "?handler=Reveal", new() { ["RevealReason"] = "  " });
            var refused = await missing.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
            Assert.Contains("Tuliskan alasan membuka NIK", WebUtility.HtmlDecode(refused), StringComparison.Ordinal);
            Assert.DoesNotContain(person.Nik!, refused, StringComparison.Ordinal);
            Assert.Equal(0, await RevealCountAsync(person.Id));

            using var revealed = await client.SubmitFormAsync(url, url + "?handler=Reveal", new() { ["RevealReason"] = "Verifikasi dengan Dukcapil" });
            var html = await revealed.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
            Assert.Equal(person.Nik, HttpHelpers.TestIdText(html, "person-nik"));
            Assert.Equal(person.Kk, HttpHelpers.TestIdText(html, "person-kk"));
            Assert.True(revealed.Headers.CacheControl?.NoStore);
            // The next view is masked again.
            var again = await client.GetStringAsync(url);
            Assert.Equal(Nik.Mask(person.Nik), HttpHelpers.TestIdText(again, "person-nik"));

            var entry = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "RevealIdentity" && a.EntityId == person.Id.ToString()));
            Assert.Equal(TestUsers.Pengurus(41), entry.UserName);
            Assert.Equal("Beneficiary", entry.EntityType);
            Assert.Equal("Verifikasi dengan Dukcapil", JsonDocument.Parse(entry.NewValues!).RootElement.GetProperty("reason").GetString());
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }

    private Task<int> RevealCountAsync(Guid id) =>
        factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "RevealIdentity" && a.EntityId == id.ToString()));

    [ProviderFact]
    public async Task The_reveal_API_needs_a_reason_answers_the_full_numbers_and_is_audited()
    {
        var person = await NewPersonAsync(42);
        try
        {
            var path = $"/api/v1/beneficiaries/{person.Id}/reveal";
            using var api = await factory.CreateApiClientAsync(TestUsers.Pengurus(42));
            using var missing = await api.PostAsJsonAsync(path, new { reason = "" });
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            using (var problem = JsonDocument.Parse(await missing.Content.ReadAsStringAsync()))
            {
                Assert.StartsWith("Tuliskan alasan", problem.RootElement.GetProperty("errors").GetProperty("reason")[0].GetString(), StringComparison.Ordinal);
            }
            Assert.Equal(0, await RevealCountAsync(person.Id));

            using var ok = await api.PostAsJsonAsync(path, new { reason = "Pencocokan data DTSEN" });
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            using var body = JsonDocument.Parse(await ok.Content.ReadAsStringAsync());
            Assert.Equal(person.Nik, body.RootElement.GetProperty("nik").GetString());
            Assert.Equal(person.Kk, body.RootElement.GetProperty("kk").GetString());
            var entry = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "RevealIdentity" && a.EntityId == person.Id.ToString()));
            Assert.Contains("Pencocokan data DTSEN", entry.NewValues, StringComparison.Ordinal);

            // The district office of the person's kabupaten and the province may reveal too.
            var district = TestUsers.DistrictOffices.Single(o => o.RegencyCode == Region.RegencyCodeOf(person.VillageCode)).UserName;
            foreach (var user in new[] { district, TestUsers.Admin })
            {
                using var office = await factory.CreateApiClientAsync(user);
                using var answer = await office.PostAsJsonAsync(path, new { reason = "Rapat verifikasi" });
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            }
            Assert.Equal(3, await RevealCountAsync(person.Id));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }

    [ProviderFact]
    public async Task Volunteers_the_forum_and_partners_cannot_reveal_and_nothing_is_audited()
    {
        var person = await NewPersonAsync(42);
        var home = await HomeOfAsync(factory, 42);
        var volunteer = await factory.CreateUserAsync(WahanaRole.Relawan, institutionId: home.Id, prefix: "relawan");
        try
        {
            var path = $"/api/v1/beneficiaries/{person.Id}/reveal";
            foreach (var (user, password) in new[] { (volunteer, TestUsers.Password), (TestUsers.Forum, TestUsers.DemoPassword), (Mitra, TestUsers.DemoPassword) })
            {
                using var api = await factory.CreateApiClientAsync(user, password);
                using var response = await api.PostAsJsonAsync(path, new { reason = "ingin tahu" });
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                Assert.DoesNotContain(person.Nik!, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            using var page = await factory.CreateLoggedInClientAsync(volunteer, TestUsers.Password);
            var url = $"/penerima/{person.Id}";
            using var posted = await page.SubmitFormAsync(url, url + "?handler=Reveal", new() { ["RevealReason"] = "ingin tahu" });
            Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
            Assert.Equal(0, await RevealCountAsync(person.Id));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }

    [ProviderFact]
    public async Task The_forum_and_partners_never_see_a_personal_record()
    {
        var person = await NewPersonAsync(43);
        try
        {
            foreach (var user in new[] { TestUsers.Forum, Mitra })
            {
                using var client = await factory.CreateLoggedInClientAsync(user);
                foreach (var url in new[] { "/penerima", $"/penerima?q={person.Name.Split(' ')[1]}", $"/penerima/{person.Id}", "/penerima/ekspor", $"/penerima/{person.Id}/data.json" })
                {
                    using var response = await client.GetAsync(url);
                    Assert.True(IsRefused(response), $"{user} {url}: {(int)response.StatusCode}");
                    Assert.DoesNotContain(person.Name, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                }
                var html = await client.GetStringAsync("/");
                Assert.DoesNotContain("href=\"/penerima\"", html, StringComparison.Ordinal);

                using var api = await factory.CreateApiClientAsync(user);
                foreach (var url in new[] { "/api/v1/beneficiaries", $"/api/v1/beneficiaries/{person.Id}" })
                {
                    using var response = await api.GetAsync(url);
                    Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                    Assert.DoesNotContain(person.Name, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                }
            }
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }

    [ProviderFact]
    public async Task The_export_is_audited_neutralises_formula_text_and_is_refused_to_volunteers()
    {
        var formula = "=HYPERLINK(\"http://x\",\"y\")";
        var person = await NewPersonAsync(44, formula);
        var home = await HomeOfAsync(factory, 44);
        var volunteer = await factory.CreateUserAsync(WahanaRole.Relawan, institutionId: home.Id, prefix: "relawan");
        try
        {
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(44));
            using var export = await client.GetAsync("/penerima/ekspor?q=hyperlink");
            var sheet = await ReadSheetAsync(export);
            var row = sheet.Single();
            Assert.Equal("'" + formula, row["Nama"]);
            Assert.Equal("Fakir miskin", row["Kategori PPKS"]);
            Assert.Equal("Perempuan", row["Jenis kelamin"]);
            Assert.Equal(home.Name, row["WKSBM"]);

            var entry = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "ExportPersonalData" && a.UserName == TestUsers.Pengurus(44))
                .OrderByDescending(a => a.At).FirstAsync());
            using var values = JsonDocument.Parse(entry.NewValues!);
            Assert.Equal(1, values.RootElement.GetProperty("rows").GetInt32());
            Assert.Equal("hyperlink", values.RootElement.GetProperty("filters").GetProperty("q").GetString());

            // The whole WKSBM: as many rows as people.
            using var all = await client.GetAsync("/penerima/ekspor");
            Assert.Equal(await factory.WithDbAsync(db => db.Beneficiaries.CountAsync(b => b.InstitutionId == home.Id)), (await ReadSheetAsync(all)).Count);

            using var refused = await (await factory.CreateLoggedInClientAsync(volunteer, TestUsers.Password)).GetAsync("/penerima/ekspor");
            Assert.True(IsRefused(refused));
            Assert.NotEqual("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", refused.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }

    [ProviderFact]
    public async Task The_data_subject_export_holds_everything_about_the_person_and_is_audited()
    {
        var person = await NewPersonAsync(40);
        var service = ServiceFor(person, factory.Today.AddDays(-10), 250_000);
        await AddServicesAsync(factory, service);
        try
        {
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(40));
            var url = $"/penerima/{person.Id}";
            using (await client.SubmitFormAsync(url, url + "?handler=Reveal", new() { ["RevealReason"] = "Permintaan subjek data" }))
            {
            }
            using var json = await client.GetAsync($"{url}/data.json");
            Assert.Equal(HttpStatusCode.OK, json.StatusCode);
            Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
            using var data = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
            var root = data.RootElement;
            Assert.Equal(person.Nik, root.GetProperty("person").GetProperty("nik").GetString());
            Assert.Equal(person.Kk, root.GetProperty("person").GetProperty("kk").GetString());
            Assert.Equal(person.Phone, root.GetProperty("person").GetProperty("phone").GetString());
            Assert.Equal("fakir-miskin", root.GetProperty("categories")[0].GetProperty("slug").GetString());
            Assert.Equal(person.Name, root.GetProperty("consent").GetProperty("givenBy").GetString());
            Assert.Equal(250_000, root.GetProperty("services").EnumerateArray().Single().GetProperty("valueRupiah").GetInt64());
            var actions = root.GetProperty("auditEntries").EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
            Assert.Contains("Added", actions);
            Assert.Contains("RevealIdentity", actions);
            Assert.Contains("ExportSubjectData", actions);
            Assert.Contains(root.GetProperty("auditEntries").EnumerateArray(), a => a.GetProperty("entityId").GetString() == service.Id.ToString());

            var page = await client.GetStringAsync($"{url}/data");
            Assert.Equal(person.Nik, HttpHelpers.TestIdText(page, "subject-nik"));
            Assert.Contains("size: A4", page, StringComparison.Ordinal);
            Assert.Equal(2, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "ExportSubjectData" && a.EntityId == person.Id.ToString())));

            // Not for a volunteer, nor for another WKSBM.
            var volunteer = await factory.CreateUserAsync(WahanaRole.Relawan, institutionId: person.InstitutionId, prefix: "relawan");
            using var byVolunteer = await (await factory.CreateLoggedInClientAsync(volunteer, TestUsers.Password)).GetAsync($"{url}/data.json");
            Assert.True(IsRefused(byVolunteer));
            using var otherBoard = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(41));
            Assert.Equal(HttpStatusCode.NotFound, (await otherBoard.GetAsync($"{url}/data.json")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{url}/data.xml")).StatusCode);
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }
}

[Collection(OnSqlite.Name)]
public sealed class BeneficiaryPrivacyTestsOnSqlite(SqliteFixture app) : BeneficiaryPrivacyTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class BeneficiaryPrivacyTestsOnPostgres(PostgresFixture app) : BeneficiaryPrivacyTests(app.Factory);
