using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Features.Services;
using static Wahana.Tests.Features.Services.ServiceTestData;

namespace Wahana.Tests.Features.Services;

/// <summary>GET/POST /api/v1/services, GET/PUT/DELETE /api/v1/services/{id}: rules, scope, roles.</summary>
public abstract class ServicesApiTests(WahanaFactory factory)
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [ProviderFact]
    public async Task A_pengurus_records_reads_lists_changes_and_deletes_a_service()
    {
        var home = await HomeOfAsync(factory, 22);
        var person = await AddPersonAsync(factory, home);
        var volunteer = (await ActiveVolunteersAsync(factory, home.Id))[0];
        var partner = await factory.WithDbAsync(db => db.Partners.OrderBy(p => p.Name).Select(p => p.Id).FirstAsync());
        var semester = Semester.Of(factory.Today);
        try
        {
            using var client = await factory.CreateApiClientAsync(TestUsers.Pengurus(22));
            var chosenId = Guid.CreateVersion7();
            using var created = await client.PostAsJsonAsync("/api/v1/services", new
            {
                id = chosenId, beneficiaryId = person.Id, date = Iso(factory.Today), kind = "pemberdayaan", form = "pelatihan",
                value = 250_000, fundingSource = "donasi", partnerId = partner, volunteerIds = new[] { volunteer }, notes = "Pelatihan menjahit",
            });
            var item = await JsonOf(created);
            Assert.True(created.StatusCode == HttpStatusCode.Created, item.ToString());
            Assert.Equal($"/api/v1/services/{chosenId}", created.Headers.Location?.OriginalString);
            Assert.Equal((chosenId, home.Id, person.Id, 250_000L, "pemberdayaan", "pelatihan", "donasi", partner),
                (item.GetProperty("id").GetGuid(), item.GetProperty("institutionId").GetGuid(), item.GetProperty("beneficiaryId").GetGuid(),
                 item.GetProperty("value").GetInt64(), item.GetProperty("kind").GetString(), item.GetProperty("form").GetString(),
                 item.GetProperty("fundingSource").GetString(), item.GetProperty("partnerId").GetGuid()));
            Assert.Equal(volunteer, item.GetProperty("volunteerIds")[0].GetGuid());
            Assert.Equal(TestUsers.Pengurus(22), item.GetProperty("recordedBy").GetString());

            // The same id again is refused.
            using (var again = await client.PostAsJsonAsync("/api/v1/services", new
            {
                id = chosenId, beneficiaryId = person.Id, date = Iso(factory.Today), kind = "santunan", form = "barang", value = 1, fundingSource = "swadaya",
            }))
            {
                Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            }

            // A value typed as text, as on the form.
            using var second = await client.PostAsJsonAsync("/api/v1/services", new
            {
                beneficiaryId = person.Id, institutionId = home.Id, date = Iso(factory.Today), kind = "santunan", form = "barang",
                value = "Rp 75.000", fundingSource = "swadaya",
            });
            Assert.Equal(HttpStatusCode.Created, second.StatusCode);
            Assert.Equal(75_000, (await JsonOf(second)).GetProperty("value").GetInt64());

            var one = await client.GetJsonAsync($"/api/v1/services/{chosenId}");
            Assert.Equal("Pelatihan menjahit", one.GetProperty("notes").GetString());

            var list = await client.GetJsonAsync($"/api/v1/services?institution={home.Id}&period={semester}&kind=pemberdayaan&pageSize=200");
            var expected = await factory.WithDbAsync(db => db.Services.CountAsync(s =>
                s.InstitutionId == home.Id && s.Date >= semester.Start && s.Date <= semester.End && s.Kind == ServiceKind.Pemberdayaan));
            Assert.Equal((expected, 1, 200), (list.GetProperty("total").GetInt32(), list.GetProperty("page").GetInt32(), list.GetProperty("pageSize").GetInt32()));
            Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == chosenId);
            Assert.All(list.GetProperty("items").EnumerateArray(), i => Assert.Equal("pemberdayaan", i.GetProperty("kind").GetString()));

            var mine = await client.GetJsonAsync($"/api/v1/services?beneficiary={person.Id}");
            Assert.Equal((2, 1, 325_000L), (mine.GetProperty("total").GetInt32(), mine.GetProperty("people").GetInt32(), mine.GetProperty("totalValue").GetInt64()));
            Assert.Equal(2, mine.GetProperty("items").GetArrayLength());

            // A change needs the version read; an old one is refused.
            var version = one.GetProperty("version").GetGuid();
            var change = new
            {
                beneficiaryId = person.Id, date = Iso(factory.Today), kind = "pemberdayaan", form = "pelatihan", value = 300_000,
                fundingSource = "donasi", partnerId = partner, volunteerIds = Array.Empty<Guid>(), version,
            };
            using (var changed = await client.PutAsJsonAsync($"/api/v1/services/{chosenId}", change))
            {
                var body = await JsonOf(changed);
                Assert.True(changed.StatusCode == HttpStatusCode.OK, body.ToString());
                Assert.Equal((300_000L, 0), (body.GetProperty("value").GetInt64(), body.GetProperty("volunteerIds").GetArrayLength()));
            }
            using (var stale = await client.PutAsJsonAsync($"/api/v1/services/{chosenId}", change))
            {
                Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            }

            using (var noReason = await client.DeleteAsync($"/api/v1/services/{chosenId}"))
            {
                Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
                Assert.Equal("Tuliskan alasan layanan ini dihapus.", await FieldErrorAsync(noReason, "reason"));
            }
            using (var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/services/{chosenId}") { Content = JsonContent.Create(new { reason = "Dibatalkan" }) })
            using (var deleted = await client.SendAsync(request))
            {
                Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            }
            using (var gone = await client.GetAsync($"/api/v1/services/{chosenId}"))
            {
                Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
            }
            var stored = (await ServicesOfAsync(factory, person.Id)).Single(s => s.Id == chosenId);
            Assert.Equal(("Dibatalkan", TestUsers.Pengurus(22)), (stored.DeletionReason, stored.DeletedBy));
            Assert.Equal(1, (await client.GetJsonAsync($"/api/v1/services?beneficiary={person.Id}")).GetProperty("total").GetInt32());
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "value", "\"abc\"", Rupiah.ParseMessage },
        { "value", "-1", "Nilai layanan tidak boleh negatif." },
        { "value", "1.5", Rupiah.ParseMessage },
        { "value", "null", "Nilai layanan wajib diisi (0 bila tanpa nilai rupiah)." },
        { "date", "besok", "Tanggal layanan tidak boleh di masa depan." },
        { "date", "\"2024-12-31\"", "Tanggal layanan tidak boleh sebelum penerima terdaftar (03-02-2025)." },
        { "kind", "\"bantuan\"", "Jenis layanan tidak dikenal." },
        { "form", "null", "Pilih bentuk layanan." },
        { "fundingSource", "\"csr\"", "Pilih mitra pemberi donasi atau CSR." },
        { "value", "200000000", "Nilai Rp 200.000.000 untuk satu orang melebihi Rp 100.000.000. Periksa kembali, lalu centang konfirmasi bila memang benar." },
        { "volunteerIds", "lain", "Relawan yang dipilih harus relawan aktif WKSBM pemberi layanan ini." },
        { "partnerId", "\"0195f0aa-0000-7000-8000-000000000001\"", "Mitra ini tidak dikenal." },
    };

    [ProviderTheory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_answers_400_with_the_field_and_nothing_is_saved(string field, string json, string message)
    {
        var home = await HomeOfAsync(factory, 23);
        var person = await AddPersonAsync(factory, home);
        try
        {
            using var client = await factory.CreateApiClientAsync(TestUsers.Pengurus(23));
            var fields = new Dictionary<string, string>
            {
                ["beneficiaryId"] = $"\"{person.Id}\"",
                ["date"] = $"\"{Iso(factory.Today)}\"",
                ["kind"] = "\"santunan\"",
                ["form"] = "\"barang\"",
                ["value"] = "150000",
                ["fundingSource"] = "\"swadaya\"",
            };
            fields[field] = json switch
            {
                "besok" => $"\"{Iso(factory.Today.AddDays(1))}\"",
                "lain" => $"[\"{(await ActiveVolunteersAsync(factory, (await HomeOfAsync(factory, 24)).Id))[0]}\"]",
                _ => json,
            };
            var body = "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";
            using var response = await client.PostAsync("/api/v1/services", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            // A donation or CSR without its partner is the partner's field that is missing.
            Assert.Equal(message, await FieldErrorAsync(response, field == "fundingSource" ? "partnerId" : field));
            Assert.Empty(await ServicesOfAsync(factory, person.Id));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }

    [ProviderFact]
    public async Task A_large_value_is_saved_with_confirmLargeValue_and_a_bad_filter_is_a_field_error()
    {
        var home = await HomeOfAsync(factory, 23);
        var person = await AddPersonAsync(factory, home);
        try
        {
            using var client = await factory.CreateApiClientAsync(TestUsers.Pengurus(23));
            using var created = await client.PostAsJsonAsync("/api/v1/services", new
            {
                beneficiaryId = person.Id, date = Iso(factory.Today), kind = "rehabilitasi-sosial", form = "bedah-rumah",
                value = 150_000_000, fundingSource = "apbd-provinsi", confirmLargeValue = true,
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal("rehabilitasi-sosial", (await JsonOf(created)).GetProperty("kind").GetString());

            using var badPeriod = await client.GetAsync("/api/v1/services?period=2026-3&kind=bantuan");
            Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);
            Assert.StartsWith("Tulis semester", await FieldErrorAsync(badPeriod, "period"), StringComparison.Ordinal);
            Assert.NotNull(await FieldErrorAsync(badPeriod, "kind"));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }

    [ProviderFact]
    public async Task A_locked_semester_answers_409_with_the_reason_for_create_change_and_delete()
    {
        var home = await HomeOfAsync(factory, 23);
        var person = await AddPersonAsync(factory, home);
        var service = await AddServiceAsync(factory, person, home, factory.Today, 40_000);
        var semester = Semester.Of(factory.Today);
        var report = await LockSemesterAsync(factory, home, semester);
        try
        {
            using var client = await factory.CreateApiClientAsync(TestUsers.Pengurus(23));
            var body = new
            {
                beneficiaryId = person.Id, date = Iso(factory.Today), kind = "santunan", form = "barang", value = 10_000,
                fundingSource = "swadaya", version = service.Version,
            };
            using (var create = await client.PostAsJsonAsync("/api/v1/services", body))
            {
                Assert.Equal(HttpStatusCode.Conflict, create.StatusCode);
                Assert.Equal(SemesterLocks.Message(semester), (await JsonOf(create)).GetProperty("detail").GetString());
            }
            using (var change = await client.PutAsJsonAsync($"/api/v1/services/{service.Id}", body))
            {
                Assert.Equal(HttpStatusCode.Conflict, change.StatusCode);
                Assert.Equal(SemesterLocks.Message(semester), (await JsonOf(change)).GetProperty("detail").GetString());
            }
            using (var delete = await client.DeleteAsync($"/api/v1/services/{service.Id}?reason=salah"))
            {
                Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
            }
            var only = Assert.Single(await ServicesOfAsync(factory, person.Id));
            Assert.Equal((40_000L, (DateTimeOffset?)null), (only.ValueRupiah, only.DeletedAt));
        }
        finally
        {
            await UnlockAsync(factory, report);
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }

    [ProviderFact]
    public async Task A_Relawan_sees_and_records_only_its_WKSBM_s_services_and_cannot_delete()
    {
        var home = await HomeOfAsync(factory, 24);
        var other = await HomeOfAsync(factory, 20);
        var person = await AddPersonAsync(factory, home);
        var stranger = await AddPersonAsync(factory, other);
        var foreign = await AddServiceAsync(factory, stranger, other, factory.Today, 20_000);
        var relawan = await factory.CreateUserAsync(WahanaRole.Relawan, institutionId: home.Id, prefix: "relawan");
        try
        {
            using var client = await factory.CreateApiClientAsync(relawan, TestUsers.Password);
            using var created = await client.PostAsJsonAsync("/api/v1/services", new
            {
                beneficiaryId = person.Id, date = Iso(factory.Today), kind = "perlindungan", form = "pendampingan", value = 0, fundingSource = "swadaya",
            });
            var item = await JsonOf(created);
            Assert.True(created.StatusCode == HttpStatusCode.Created, item.ToString());
            Assert.Equal(relawan, item.GetProperty("recordedBy").GetString());
            var id = item.GetProperty("id").GetGuid();

            var list = await client.GetJsonAsync("/api/v1/services?period=" + Semester.Of(factory.Today) + "&pageSize=200");
            var semester = Semester.Of(factory.Today);
            var expected = await factory.WithDbAsync(db => db.Services.CountAsync(s => s.InstitutionId == home.Id && s.Date >= semester.Start && s.Date <= semester.End));
            Assert.Equal(expected, list.GetProperty("total").GetInt32());
            Assert.All(list.GetProperty("items").EnumerateArray(), i => Assert.Equal(home.Id, i.GetProperty("institutionId").GetGuid()));
            Assert.Equal(0, (await client.GetJsonAsync($"/api/v1/services?institution={other.Id}")).GetProperty("total").GetInt32());

            using (var hidden = await client.GetAsync($"/api/v1/services/{foreign.Id}"))
            {
                Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
            }
            using (var notMine = await client.PostAsJsonAsync("/api/v1/services", new
            {
                beneficiaryId = stranger.Id, date = Iso(factory.Today), kind = "santunan", form = "barang", value = 1_000, fundingSource = "swadaya",
            }))
            {
                Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
            }
            using (var otherWksbm = await client.PostAsJsonAsync("/api/v1/services", new
            {
                beneficiaryId = person.Id, institutionId = other.Id, date = Iso(factory.Today), kind = "santunan", form = "barang", value = 1_000, fundingSource = "swadaya",
            }))
            {
                Assert.Equal(HttpStatusCode.Forbidden, otherWksbm.StatusCode);
            }
            using (var delete = await client.DeleteAsync($"/api/v1/services/{id}?reason=salah"))
            {
                Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
                Assert.Equal(ServiceEditor.RelawanDeleteMessage, (await JsonOf(delete)).GetProperty("detail").GetString());
            }
            Assert.All(await ServicesOfAsync(factory, person.Id), s => Assert.Null(s.DeletedAt));
            Assert.Single(await ServicesOfAsync(factory, person.Id));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id, stranger.Id);
        }
    }

    [ProviderFact]
    public async Task Another_kabupaten_gets_404_its_own_office_records_for_the_person_s_WKSBM_and_forum_and_mitra_get_403()
    {
        var home = await HomeOfAsync(factory, 24);
        var person = await AddPersonAsync(factory, home);
        var service = await AddServiceAsync(factory, person, home, factory.Today, 30_000);
        try
        {
            var body = new { beneficiaryId = person.Id, date = Iso(factory.Today), kind = "santunan", form = "tunai", value = 100_000, fundingSource = "dana-desa" };
            using (var elsewhere = await factory.CreateApiClientAsync(OfficeElsewhere(home.RegencyCode)))
            {
                using (var get = await elsewhere.GetAsync($"/api/v1/services/{service.Id}"))
                {
                    Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
                }
                using (var delete = await elsewhere.DeleteAsync($"/api/v1/services/{service.Id}?reason=x"))
                {
                    Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
                }
                using (var post = await elsewhere.PostAsJsonAsync("/api/v1/services", body))
                {
                    Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
                }
                Assert.Equal(0, (await elsewhere.GetJsonAsync($"/api/v1/services?institution={home.Id}")).GetProperty("total").GetInt32());
            }
            using (var office = await factory.CreateApiClientAsync(OfficeOf(home.RegencyCode)))
            {
                Assert.Equal(30_000, (await office.GetJsonAsync($"/api/v1/services/{service.Id}")).GetProperty("value").GetInt64());
                using var post = await office.PostAsJsonAsync("/api/v1/services", body);
                var item = await JsonOf(post);
                Assert.True(post.StatusCode == HttpStatusCode.Created, item.ToString());
                Assert.Equal(home.Id, item.GetProperty("institutionId").GetGuid());
                Assert.Equal(home.RegencyCode, (await ServicesOfAsync(factory, person.Id)).Single(s => s.Id == item.GetProperty("id").GetGuid()).RegencyCode);
            }
            foreach (var user in new[] { TestUsers.Forum, Mitra })
            {
                using var client = await factory.CreateApiClientAsync(user);
                foreach (var url in new[] { "/api/v1/services", $"/api/v1/services/{service.Id}" })
                {
                    using var response = await client.GetAsync(url);
                    Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user} {url}: {(int)response.StatusCode}");
                }
                using var post = await client.PostAsJsonAsync("/api/v1/services", body);
                Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            }
            using var anonymous = factory.CreateClient();
            using var noToken = await anonymous.GetAsync("/api/v1/services");
            Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }
}

[Collection(OnSqlite.Name)]
public sealed class ServicesApiTestsOnSqlite(SqliteFixture app) : ServicesApiTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class ServicesApiTestsOnPostgres(PostgresFixture app) : ServicesApiTests(app.Factory);
