using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Institutions;

/// <summary>Creating and editing a WKSBM on the pages: who may change what, and each kind of bad input.</summary>
public abstract partial class InstitutionEditTests(WahanaFactory factory)
{
    // A Bantul kalurahan no demo WKSBM uses is not needed: several WKSBM may share a kalurahan.
    private const string BantulVillage = "34.02.03.2001";

    private static Dictionary<string, string> NewForm(string name, string village = BantulVillage, string decreeDate = "2026-03-02") => new()
    {
        ["Input.Name"] = name,
        ["Input.VillageCode"] = village,
        ["Input.Hamlet"] = "Cepit",
        ["Input.DecreeNumber"] = "12 Tahun 2026",
        ["Input.DecreeDate"] = decreeDate,
        ["Input.Status"] = "Aktif",
        ["Input.BoardMembers[0].Name"] = "Sri Rahayu",
        ["Input.BoardMembers[0].Position"] = "Ketua",
        ["Input.BoardMembers[1].Name"] = "Budi Santoso",
        ["Input.BoardMembers[1].Position"] = "Sekretaris",
    };

    private Task<Guid> DemoInstitutionAsync(string regency) =>
        factory.WithDbAsync(db => db.Institutions.Where(i => i.RegencyCode == regency).OrderBy(i => i.VillageCode).Select(i => i.Id).FirstAsync());

    [ProviderFact]
    public async Task A_district_officer_creates_a_WKSBM_with_its_board_in_their_regency()
    {
        var name = $"WKSBM Ngudi Waras {Guid.NewGuid().ToString("N")[..6]}";
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.DinsosBantul);
        using var response = await client.SubmitFormAsync("/wksbm/baru", "/wksbm/baru", NewForm(name));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var saved = await factory.WithDbAsync(db => db.Institutions.Include(i => i.BoardMembers).SingleAsync(i => i.Name == name));
        await factory.RemoveInstitutionAsync(saved.Id);
        Assert.Equal("34.02", saved.RegencyCode);
        Assert.Equal($"/wksbm/{saved.Id}", response.RedirectTarget());
        Assert.Equal(["Budi Santoso", "Sri Rahayu"], saved.BoardMembers.Select(m => m.Name).Order());
    }

    [ProviderTheory]
    [InlineData("   ", BantulVillage, "2026-03-02", "Nama WKSBM wajib diisi.")]
    [InlineData("WKSBM Salah Kode", "34.02.99.9999", "2026-03-02", "Pilih kalurahan/kelurahan di DIY.")]
    [InlineData("WKSBM SK Depan", BantulVillage, "2099-01-01", "Tanggal SK tidak boleh di masa depan.")]
    [InlineData("WKSBM Sleman", "34.04.01.2001", "2026-03-02", "Kalurahan ini di luar kabupaten/kota Anda.")]
    public async Task Bad_input_gets_its_message_and_nothing_is_saved(string name, string village, string decreeDate, string message)
    {
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.DinsosBantul);
        var before = await factory.WithDbAsync(db => db.Institutions.CountAsync());
        using var response = await client.SubmitFormAsync("/wksbm/baru", "/wksbm/baru", NewForm(name, village, decreeDate));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Institutions.CountAsync()));
    }

    [ProviderFact]
    public async Task Html_in_a_name_is_shown_escaped()
    {
        var name = $"WKSBM <script>alert('x')</script> {Guid.NewGuid().ToString("N")[..6]}";
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.DinsosBantul);
        using var response = await client.SubmitFormAsync("/wksbm/baru", "/wksbm/baru", NewForm(name));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var profile = await client.GetAsync(response.RedirectTarget());
        var html = await profile.Content.ReadAsStringAsync();
        await factory.RemoveInstitutionAsync(Guid.Parse(response.RedirectTarget()["/wksbm/".Length..]));
        Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task A_district_officer_gets_404_for_another_regency_s_WKSBM()
    {
        var sleman = await DemoInstitutionAsync("34.04");
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.DinsosBantul);
        foreach (var url in new[] { $"/wksbm/{sleman}", $"/wksbm/{sleman}/ubah", $"/wksbm/{sleman}/relawan" })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [ProviderFact]
    public async Task A_pengurus_edits_contact_and_board_but_changing_the_status_is_403()
    {
        var userName = TestUsers.Pengurus(70);
        using var client = await factory.CreateLoggedInClientAsync(userName);
        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.ScopeInstitutionId!.Value).SingleAsync());
        var url = $"/wksbm/{id}/ubah";

        var fields = await CurrentFormAsync(client, url);
        fields["Input.Phone"] = "081234500070";
        var boardAuditBefore = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(BoardMember)));
        using (var ok = await client.SubmitFormAsync(url, url, fields))
        {
            var errors = Regex.Matches(await ok.Content.ReadAsStringAsync(), "<li>([^<]*)</li>").Select(m => m.Groups[1].Value);
            Assert.True(ok.StatusCode == HttpStatusCode.Redirect, "Not saved: " + string.Join(" | ", errors));
        }
        Assert.Equal("081234500070", await factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == id).Select(i => i.Phone).SingleAsync()));
        // The board was sent back unchanged: no member was rewritten.
        Assert.Equal(boardAuditBefore, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(BoardMember))));

        fields = await CurrentFormAsync(client, url);
        fields["Input.Status"] = "TidakAktif";
        fields["Input.DeactivationReason"] = "bubar";
        using var refused = await client.SubmitFormAsync(url, url, fields);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(InstitutionStatus.Aktif, await factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == id).Select(i => i.Status).SingleAsync()));
    }

    [ProviderFact]
    public async Task Deactivating_needs_a_reason_and_keeps_the_record()
    {
        var id = await factory.WithDbAsync(db => db.Institutions.Where(i => i.RegencyCode == "34.03").OrderByDescending(i => i.VillageCode).Select(i => i.Id).FirstAsync());
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.DinsosGunungkidul);
        using (var noReason = await client.SubmitFormAsync($"/wksbm/{id}", $"/wksbm/{id}?handler=Deactivate", new() { ["DeactivationReason"] = "  " }))
        {
            Assert.Contains("Tuliskan alasan WKSBM dinonaktifkan.", System.Net.WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        using var response = await client.SubmitFormAsync($"/wksbm/{id}", $"/wksbm/{id}?handler=Deactivate", new() { ["DeactivationReason"] = "Pengurus pindah domisili" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithDbAsync(db => db.Institutions.SingleAsync(i => i.Id == id));
        // Put it back: other tests count the active WKSBM of the demo province.
        await factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, InstitutionStatus.Aktif).SetProperty(i => i.DeactivationReason, (string?)null)));
        Assert.Equal((InstitutionStatus.TidakAktif, "Pengurus pindah domisili"), (saved.Status, saved.DeactivationReason));
    }

    /// <summary>The edit form's current values, as a browser would post them back.</summary>
    private static async Task<Dictionary<string, string>> CurrentFormAsync(HttpClient client, string url)
    {
        using var page = await client.GetAsync(url);
        var html = await page.Content.ReadAsStringAsync();
        var fields = new Dictionary<string, string>();
        foreach (Match input in InputTag().Matches(html))
        {
            var name = Regex.Match(input.Value, "name=\"([^\"]+)\"").Groups[1].Value;
            var value = Regex.Match(input.Value, "value=\"([^\"]*)\"").Groups[1].Value;
            if (name.StartsWith("Input.", StringComparison.Ordinal))
            {
                fields[name] = System.Net.WebUtility.HtmlDecode(value);
            }
        }
        foreach (Match select in SelectTag().Matches(html))
        {
            var name = select.Groups["name"].Value;
            var chosen = Regex.Match(select.Groups["options"].Value, "<option[^>]*selected=\"selected\"[^>]*value=\"([^\"]*)\"|<option[^>]*value=\"([^\"]*)\"[^>]*selected=\"selected\"");
            if (name.StartsWith("Input.", StringComparison.Ordinal) && chosen.Success)
            {
                fields[name] = chosen.Groups[1].Success && chosen.Groups[1].Length > 0 ? chosen.Groups[1].Value : chosen.Groups[2].Value;
            }
        }
        return fields;
    }

    [GeneratedRegex("<input[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex InputTag();

    [GeneratedRegex("<select[^>]*name=\"(?<name>[^\"]+)\"[^>]*>(?<options>.*?)</select>", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex SelectTag();
}

[Collection(OnSqlite.Name)]
public sealed class InstitutionEditTestsOnSqlite(SqliteFixture app) : InstitutionEditTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class InstitutionEditTestsOnPostgres(PostgresFixture app) : InstitutionEditTests(app.Factory);
