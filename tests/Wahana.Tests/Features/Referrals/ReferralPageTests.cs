using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;
using static Wahana.Tests.Features.Referrals.ReferralTestData;

namespace Wahana.Tests.Features.Referrals;

/// <summary>The referral pages: the form on a person's profile, the lists, the referral page with its status form, the home page.</summary>
public abstract partial class ReferralPageTests(WahanaFactory factory)
{
    private static Dictionary<string, string> ReferralForm(string destination, string reason = "Butuh pendampingan lanjutan.", string urgency = "segera",
        DateOnly? sentOn = null, Guid? institution = null, string? centre = null, string? centreName = null, string? puskesmas = null, string? other = null) => new()
    {
        ["Form.Destination"] = destination,
        ["Form.Reason"] = reason,
        ["Form.Urgency"] = urgency,
        ["Form.SentOn"] = sentOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["Form.DestinationInstitutionId"] = institution?.ToString() ?? "",
        ["Form.CentreCode"] = centre ?? "BRSPA",
        ["Form.CentreName"] = centreName ?? "",
        ["Form.PuskesmasName"] = puskesmas ?? "",
        ["Form.OtherName"] = other ?? "",
    };

    private static Dictionary<string, string> StatusForm(string status, string note, Guid version) => new()
    {
        ["StatusInput.Status"] = status,
        ["StatusInput.Note"] = note,
        ["StatusInput.Version"] = version.ToString(),
    };

    private static string Text(string html) => WebUtility.HtmlDecode(html);

    [GeneratedRegex("data-testid=\"referral-history-row\" data-status=\"([a-z-]+)\"")]
    private static partial Regex HistoryRow();

    [ProviderFact]
    public async Task A_pengurus_refers_a_person_to_a_WKSBM_of_another_kabupaten_which_follows_it_to_the_end()
    {
        var from = await HomeOfAsync(factory, 30);
        var to = await HomeOfAsync(factory, 34);
        var person = await PersonOfAsync(factory, from);
        try
        {
            using var sender = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(30));
            var profile = await sender.GetStringAsync($"/penerima/{person.Id}");
            Assert.Contains($"href=\"/penerima/{person.Id}/rujuk\"", profile, StringComparison.Ordinal);
            var formPage = await sender.GetStringAsync($"/penerima/{person.Id}/rujuk");
            Assert.Contains(to.Name, Text(formPage), StringComparison.Ordinal);
            Assert.Contains("Balai Rehabilitasi Sosial dan Pengasuhan Anak", formPage, StringComparison.Ordinal);

            var url = $"/penerima/{person.Id}/rujuk";
            using var sent = await sender.SubmitFormAsync(url, url,
                ReferralForm("wksbm", "Pindah ke rumah anaknya, mohon didampingi.", "darurat", factory.Today, to.Id));
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            var id = Guid.Parse(sent.RedirectTarget()["/rujukan/".Length..]);
            var stored = await ReadAsync(factory, id);
            Assert.Equal((from.Id, "34.02", to.Id, "34.03", to.Name, ReferralUrgency.Darurat, ReferralStatus.Dikirim, TestUsers.Pengurus(30), person.Id),
                (stored.InstitutionId, stored.RegencyCode, stored.DestinationInstitutionId, stored.DestinationRegencyCode, stored.DestinationName,
                 stored.Urgency, stored.Status, stored.SentBy, stored.BeneficiaryId));
            var sentList = await sender.GetStringAsync("/rujukan?arah=dikirim");
            Assert.Contains($"data-id=\"{id}\"", sentList, StringComparison.Ordinal);
            // The sender sees it but does not answer it.
            var senderView = await sender.GetStringAsync($"/rujukan/{id}");
            Assert.DoesNotContain("data-testid=\"referral-status-form\"", senderView, StringComparison.Ordinal);
            using (var refused = await sender.SubmitFormAsync($"/rujukan/{id}", $"/rujukan/{id}?handler=Status", StatusForm("diterima", "x", stored.Version)))
            {
                Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            }

            using var receiver = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(34));
            var inbox = await receiver.GetStringAsync("/rujukan?arah=masuk");
            Assert.Contains($"data-id=\"{id}\"", inbox, StringComparison.Ordinal);
            Assert.Contains(person.Name, Text(inbox), StringComparison.Ordinal);
            foreach (var (status, note) in new[] { ("diterima", "Diterima, relawan berkunjung besok."), ("ditangani", "Sudah dikunjungi."), ("selesai", "Santunan rutin berjalan.") })
            {
                var version = (await ReadAsync(factory, id)).Version;
                using var step = await receiver.SubmitFormAsync($"/rujukan/{id}", $"/rujukan/{id}?handler=Status", StatusForm(status, note, version));
                Assert.True(step.StatusCode == HttpStatusCode.Redirect, $"{status}: {(int)step.StatusCode} {HttpHelpers.Excerpt(await step.Content.ReadAsStringAsync())}");
            }
            var page = await receiver.GetStringAsync($"/rujukan/{id}");
            Assert.Equal("Selesai", HttpHelpers.TestIdText(page, "referral-status"));
            Assert.Equal(["diterima", "ditangani", "selesai"], HistoryRow().Matches(page).Select(m => m.Groups[1].Value));
            Assert.Contains("Santunan rutin berjalan.", Text(page), StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"referral-status-form\"", page, StringComparison.Ordinal);
            Assert.NotNull(HttpHelpers.TestIdText(page, "referral-closed"));
            stored = await ReadAsync(factory, id);
            Assert.Equal(3, stored.Changes.Count);
            Assert.All(stored.Changes, c => Assert.Equal(TestUsers.Pengurus(34), c.ChangedBy));
            Assert.Equal(stored.Changes.Max(c => c.ChangedAt), stored.StatusChangedAt);

            // After the end nothing moves: the form is gone, and a forged post is refused with the reason.
            using var after = await receiver.SubmitFormAsync($"/rujukan/{id}", $"/rujukan/{id}?handler=Status", StatusForm("ditolak", "salah", stored.Version));
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            Assert.Contains("Rujukan ini sudah selesai; statusnya tidak dapat diubah lagi.", Text(await after.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            Assert.Equal((ReferralStatus.Selesai, 3), ((await ReadAsync(factory, id)).Status, (await ReadAsync(factory, id)).Changes.Count));
        }
        finally
        {
            await RemoveAllAsync(factory);
        }
    }

    [ProviderFact]
    public async Task The_form_refuses_bad_input_with_its_message_and_saves_nothing()
    {
        var from = await HomeOfAsync(factory, 31);
        var person = await PersonOfAsync(factory, from);
        try
        {
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(31));
            var url = $"/penerima/{person.Id}/rujuk";
            var cases = new (Dictionary<string, string> Form, string Message)[]
            {
                (ReferralForm("dinas-kabupaten", reason: "  ", sentOn: factory.Today), "Tuliskan alasan rujukan."),
                (ReferralForm("dinas-kabupaten", sentOn: factory.Today.AddDays(3)), "Tanggal rujukan tidak boleh di masa depan."),
                (ReferralForm("dinas-kabupaten", sentOn: null), "Isi tanggal rujukan."),
                (ReferralForm("wksbm", sentOn: factory.Today), "Pilih WKSBM tujuan rujukan."),
                (ReferralForm("puskesmas", sentOn: factory.Today), "Tuliskan nama tempat tujuan rujukan."),
                (ReferralForm("balai-provinsi", sentOn: factory.Today, centre: "lain"), "Tuliskan nama tempat tujuan rujukan."),
                (ReferralForm("dinas-kabupaten", urgency: "", sentOn: factory.Today), "Pilih tingkat kedaruratan: biasa, segera, atau darurat."),
                (ReferralForm("", sentOn: factory.Today), "Pilih tujuan rujukan"),
            };
            foreach (var (form, message) in cases)
            {
                using var response = await client.SubmitFormAsync(url, url, form);
                var html = Text(await response.Content.ReadAsStringAsync());
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{message}: {(int)response.StatusCode}");
                Assert.Contains(message, html, StringComparison.Ordinal);
            }
            Assert.Equal(0, await factory.WithDbAsync(db => db.Referrals.CountAsync(r => r.InstitutionId == from.Id)));

            // A centre from the pick list is stored with its full name.
            using var centre = await client.SubmitFormAsync(url, url, ReferralForm("balai-provinsi", sentOn: factory.Today, centre: "BPSTW"));
            Assert.Equal(HttpStatusCode.Redirect, centre.StatusCode);
            var stored = await factory.WithDbAsync(db => db.Referrals.SingleAsync(r => r.InstitutionId == from.Id));
            Assert.Equal((ReferralDestination.BalaiProvinsi, "Balai Pelayanan Sosial Tresna Werdha (BPSTW)", (string?)null),
                (stored.Destination, stored.DestinationName, stored.DestinationRegencyCode));
        }
        finally
        {
            await RemoveAllAsync(factory);
        }
    }

    [ProviderFact]
    public async Task Another_kabupaten_or_WKSBM_gets_404_the_receiving_WKSBM_sees_only_that_person_and_the_forum_and_partners_nothing()
    {
        var from = await HomeOfAsync(factory, 32);
        var to = await HomeOfAsync(factory, 34);
        var person = await PersonOfAsync(factory, from);
        try
        {
            var referral = await AddAsync(factory, from, person, ReferralDestination.Wksbm, to);
            var puskesmas = await AddAsync(factory, from, person, ReferralDestination.Puskesmas);
            foreach (var user in new[] { TestUsers.Pengurus(31), TestUsers.DinsosKulonProgo, TestUsers.DinsosSleman })
            {
                using var client = await factory.CreateLoggedInClientAsync(user);
                foreach (var url in new[] { $"/rujukan/{referral.Id}", $"/rujukan/{puskesmas.Id}", $"/penerima/{person.Id}/rujuk" })
                {
                    using var response = await client.GetAsync(url);
                    Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{user} GET {url}: {(int)response.StatusCode}");
                }
                var lists = await client.GetStringAsync("/rujukan?arah=masuk") + await client.GetStringAsync("/rujukan?arah=dikirim");
                Assert.DoesNotContain(referral.Id.ToString(), lists, StringComparison.Ordinal);
                Assert.DoesNotContain(puskesmas.Id.ToString(), lists, StringComparison.Ordinal);
            }

            using var receiver = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(34));
            var page = await receiver.GetStringAsync($"/rujukan/{referral.Id}");
            Assert.Equal(person.Name, HttpHelpers.TestIdText(page, "referral-person"));
            Assert.Equal(Nik.Mask(person.Nik), HttpHelpers.TestIdText(page, "referral-nik"));
            Assert.DoesNotContain(person.Nik, page, StringComparison.Ordinal);
            Assert.Contains(RegionCatalog.Instance.Find(person.VillageCode)!.Name, Text(page), StringComparison.Ordinal);
            Assert.Equal(referral.Reason, HttpHelpers.TestIdText(page, "referral-reason"));
            Assert.Contains("data-testid=\"referral-status-form\"", page, StringComparison.Ordinal);
            // Not a link to the registry, which stays closed to it.
            Assert.DoesNotContain($"href=\"/penerima/{person.Id}\"", page, StringComparison.Ordinal);
            foreach (var url in new[] { $"/penerima/{person.Id}", $"/rujukan/{puskesmas.Id}", $"/penerima/{person.Id}/rujuk" })
            {
                using var response = await receiver.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url}: {(int)response.StatusCode}");
            }
            // The receiving WKSBM's office sees it and may answer; the sending WKSBM's office sees it without the form.
            using var gunungkidul = await factory.CreateLoggedInClientAsync(TestUsers.DinsosGunungkidul);
            var officePage = await gunungkidul.GetStringAsync($"/rujukan/{referral.Id}");
            Assert.Contains("data-testid=\"referral-status-form\"", officePage, StringComparison.Ordinal);
            Assert.Contains($"data-id=\"{referral.Id}\"", await gunungkidul.GetStringAsync("/rujukan?arah=masuk"), StringComparison.Ordinal);
            using var bantul = await factory.CreateLoggedInClientAsync(TestUsers.DinsosBantul);
            Assert.DoesNotContain("data-testid=\"referral-status-form\"", await bantul.GetStringAsync($"/rujukan/{referral.Id}"), StringComparison.Ordinal);
            Assert.Contains($"data-id=\"{referral.Id}\"", await bantul.GetStringAsync("/rujukan?arah=dikirim"), StringComparison.Ordinal);
            Assert.DoesNotContain($"data-id=\"{referral.Id}\"", await bantul.GetStringAsync("/rujukan?arah=masuk"), StringComparison.Ordinal);

            foreach (var user in new[] { TestUsers.Forum, "mitra.baznas" })
            {
                using var client = await factory.CreateLoggedInClientAsync(user);
                foreach (var url in new[] { "/rujukan", $"/rujukan/{referral.Id}", $"/penerima/{person.Id}/rujuk" })
                {
                    using var response = await client.GetAsync(url);
                    Assert.True(response.StatusCode != HttpStatusCode.OK, $"{user} GET {url}: {(int)response.StatusCode}");
                }
                var home = await client.GetStringAsync("/");
                Assert.Null(HttpHelpers.TestIdText(home, "overdue-referrals"));
                Assert.DoesNotContain("href=\"/rujukan\"", home, StringComparison.Ordinal);
            }
        }
        finally
        {
            await RemoveAllAsync(factory);
        }
    }

    [ProviderFact]
    public async Task Overdue_referrals_are_marked_in_the_list_and_counted_on_the_home_page_of_both_sides()
    {
        var from = await HomeOfAsync(factory, 33);
        var to = await HomeOfAsync(factory, 34);
        var person = await PersonOfAsync(factory, from);
        try
        {
            using var office = await factory.CreateLoggedInClientAsync(TestUsers.DinsosGunungkidul);
            var officeBefore = HttpHelpers.TestIdNumber(await office.GetStringAsync("/"), "overdue-received");

            var now = DateTimeOffset.UtcNow;
            var old = await AddAsync(factory, from, person, ReferralDestination.Wksbm, to, ReferralStatus.Diterima, now.AddDays(-15));
            var recent = await AddAsync(factory, from, person, ReferralDestination.Wksbm, to, changedAt: now.AddDays(-10));
            var done = await AddAsync(factory, from, person, ReferralDestination.Wksbm, to, ReferralStatus.Selesai, now.AddDays(-30));

            using var sender = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(33));
            var list = await sender.GetStringAsync("/rujukan?arah=dikirim");
            Assert.Contains($"data-id=\"{old.Id}\" data-status=\"diterima\" data-overdue=\"true\"", list, StringComparison.Ordinal);
            Assert.Contains($"data-id=\"{recent.Id}\" data-status=\"dikirim\" data-overdue=\"false\"", list, StringComparison.Ordinal);
            Assert.Contains($"data-id=\"{done.Id}\" data-status=\"selesai\" data-overdue=\"false\"", list, StringComparison.Ordinal);
            Assert.Equal(1, HttpHelpers.TestIdNumber(await sender.GetStringAsync("/rujukan?arah=dikirim&terlambat=1"), "referral-total"));
            Assert.Equal(3, HttpHelpers.TestIdNumber(list, "referral-total"));
            var senderHome = await sender.GetStringAsync("/");
            Assert.Equal((1, 0), (HttpHelpers.TestIdNumber(senderHome, "overdue-sent"), HttpHelpers.TestIdNumber(senderHome, "overdue-received")));
            Assert.Contains("href=\"/rujukan?arah=dikirim&amp;terlambat=1\"", senderHome, StringComparison.Ordinal);

            using var receiver = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(34));
            var receiverHome = await receiver.GetStringAsync("/");
            Assert.Equal((1, 0), (HttpHelpers.TestIdNumber(receiverHome, "overdue-received"), HttpHelpers.TestIdNumber(receiverHome, "overdue-sent")));
            Assert.NotNull(HttpHelpers.TestIdText(await receiver.GetStringAsync($"/rujukan/{old.Id}"), "referral-overdue"));
            Assert.Null(HttpHelpers.TestIdText(await receiver.GetStringAsync($"/rujukan/{recent.Id}"), "referral-overdue"));
            Assert.Equal(officeBefore + 1, HttpHelpers.TestIdNumber(await office.GetStringAsync("/"), "overdue-received"));

            // Wahana:Referrals:OverdueDays = 7: the ten-day-old one is overdue too.
            await using var sevenDays = factory.WithWebHostBuilder(b => b.UseSetting("Wahana:Referrals:OverdueDays", "7"));
            using var configured = sevenDays.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            using (var login = await configured.PostLoginAsync(TestUsers.Pengurus(34), TestUsers.DemoPassword))
            {
                Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            }
            var home7 = await configured.GetStringAsync("/");
            Assert.Equal(2, HttpHelpers.TestIdNumber(home7, "overdue-received"));
            Assert.Contains("lebih dari 7 hari", Text(home7), StringComparison.Ordinal);
            Assert.Contains($"data-id=\"{recent.Id}\" data-status=\"dikirim\" data-overdue=\"true\"", await configured.GetStringAsync("/rujukan?arah=masuk"), StringComparison.Ordinal);
        }
        finally
        {
            await RemoveAllAsync(factory);
        }
    }

    [ProviderFact]
    public async Task A_stale_form_is_refused_and_changes_nothing()
    {
        var from = await HomeOfAsync(factory, 31);
        var person = await PersonOfAsync(factory, from);
        try
        {
            var referral = await AddAsync(factory, from, person, ReferralDestination.DinasKabupaten);
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.DinsosBantul);
            using var stale = await client.SubmitFormAsync($"/rujukan/{referral.Id}", $"/rujukan/{referral.Id}?handler=Status", StatusForm("diterima", "ok", Guid.NewGuid()));
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            Assert.Contains("Rujukan ini baru saja diubah pengguna lain", Text(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            using var jump = await client.SubmitFormAsync($"/rujukan/{referral.Id}", $"/rujukan/{referral.Id}?handler=Status", StatusForm("selesai", "ok", referral.Version));
            Assert.Contains("Status rujukan tidak dapat diubah dari Dikirim ke Selesai.", Text(await jump.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            using var noNote = await client.SubmitFormAsync($"/rujukan/{referral.Id}", $"/rujukan/{referral.Id}?handler=Status", StatusForm("diterima", "", referral.Version));
            Assert.Contains("Tuliskan catatan untuk perubahan status ini.", Text(await noNote.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            var stored = await ReadAsync(factory, referral.Id);
            Assert.Equal((ReferralStatus.Dikirim, 0, referral.Version), (stored.Status, stored.Changes.Count, stored.Version));
        }
        finally
        {
            await RemoveAllAsync(factory);
        }
    }
}

[Collection(OnSqlite.Name)]
public sealed class ReferralPageTestsOnSqlite(SqliteFixture app) : ReferralPageTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class ReferralPageTestsOnPostgres(PostgresFixture app) : ReferralPageTests(app.Factory);
