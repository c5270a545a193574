using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;
using static Wahana.Tests.Features.Referrals.ReferralTestData;

namespace Wahana.Tests.Features.Referrals;

/// <summary>/api/v1/referrals: making a referral, following it up by the receiving side only, bad input and scope.</summary>
public abstract class ReferralApiTests(WahanaFactory factory)
{
    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();

    private static async Task<HttpResponseMessage> StepAsync(HttpClient client, Guid id, string status, string note = "catatan uji") =>
        await client.PostAsJsonAsync($"/api/v1/referrals/{id}/status", new { status, note });

    [ProviderFact]
    public async Task A_referral_to_the_district_office_goes_through_every_status()
    {
        var from = await HomeOfAsync(factory, 30);
        var person = await PersonOfAsync(factory, from);
        try
        {
            using var pengurus = await factory.CreateApiClientAsync(TestUsers.Pengurus(30));
            using var created = await pengurus.PostAsJsonAsync("/api/v1/referrals", new
            {
                beneficiaryId = person.Id, institutionId = from.Id, destination = "dinas-kabupaten",
                reason = "Lansia sakit, tinggal sendiri.", urgency = "segera", sentOn = factory.Today.AddDays(-1),
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var body = await JsonOf(created);
            var id = body.GetProperty("id").GetGuid();
            Assert.Equal(("dikirim", "segera", "dinas-kabupaten", "Dinas Sosial Kabupaten Bantul", "34.02", "34.02"),
                (body.GetProperty("status").GetString(), body.GetProperty("urgency").GetString(), body.GetProperty("destination").GetString(),
                 body.GetProperty("destinationName").GetString(), body.GetProperty("regencyCode").GetString(), body.GetProperty("destinationRegencyCode").GetString()));
            var stored = await ReadAsync(factory, id);
            Assert.Equal((from.Id, TestUsers.Pengurus(30), factory.Today.AddDays(-1), ReferralStatus.Dikirim), (stored.InstitutionId, stored.SentBy, stored.SentOn, stored.Status));

            // The sender does not answer its own referral to the office.
            using (var refused = await StepAsync(pengurus, id, "diterima"))
            {
                Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            }
            using var office = await factory.CreateApiClientAsync(TestUsers.DinsosBantul);
            var received = await office.GetJsonAsync("/api/v1/referrals?direction=received&status=dikirim&pageSize=200");
            Assert.Contains(received.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
            foreach (var status in new[] { "diterima", "ditangani", "selesai" })
            {
                var before = DateTimeOffset.UtcNow;
                using var step = await StepAsync(office, id, status, "langkah " + status);
                Assert.Equal(HttpStatusCode.OK, step.StatusCode);
                Assert.Equal(status, (await JsonOf(step)).GetProperty("status").GetString());
                var now = await ReadAsync(factory, id);
                Assert.True(now.StatusChangedAt >= before.AddSeconds(-1), "StatusChangedAt is set by each change.");
            }
            var detail = await pengurus.GetJsonAsync($"/api/v1/referrals/{id}");
            Assert.Equal(["diterima", "ditangani", "selesai"], detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
            Assert.Equal(["dikirim", "diterima", "ditangani"], detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("from").GetString()));
            Assert.All(detail.GetProperty("history").EnumerateArray(), h => Assert.Equal(TestUsers.DinsosBantul, h.GetProperty("changedBy").GetString()));
            Assert.Equal("langkah selesai", detail.GetProperty("history")[2].GetProperty("note").GetString());
            Assert.Empty(detail.GetProperty("allowedNext").EnumerateArray());
            var audited = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(Referral) && a.EntityId == id.ToString()));
            Assert.True(audited >= 4, $"the referral and its three changes are audited ({audited}).");

            var sent = await pengurus.GetJsonAsync("/api/v1/referrals?direction=sent&status=selesai");
            Assert.Equal(1, sent.GetProperty("total").GetInt32());
            Assert.Equal((1, 25), (sent.GetProperty("page").GetInt32(), sent.GetProperty("pageSize").GetInt32()));
            Assert.Equal(person.Name, sent.GetProperty("items")[0].GetProperty("personName").GetString());
            Assert.Equal(0, (await pengurus.GetJsonAsync("/api/v1/referrals?direction=received")).GetProperty("total").GetInt32());
            Assert.Equal(1, (await office.GetJsonAsync($"/api/v1/referrals?institution={from.Id}")).GetProperty("total").GetInt32());
        }
        finally
        {
            await RemoveAllAsync(factory);
        }
    }

    [ProviderFact]
    public async Task Each_destination_is_answered_only_by_its_receiving_side()
    {
        var from = await HomeOfAsync(factory, 30);
        var gunungkidul = await HomeOfAsync(factory, 34);
        var person = await PersonOfAsync(factory, from);
        var relawan34 = await factory.CreateUserAsync(WahanaRole.Relawan, institutionId: gunungkidul.Id, prefix: "relawan");
        try
        {
            var office = await AddAsync(factory, from, person, ReferralDestination.DinasKabupaten);
            var centre = await AddAsync(factory, from, person, ReferralDestination.BalaiProvinsi);
            var wksbm = await AddAsync(factory, from, person, ReferralDestination.Wksbm, gunungkidul);
            var puskesmas = await AddAsync(factory, from, person, ReferralDestination.Puskesmas);
            var cases = new (string User, string Password, Referral Referral, HttpStatusCode Expected)[]
            {
                (TestUsers.Pengurus(30), TestUsers.DemoPassword, office, HttpStatusCode.Forbidden),
                (TestUsers.DinsosGunungkidul, TestUsers.DemoPassword, office, HttpStatusCode.NotFound),
                (TestUsers.DinsosBantul, TestUsers.DemoPassword, centre, HttpStatusCode.Forbidden),
                (TestUsers.Pengurus(30), TestUsers.DemoPassword, centre, HttpStatusCode.Forbidden),
                (TestUsers.Pengurus(30), TestUsers.DemoPassword, wksbm, HttpStatusCode.Forbidden),
                (TestUsers.DinsosBantul, TestUsers.DemoPassword, wksbm, HttpStatusCode.Forbidden),
                (relawan34, TestUsers.Password, wksbm, HttpStatusCode.Forbidden),
                (TestUsers.Pengurus(31), TestUsers.DemoPassword, wksbm, HttpStatusCode.NotFound),
                (TestUsers.Pengurus(34), TestUsers.DemoPassword, puskesmas, HttpStatusCode.NotFound),
                (TestUsers.DinsosGunungkidul, TestUsers.DemoPassword, puskesmas, HttpStatusCode.NotFound),
                // Those who may: the office for its office, the province for its centres, the receiving WKSBM and its office,
                // the referring WKSBM's board for a puskesmas (which has no account).
                (TestUsers.DinsosBantul, TestUsers.DemoPassword, office, HttpStatusCode.OK),
                (TestUsers.Admin, TestUsers.DemoPassword, centre, HttpStatusCode.OK),
                (TestUsers.Pengurus(34), TestUsers.DemoPassword, wksbm, HttpStatusCode.OK),
                (TestUsers.Pengurus(30), TestUsers.DemoPassword, puskesmas, HttpStatusCode.OK),
            };
            foreach (var (user, password, referral, expected) in cases)
            {
                using var client = await factory.CreateApiClientAsync(user, password);
                using var response = await StepAsync(client, referral.Id, "diterima");
                Assert.True(expected == response.StatusCode,
                    $"{user} on {referral.Destination}: {(int)response.StatusCode}, expected {(int)expected}. {await response.Content.ReadAsStringAsync()}");
                var stored = await ReadAsync(factory, referral.Id);
                Assert.Equal(expected == HttpStatusCode.OK ? ReferralStatus.Diterima : ReferralStatus.Dikirim, stored.Status);
                if (expected == HttpStatusCode.OK)
                {
                    Assert.Equal(user, Assert.Single(stored.Changes).ChangedBy);
                    // Back to the start for the next case on the same referral.
                    await factory.WithDbAsync(async db =>
                    {
                        await db.ReferralStatusChanges.Where(c => c.ReferralId == referral.Id).ExecuteDeleteAsync();
                        return await db.Referrals.Where(r => r.Id == referral.Id)
                            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, ReferralStatus.Dikirim));
                    });
                }
                if (expected == HttpStatusCode.Forbidden)
                {
                    Assert.Contains("pihak penerima", (await JsonOf(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
                }
            }
            // The receiving WKSBM's office answers too.
            using var gunungkidulOffice = await factory.CreateApiClientAsync(TestUsers.DinsosGunungkidul);
            using var byOffice = await StepAsync(gunungkidulOffice, wksbm.Id, "ditolak");
            Assert.Equal(HttpStatusCode.OK, byOffice.StatusCode);
        }
        finally
        {
            await RemoveAllAsync(factory);
        }
    }

    [ProviderFact]
    public async Task A_step_that_is_not_allowed_answers_409_with_the_reason_and_changes_nothing()
    {
        var from = await HomeOfAsync(factory, 31);
        var person = await PersonOfAsync(factory, from);
        try
        {
            var open = await AddAsync(factory, from, person, ReferralDestination.Puskesmas);
            var rejected = await AddAsync(factory, from, person, ReferralDestination.Lainnya, status: ReferralStatus.Ditolak);
            using var client = await factory.CreateApiClientAsync(TestUsers.Pengurus(31));

            using (var jump = await StepAsync(client, open.Id, "selesai"))
            {
                Assert.Equal(HttpStatusCode.Conflict, jump.StatusCode);
                Assert.Equal("Status rujukan tidak dapat diubah dari Dikirim ke Selesai. Dari Dikirim hanya boleh ke Diterima atau Ditolak.",
                    (await JsonOf(jump)).GetProperty("detail").GetString());
            }
            using (var jump = await StepAsync(client, open.Id, "ditangani"))
            {
                Assert.Equal(HttpStatusCode.Conflict, jump.StatusCode);
            }
            using (var same = await StepAsync(client, open.Id, "dikirim"))
            {
                Assert.Equal(HttpStatusCode.Conflict, same.StatusCode);
            }
            using (var after = await StepAsync(client, rejected.Id, "diterima"))
            {
                Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
                Assert.Equal("Rujukan ini sudah ditolak; statusnya tidak dapat diubah lagi.", (await JsonOf(after)).GetProperty("detail").GetString());
            }
            using (var noNote = await StepAsync(client, open.Id, "diterima", "  "))
            {
                Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
                Assert.Equal("Tuliskan catatan untuk perubahan status ini.", (await JsonOf(noNote)).GetProperty("errors").GetProperty("note")[0].GetString());
            }
            using (var unknown = await StepAsync(client, open.Id, "beres"))
            {
                Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
                Assert.True((await JsonOf(unknown)).GetProperty("errors").TryGetProperty("status", out _));
            }
            using (var stale = await client.PostAsJsonAsync($"/api/v1/referrals/{open.Id}/status", new { status = "diterima", note = "x", version = Guid.NewGuid() }))
            {
                Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
                Assert.Contains("baru saja diubah pengguna lain", (await JsonOf(stale)).GetProperty("detail").GetString(), StringComparison.Ordinal);
            }
            foreach (var (referral, status) in new[] { (open, ReferralStatus.Dikirim), (rejected, ReferralStatus.Ditolak) })
            {
                var stored = await ReadAsync(factory, referral.Id);
                Assert.Equal((status, 0, referral.Version), (stored.Status, stored.Changes.Count, stored.Version));
            }
            // With the version just read, the step is taken.
            using var ok = await client.PostAsJsonAsync($"/api/v1/referrals/{open.Id}/status", new { status = "diterima", note = "Diterima puskesmas", version = open.Version });
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        finally
        {
            await RemoveAllAsync(factory);
        }
    }

    [ProviderFact]
    public async Task Bad_input_answers_400_with_field_messages_and_saves_nothing()
    {
        var from = await HomeOfAsync(factory, 32);
        var person = await PersonOfAsync(factory, from);
        try
        {
            using var client = await factory.CreateApiClientAsync(TestUsers.Pengurus(32));
            var cases = new (object Body, string Field, string Message)[]
            {
                (new { beneficiaryId = person.Id, institutionId = from.Id, destination = "dinas-kabupaten", reason = " ", urgency = "biasa" },
                    "reason", "Tuliskan alasan rujukan."),
                (new { beneficiaryId = person.Id, institutionId = from.Id, destination = "dinas-kabupaten", reason = "x", urgency = "gawat" },
                    "urgency", "Pilih tingkat kedaruratan: biasa, segera, atau darurat."),
                (new { beneficiaryId = person.Id, institutionId = from.Id, destination = "rumah-sakit", reason = "x", urgency = "biasa" },
                    "destination", "Pilih tujuan rujukan: Dinas Sosial kabupaten/kota, balai Dinas Sosial DIY, puskesmas, WKSBM lain, atau lainnya."),
                (new { beneficiaryId = person.Id, institutionId = from.Id, destination = "dinas-kabupaten", reason = "x", urgency = "biasa", sentOn = factory.Today.AddDays(1) },
                    "sentOn", "Tanggal rujukan tidak boleh di masa depan."),
                (new { beneficiaryId = person.Id, institutionId = from.Id, destination = "wksbm", reason = "x", urgency = "biasa" },
                    "destinationInstitutionId", "Pilih WKSBM tujuan rujukan."),
                (new { beneficiaryId = person.Id, institutionId = from.Id, destination = "wksbm", destinationInstitutionId = from.Id, reason = "x", urgency = "biasa" },
                    "destinationInstitutionId", "WKSBM tujuan tidak boleh WKSBM perujuk sendiri."),
                (new { beneficiaryId = person.Id, institutionId = from.Id, destination = "wksbm", destinationInstitutionId = Guid.NewGuid(), reason = "x", urgency = "biasa" },
                    "destinationInstitutionId", "WKSBM tujuan tidak ditemukan."),
                (new { beneficiaryId = person.Id, institutionId = from.Id, destination = "balai-provinsi", reason = "x", urgency = "biasa" },
                    "destinationName", "Tuliskan nama tempat tujuan rujukan."),
                (new { beneficiaryId = person.Id, institutionId = from.Id, destination = "puskesmas", destinationName = new string('p', 201), reason = "x", urgency = "biasa" },
                    "destinationName", "Nama tujuan paling banyak 200 karakter."),
                (new { beneficiaryId = person.Id, institutionId = (await HomeOfAsync(factory, 33)).Id, destination = "dinas-kabupaten", reason = "x", urgency = "biasa" },
                    "institutionId", "WKSBM perujuk harus WKSBM tempat orang ini terdaftar."),
                (new { beneficiaryId = person.Id, institutionId = from.Id, destination = "dinas-kabupaten", reason = "x", urgency = "biasa", sentOn = new DateOnly(1990, 1, 1) },
                    "sentOn", "Tanggal rujukan tidak boleh sebelum orang ini terdaftar"),
            };
            foreach (var (body, field, message) in cases)
            {
                using var response = await client.PostAsJsonAsync("/api/v1/referrals", body);
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {(int)response.StatusCode} {text}");
                var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
                Assert.True(errors.TryGetProperty(field, out var messages), $"no error for {field}: {text}");
                Assert.StartsWith(message, messages[0].GetString(), StringComparison.Ordinal);
            }
            using (var malformed = await client.PostAsync("/api/v1/referrals", new StringContent("{\"sentOn\":\"31-02-2026\"", System.Text.Encoding.UTF8, "application/json")))
            {
                Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
            }
            Assert.Equal(0, await factory.WithDbAsync(db => db.Referrals.CountAsync(r => r.InstitutionId == from.Id)));
        }
        finally
        {
            await RemoveAllAsync(factory);
        }
    }

    [ProviderFact]
    public async Task Out_of_scope_is_404_the_receiving_WKSBM_sees_only_the_person_s_few_fields_and_the_forum_and_partners_get_403()
    {
        var from = await HomeOfAsync(factory, 30);
        var to = await HomeOfAsync(factory, 34);
        var person = await PersonOfAsync(factory, from);
        var other = await PersonOfAsync(factory, from, skip: 1);
        try
        {
            var toWksbm = await AddAsync(factory, from, person, ReferralDestination.Wksbm, to);
            var toCentre = await AddAsync(factory, from, person, ReferralDestination.BalaiProvinsi);

            // Another WKSBM of the same kabupaten, another district office: not theirs.
            foreach (var user in new[] { TestUsers.Pengurus(31), TestUsers.DinsosKulonProgo })
            {
                using var client = await factory.CreateApiClientAsync(user);
                foreach (var id in new[] { toWksbm.Id, toCentre.Id })
                {
                    using var response = await client.GetAsync($"/api/v1/referrals/{id}");
                    Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{user} GET {id}: {(int)response.StatusCode}");
                }
                var list = await client.GetJsonAsync("/api/v1/referrals?pageSize=200");
                Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("institutionId").GetGuid() == from.Id);
                using var refer = await client.PostAsJsonAsync("/api/v1/referrals",
                    new { beneficiaryId = person.Id, institutionId = from.Id, destination = "dinas-kabupaten", reason = "x", urgency = "biasa" });
                Assert.Equal(HttpStatusCode.NotFound, refer.StatusCode);
            }

            // The receiving WKSBM sees its referral, and of the person only what the referral shows; not the registry record, not the centre's referral.
            using var receiver = await factory.CreateApiClientAsync(TestUsers.Pengurus(34));
            var detail = await receiver.GetJsonAsync($"/api/v1/referrals/{toWksbm.Id}");
            var shown = detail.GetProperty("person");
            Assert.Equal(person.Name, shown.GetProperty("fullName").GetString());
            Assert.Equal(person.VillageCode, shown.GetProperty("villageCode").GetString());
            Assert.Equal(Nik.Mask(person.Nik), shown.GetProperty("nik").GetString());
            Assert.DoesNotContain(person.Nik, detail.GetRawText(), StringComparison.Ordinal);
            Assert.Equal(["id", "fullName", "age", "sex", "villageCode", "nik"], shown.EnumerateObject().Select(p => p.Name));
            Assert.Equal(["diterima", "ditolak"], detail.GetProperty("allowedNext").EnumerateArray().Select(s => s.GetString()));
            var received = await receiver.GetJsonAsync("/api/v1/referrals?direction=received");
            Assert.Equal(toWksbm.Id, Assert.Single(received.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
            foreach (var url in new[] { $"/api/v1/beneficiaries/{person.Id}", $"/api/v1/beneficiaries/{other.Id}", $"/api/v1/referrals/{toCentre.Id}" })
            {
                using var response = await receiver.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url}: {(int)response.StatusCode}");
            }

            foreach (var user in new[] { TestUsers.Forum, BeneficiaryReadTestDataMitra })
            {
                using var client = await factory.CreateApiClientAsync(user);
                foreach (var url in new[] { "/api/v1/referrals", $"/api/v1/referrals/{toWksbm.Id}" })
                {
                    using var response = await client.GetAsync(url);
                    Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user} GET {url}: {(int)response.StatusCode}");
                }
                using var refer = await client.PostAsJsonAsync("/api/v1/referrals",
                    new { beneficiaryId = person.Id, institutionId = from.Id, destination = "dinas-kabupaten", reason = "x", urgency = "biasa" });
                Assert.Equal(HttpStatusCode.Forbidden, refer.StatusCode);
                using var step = await StepAsync(client, toWksbm.Id, "diterima");
                Assert.Equal(HttpStatusCode.Forbidden, step.StatusCode);
            }
            using var anonymous = factory.CreateClient();
            using (var response = await anonymous.GetAsync("/api/v1/referrals"))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            }
            Assert.Equal(ReferralStatus.Dikirim, (await ReadAsync(factory, toWksbm.Id)).Status);
        }
        finally
        {
            await RemoveAllAsync(factory);
        }
    }

    [ProviderFact]
    public async Task Overdue_follows_the_configured_number_of_days()
    {
        var from = await HomeOfAsync(factory, 33);
        var person = await PersonOfAsync(factory, from);
        try
        {
            var now = DateTimeOffset.UtcNow;
            var old = await AddAsync(factory, from, person, ReferralDestination.Puskesmas, changedAt: now.AddDays(-20));
            var recent = await AddAsync(factory, from, person, ReferralDestination.Puskesmas, changedAt: now.AddDays(-10));
            var closed = await AddAsync(factory, from, person, ReferralDestination.Puskesmas, status: ReferralStatus.Selesai, changedAt: now.AddDays(-40));

            async Task<Dictionary<Guid, bool>> OverdueAsync(HttpClient client) =>
                (await client.GetJsonAsync("/api/v1/referrals?direction=sent")).GetProperty("items").EnumerateArray()
                    .ToDictionary(i => i.GetProperty("id").GetGuid(), i => i.GetProperty("overdue").GetBoolean());

            using var client = await factory.CreateApiClientAsync(TestUsers.Pengurus(33));
            // The default: 14 days.
            Assert.Equal(new Dictionary<Guid, bool> { [old.Id] = true, [recent.Id] = false, [closed.Id] = false }, await OverdueAsync(client));
            var overdueOnly = await client.GetJsonAsync("/api/v1/referrals?overdue=true");
            Assert.Equal(old.Id, Assert.Single(overdueOnly.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

            // Wahana:Referrals:OverdueDays = 7: the ten-day-old one is overdue too.
            await using var sevenDays = factory.WithWebHostBuilder(b => b.UseSetting("Wahana:Referrals:OverdueDays", "7"));
            using var token = await sevenDays.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = TestUsers.Pengurus(33), password = TestUsers.DemoPassword });
            var bearer = (await JsonOf(token)).GetProperty("access_token").GetString();
            using var configured = sevenDays.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            configured.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
            Assert.Equal(new Dictionary<Guid, bool> { [old.Id] = true, [recent.Id] = true, [closed.Id] = false }, await OverdueAsync(configured));

            using var bad = await client.GetAsync("/api/v1/referrals?direction=sideways&overdue=kadang&pageSize=500");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var errors = (await JsonOf(bad)).GetProperty("errors");
            Assert.Equal(["direction", "overdue", "pageSize"], errors.EnumerateObject().Select(p => p.Name).Order());
        }
        finally
        {
            await RemoveAllAsync(factory);
        }
    }

    private const string BeneficiaryReadTestDataMitra = "mitra.baznas";
}

[Collection(OnSqlite.Name)]
public sealed class ReferralApiTestsOnSqlite(SqliteFixture app) : ReferralApiTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class ReferralApiTestsOnPostgres(PostgresFixture app) : ReferralApiTests(app.Factory);
