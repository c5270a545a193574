using System.Net;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Features.Services;
using static Wahana.Tests.Features.Services.ServiceTestData;

namespace Wahana.Tests.Features.Services;

/// <summary>Recording, changing and deleting one service on the pages (/layanan/baru, /layanan/{id}/ubah, /layanan/{id}).</summary>
public abstract class ServiceFormTests(WahanaFactory factory)
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [ProviderFact]
    public async Task A_pengurus_records_a_service_from_the_profile_and_sees_it_in_the_history()
    {
        var home = await HomeOfAsync(factory, 20);
        var person = await AddPersonAsync(factory, home);
        var volunteers = await ActiveVolunteersAsync(factory, home.Id);
        Assert.NotEmpty(volunteers);
        try
        {
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(20));
            // Tap 1: the profile; tap 2: "Catat layanan"; tap 3: "Simpan layanan".
            var profile = await client.GetStringAsync($"/penerima/{person.Id}");
            Assert.Contains($"href=\"/layanan/baru?penerima={person.Id}\" data-testid=\"record-service\"", profile, StringComparison.Ordinal);
            var formUrl = $"/layanan/baru?penerima={person.Id}";
            var form = await client.GetStringAsync(formUrl);
            Assert.Contains($"value=\"{Iso(factory.Today)}\"", form, StringComparison.Ordinal);
            Assert.Contains($"name=\"Input.VolunteerIds\" value=\"{volunteers[0]}\"", form, StringComparison.Ordinal);
            Assert.Equal(person.Name, HttpHelpers.TestIdText(form, "service-person"));

            using var saved = await PostFormAsync(client, formUrl, FormFields(person.Id, factory.Today, "150.000"),
                [("Input.VolunteerIds", volunteers[0].ToString())]);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal($"/penerima/{person.Id}#layanan", saved.RedirectTarget());

            var service = Assert.Single(await ServicesOfAsync(factory, person.Id));
            Assert.Equal((150_000L, ServiceKind.Santunan, ServiceForm.Barang, FundingSource.Swadaya, factory.Today),
                (service.ValueRupiah, service.Kind, service.Form, service.FundingSource, service.Date));
            Assert.Equal((home.Id, home.RegencyCode, TestUsers.Pengurus(20), "Sembako diantar ke rumah"),
                (service.InstitutionId, service.RegencyCode, service.RecordedBy, service.Notes));
            Assert.Equal(volunteers[0], Assert.Single(service.Volunteers).VolunteerId);
            Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
                a.EntityType == nameof(Service) && a.EntityId == service.Id.ToString() && a.Action == "Added" && a.UserName == TestUsers.Pengurus(20))));

            var history = HttpHelpers.TestIdText(await client.GetStringAsync($"/penerima/{person.Id}"), "services")!;
            Assert.Contains("Rp 150.000", history, StringComparison.Ordinal);
            Assert.Contains(home.Name, history, StringComparison.Ordinal);
            Assert.Contains($"href=\"/layanan/{service.Id}\"", await client.GetStringAsync($"/penerima/{person.Id}"), StringComparison.Ordinal);

            var detail = await client.GetStringAsync($"/layanan/{service.Id}");
            Assert.Equal("Rp 150.000", HttpHelpers.TestIdText(detail, "service-value"));
            var volunteerName = await factory.WithDbAsync(db => db.Volunteers.Where(v => v.Id == volunteers[0]).Select(v => v.Name).SingleAsync());
            Assert.Equal(volunteerName, HttpHelpers.TestIdText(detail, "service-volunteers"));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "Input.Value", "lima ribu", Rupiah.ParseMessage },
        { "Input.Value", "-5.000", "Nilai layanan tidak boleh negatif." },
        { "Input.Date", "besok", "Tanggal layanan tidak boleh di masa depan." },
        { "Input.Date", "2025-01-31", "Tanggal layanan tidak boleh sebelum penerima terdaftar (03-02-2025)." },
        { "Input.FundingSource", "donasi", "Pilih mitra pemberi donasi atau CSR." },
        { "Input.Form", "tunai", "Bantuan tunai harus memiliki nilai rupiah." },
        { "Input.Value", "150.000.000", "Nilai Rp 150.000.000 untuk satu orang melebihi Rp 100.000.000. Periksa kembali, lalu centang konfirmasi bila memang benar." },
        { "Input.VolunteerIds", "lain", "Relawan yang dipilih harus relawan aktif WKSBM pemberi layanan ini." },
        { "Input.Kind", "rujukan", "Rujukan dicatat lewat menu Rujukan, bukan sebagai layanan." },
    };

    [ProviderTheory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_refused_with_its_message_and_nothing_is_saved(string field, string value, string message)
    {
        var home = await HomeOfAsync(factory, 20);
        var person = await AddPersonAsync(factory, home);
        try
        {
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(20));
            var fields = FormFields(person.Id, factory.Today);
            fields[field] = value switch
            {
                "besok" => Iso(factory.Today.AddDays(1)),
                "lain" => (await ActiveVolunteersAsync(factory, (await HomeOfAsync(factory, 21)).Id))[0].ToString(),
                _ => value,
            };
            if (field == "Input.Form")
            {
                fields["Input.Value"] = "";
            }
            using var response = await PostFormAsync(client, $"/layanan/baru?penerima={person.Id}", fields);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, html, StringComparison.Ordinal);
            Assert.Contains("belum ada yang disimpan", html, StringComparison.Ordinal);
            Assert.Empty(await ServicesOfAsync(factory, person.Id));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }

    [ProviderFact]
    public async Task A_value_above_100_million_is_saved_once_confirmed()
    {
        var home = await HomeOfAsync(factory, 20);
        var person = await AddPersonAsync(factory, home);
        try
        {
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(20));
            var url = $"/layanan/baru?penerima={person.Id}";
            var fields = FormFields(person.Id, factory.Today, "Rp 120.000.000");
            fields["Input.Form"] = "bedah-rumah";
            using (var first = await PostFormAsync(client, url, fields))
            {
                var html = await first.Content.ReadAsStringAsync();
                Assert.Contains("name=\"Input.ConfirmLargeValue\"", html, StringComparison.Ordinal);
                Assert.Empty(await ServicesOfAsync(factory, person.Id));
            }
            fields["Input.ConfirmLargeValue"] = "true";
            using var second = await PostFormAsync(client, url, fields);
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
            Assert.Equal(120_000_000, Assert.Single(await ServicesOfAsync(factory, person.Id)).ValueRupiah);
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }

    [ProviderFact]
    public async Task A_photo_comes_back_without_GPS_and_shrunk_and_only_within_scope_a_text_file_is_refused()
    {
        var home = await HomeOfAsync(factory, 21);
        var person = await AddPersonAsync(factory, home);
        try
        {
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(21));
            var url = $"/layanan/baru?penerima={person.Id}";
            using (var refused = await PostFormAsync(client, url, FormFields(person.Id, factory.Today), photo: ("ini teks, bukan foto"u8.ToArray(), "foto.jpg", "image/jpeg")))
            {
                Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
                Assert.Contains(ServicePhotos.NotAnImageMessage, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
                Assert.Empty(await ServicesOfAsync(factory, person.Id));
            }

            var original = TestPhotos.JpegWithGps(3000, 2000, orientation: 1);
            using (var saved = await PostFormAsync(client, url, FormFields(person.Id, factory.Today), photo: (original, "IMG_0001.JPG", "image/jpeg")))
            {
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }
            var service = Assert.Single(await ServicesOfAsync(factory, person.Id));
            Assert.NotNull(service.PhotoFile);
            Assert.Contains("data-testid=\"service-photo\"", await client.GetStringAsync($"/layanan/{service.Id}"), StringComparison.Ordinal);

            using var photo = await client.GetAsync($"/layanan/{service.Id}?handler=Foto");
            Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
            Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
            var bytes = await photo.Content.ReadAsByteArrayAsync();
            Assert.False(TestPhotos.Contains(bytes, TestPhotos.GpsMarker));
            Assert.False(TestPhotos.Contains(bytes, "Exif\0\0"u8));
            var (width, height, _, _) = TestPhotos.Read(bytes);
            Assert.Equal((1600, 1067), (width, height));

            using var elsewhere = await factory.CreateLoggedInClientAsync(OfficeElsewhere(home.RegencyCode));
            using var hidden = await elsewhere.GetAsync($"/layanan/{service.Id}?handler=Foto");
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
            using var anonymous = factory.CreateBrowserLikeClient();
            using var noUser = await anonymous.GetAsync($"/layanan/{service.Id}?handler=Foto");
            Assert.Equal(HttpStatusCode.Redirect, noUser.StatusCode);
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }

    [ProviderFact]
    public async Task An_edit_keeps_the_rules_and_a_stale_version_is_refused()
    {
        var home = await HomeOfAsync(factory, 21);
        var person = await AddPersonAsync(factory, home);
        var service = await AddServiceAsync(factory, person, home, factory.Today, 100_000);
        try
        {
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(21));
            var url = $"/layanan/{service.Id}/ubah";
            var form = await client.GetStringAsync(url);
            Assert.Contains($"name=\"Input.Version\" value=\"{service.Version}\"", form, StringComparison.Ordinal);
            Assert.Contains("value=\"100.000\"", form, StringComparison.Ordinal);

            var fields = FormFields(person.Id, factory.Today, "-1");
            fields["Input.Version"] = service.Version.ToString();
            using (var bad = await PostFormAsync(client, url, fields))
            {
                Assert.Contains("Nilai layanan tidak boleh negatif.", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            fields["Input.Value"] = "200.000";
            using (var saved = await PostFormAsync(client, url, fields))
            {
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
                Assert.Equal($"/layanan/{service.Id}", saved.RedirectTarget());
            }
            var stored = Assert.Single(await ServicesOfAsync(factory, person.Id));
            Assert.Equal(200_000, stored.ValueRupiah);
            Assert.NotEqual(service.Version, stored.Version);

            // The old version again: someone else changed it meanwhile.
            fields["Input.Value"] = "300.000";
            using var stale = await PostFormAsync(client, url, fields);
            Assert.Contains(ServiceEditor.StaleMessage, WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            Assert.Equal(200_000, Assert.Single(await ServicesOfAsync(factory, person.Id)).ValueRupiah);
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }

    [ProviderFact]
    public async Task A_delete_needs_a_reason_keeps_the_record_and_a_Relawan_may_not_delete()
    {
        var home = await HomeOfAsync(factory, 22);
        var person = await AddPersonAsync(factory, home);
        var service = await AddServiceAsync(factory, person, home, factory.Today, 50_000);
        var relawan = await factory.CreateUserAsync(WahanaRole.Relawan, institutionId: home.Id, prefix: "relawan");
        try
        {
            var detail = $"/layanan/{service.Id}";
            var delete = $"/layanan/{service.Id}?handler=Delete";
            using (var volunteer = await factory.CreateLoggedInClientAsync(relawan, TestUsers.Password))
            {
                var page = await volunteer.GetStringAsync(detail);
                Assert.DoesNotContain("service-delete-form", page, StringComparison.Ordinal);
                using var refused = await volunteer.SubmitFormAsync(detail, delete, new() { ["Reason"] = "Salah catat" });
                Assert.True(IsRefused(refused), $"{(int)refused.StatusCode}");
                Assert.Null(Assert.Single(await ServicesOfAsync(factory, person.Id)).DeletedAt);
            }

            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(22));
            using (var noReason = await client.SubmitFormAsync(detail, delete, new() { ["Reason"] = " " }))
            {
                Assert.Contains("Tuliskan alasan layanan ini dihapus.", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                Assert.Null(Assert.Single(await ServicesOfAsync(factory, person.Id)).DeletedAt);
            }
            using (var deleted = await client.SubmitFormAsync(detail, delete, new() { ["Reason"] = "Tercatat dua kali" }))
            {
                Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
            }
            var kept = Assert.Single(await ServicesOfAsync(factory, person.Id));
            Assert.NotNull(kept.DeletedAt);
            Assert.Equal((TestUsers.Pengurus(22), "Tercatat dua kali"), (kept.DeletedBy, kept.DeletionReason));
            Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
                a.EntityType == nameof(Service) && a.EntityId == service.Id.ToString() && a.Action == "Modified"
                && a.NewValues!.Contains("Tercatat dua kali"))));
            using var gone = await client.GetAsync(detail);
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
            Assert.Null(HttpHelpers.TestIdText(await client.GetStringAsync($"/penerima/{person.Id}"), "services"));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }

    [ProviderFact]
    public async Task A_locked_semester_refuses_recording_and_deleting_with_its_message()
    {
        var home = await HomeOfAsync(factory, 22);
        var person = await AddPersonAsync(factory, home);
        var service = await AddServiceAsync(factory, person, home, factory.Today, 75_000);
        var semester = Semester.Of(factory.Today);
        var report = await LockSemesterAsync(factory, home, semester);
        try
        {
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(22));
            using (var refused = await PostFormAsync(client, $"/layanan/baru?penerima={person.Id}", FormFields(person.Id, factory.Today)))
            {
                Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
                Assert.Contains(SemesterLocks.Message(semester), WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            }
            using (var notDeleted = await client.SubmitFormAsync($"/layanan/{service.Id}", $"/layanan/{service.Id}?handler=Delete", new() { ["Reason"] = "Salah" }))
            {
                Assert.Contains(SemesterLocks.Message(semester), WebUtility.HtmlDecode(await notDeleted.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            }
            var fields = FormFields(person.Id, factory.Today, "80.000");
            fields["Input.Version"] = service.Version.ToString();
            using (var notChanged = await PostFormAsync(client, $"/layanan/{service.Id}/ubah", fields))
            {
                Assert.Contains(SemesterLocks.Message(semester), WebUtility.HtmlDecode(await notChanged.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            }
            var only = Assert.Single(await ServicesOfAsync(factory, person.Id));
            Assert.Equal((75_000L, (DateTimeOffset?)null), (only.ValueRupiah, only.DeletedAt));
        }
        finally
        {
            await UnlockAsync(factory, report);
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }

    [ProviderFact]
    public async Task Out_of_scope_people_and_services_answer_404_and_forum_and_mitra_get_no_service_pages()
    {
        var home = await HomeOfAsync(factory, 23);
        var person = await AddPersonAsync(factory, home);
        var service = await AddServiceAsync(factory, person, home, factory.Today, 10_000);
        try
        {
            foreach (var user in new[] { OfficeElsewhere(home.RegencyCode), TestUsers.Pengurus(24) })
            {
                using var client = await factory.CreateLoggedInClientAsync(user);
                foreach (var url in new[] { $"/layanan/baru?penerima={person.Id}", $"/layanan/{service.Id}", $"/layanan/{service.Id}/ubah" })
                {
                    using var response = await client.GetAsync(url);
                    Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{user} {url}: {(int)response.StatusCode}");
                }
                Assert.DoesNotContain(person.Name, await client.GetStringAsync("/layanan?periode=semua"), StringComparison.Ordinal);
            }
            using (var office = await factory.CreateLoggedInClientAsync(OfficeOf(home.RegencyCode)))
            {
                Assert.Equal("Rp 10.000", HttpHelpers.TestIdText(await office.GetStringAsync($"/layanan/{service.Id}"), "service-value"));
            }
            foreach (var user in new[] { TestUsers.Forum, Mitra })
            {
                using var client = await factory.CreateLoggedInClientAsync(user);
                foreach (var url in new[] { "/layanan", "/layanan/belum-dilayani", $"/layanan/{service.Id}", "/layanan/ekspor", $"/layanan/baru?penerima={person.Id}" })
                {
                    using var response = await client.GetAsync(url);
                    Assert.True(IsRefused(response), $"{user} {url}: {(int)response.StatusCode}");
                }
                Assert.DoesNotContain("href=\"/layanan\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
            }
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }
}

[Collection(OnSqlite.Name)]
public sealed class ServiceFormTestsOnSqlite(SqliteFixture app) : ServiceFormTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class ServiceFormTestsOnPostgres(PostgresFixture app) : ServiceFormTests(app.Factory);
