using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Beneficiaries;

/// <summary>The entry form /penerima/baru and /penerima/{id}/ubah, and the live NIK/KK check behind it.</summary>
public abstract partial class BeneficiaryEntryPageTests(WahanaFactory factory)
{
    private const string NewPage = "/penerima/baru";

    private static Dictionary<string, string> Form(string name, string? nik, Sex sex, DateOnly birthDate, string villageCode, Guid institutionId) => new()
    {
        ["Input.FullName"] = name,
        ["Input.Nik"] = nik ?? "",
        ["Input.NoNik"] = nik is null ? "true" : "false",
        ["Input.NoNikReason"] = nik is null ? "Anak jalanan, belum punya dokumen" : "",
        ["Input.Kk"] = "",
        ["Input.Sex"] = sex == Sex.Perempuan ? "P" : "L",
        ["Input.BirthPlace"] = "Gunungkidul",
        ["Input.BirthDate"] = EntryTestData.Iso(birthDate),
        ["Input.InstitutionId"] = institutionId.ToString(),
        ["Input.VillageCode"] = villageCode,
        ["Input.Hamlet"] = "Karangrejo",
        ["Input.Rt"] = "4",
        ["Input.Rw"] = "2",
        ["Input.Address"] = "Padukuhan Karangrejo",
        ["Input.Phone"] = "",
        ["Input.Desil"] = "1",
        ["Input.Categories[0]"] = "lansia-terlantar",
        ["Input.Categories[1]"] = "penyandang-disabilitas",
        ["Input.ConsentGivenOn"] = "2026-02-03",
        ["Input.ConsentByGuardian"] = "false",
        ["Input.ConsentGivenBy"] = "",
        ["Input.RegisteredOn"] = "2026-02-03",
    };

    private static string Text(string html) => WebUtility.HtmlDecode(html);

    [ProviderFact]
    public async Task A_pengurus_registers_a_person_on_the_form_and_is_sent_to_the_profile()
    {
        var home = await EntryTestData.HomeOfAsync(factory, TestUsers.Pengurus(47));
        var birth = EntryTestData.BirthDate();
        var nik = await EntryTestData.FreshNikAsync(factory, home.KapanewonCode, birth, Sex.Perempuan);
        var name = EntryTestData.UniqueName();
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(47));

        using (var page = await client.GetAsync(NewPage))
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("hx-get=\"/penerima/cek-nik\"", html, StringComparison.Ordinal);
            Assert.Contains("hx-trigger=\"input changed delay:400ms\"", html, StringComparison.Ordinal);
            Assert.Equal(26, Regex.Count(html, "name=\"Input.Categories\""));
            Assert.Contains(home.Name, Text(html), StringComparison.Ordinal);
            Assert.Contains($"value=\"{factory.Today:yyyy-MM-dd}\"", html, StringComparison.Ordinal);
        }

        using var response = await client.SubmitFormAsync(NewPage, NewPage, Form(name, nik, Sex.Perempuan, birth, home.VillageCode, home.InstitutionId));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, HttpHelpers.Excerpt(await response.Content.ReadAsStringAsync()));
        var saved = await factory.WithDbAsync(db => db.Beneficiaries.Include(b => b.Categories).AsNoTracking().SingleAsync(b => b.Nik == nik));
        try
        {
            Assert.Equal($"/penerima/{saved.Id}", response.RedirectTarget());
            Assert.Equal((name, PersonName.Key(name), Sex.Perempuan, birth), (saved.Name, saved.NameKey, saved.Sex, saved.BirthDate));
            Assert.Equal((home.InstitutionId, home.VillageCode, "004", "002", 1), (saved.InstitutionId, saved.VillageCode, saved.Rt, saved.Rw, saved.Desil));
            Assert.Equal([8, 9], saved.Categories.Select(c => c.CategoryId).Order());
            Assert.Equal((new DateOnly(2026, 2, 3), name, false, new DateOnly(2026, 2, 3)), (saved.ConsentGivenOn, saved.ConsentGivenBy, saved.ConsentByGuardian, saved.RegisteredOn));
            Assert.Equal(BeneficiaryStatus.Aktif, saved.Status);
            Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
                a.EntityType == nameof(Beneficiary) && a.EntityId == saved.Id.ToString() && a.Action == "Added" && a.UserName == TestUsers.Pengurus(47))));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(saved.Id);
        }
    }

    [ProviderFact]
    public async Task A_person_without_NIK_is_saved_with_the_reason_and_flagged_for_the_civil_registry()
    {
        var home = await EntryTestData.HomeOfAsync(factory, TestUsers.Pengurus(47));
        var name = EntryTestData.UniqueName();
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(47));
        var form = Form(name, null, Sex.LakiLaki, EntryTestData.BirthDate(), home.VillageCode, home.InstitutionId);
        form["Input.Nik"] = "3402150708900001"; // typed before ticking "Belum punya NIK": ignored
        using var response = await client.SubmitFormAsync(NewPage, NewPage, form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithDbAsync(db => db.Beneficiaries.AsNoTracking().SingleAsync(b => b.Name == name));
        await factory.RemoveBeneficiariesAsync(saved.Id);
        Assert.Null(saved.Nik);
        Assert.Equal("Anak jalanan, belum punya dokumen", saved.NoNikReason);
        Assert.True(saved.NeedsCivilRegistryFollowUp);
    }

    public static TheoryData<string, string> BadInput => new()
    {
        { "nik-sex", "NIK ini milik perempuan (tanggal lahir di NIK ditambah 40), tetapi jenis kelamin yang diisi laki-laki." },
        { "nik-short", "NIK harus 16 digit; yang diisi 10 digit." },
        { "no-nik-reason", "Isi NIK, atau tuliskan alasan bila orang ini belum memiliki NIK." },
        { "spaces", "Nama wajib diisi." },
        { "500", "Nama paling banyak 200 karakter; yang diisi 500 karakter." },
        { "future", "Tanggal lahir tidak boleh di masa depan." },
        { "child-self", "Untuk anak di bawah 18 tahun, persetujuan diberikan oleh orang tua atau wali." },
        { "guardian-unnamed", "Tulis nama orang tua atau wali yang memberi persetujuan." },
        { "other-kapanewon", "Pilih kalurahan di wilayah kerja WKSBM Anda" },
        { "no-category", "Pilih minimal satu kategori PPKS." },
    };

    [ProviderTheory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_its_Indonesian_message_next_to_the_field_and_nothing_is_saved(string kind, string message)
    {
        var home = await EntryTestData.HomeOfAsync(factory, TestUsers.Pengurus(47));
        var form = Form(EntryTestData.UniqueName(), "3402154708900001", Sex.Perempuan, new DateOnly(1990, 8, 7), home.VillageCode, home.InstitutionId);
        switch (kind)
        {
            case "nik-sex": form["Input.Sex"] = "L"; break;
            case "nik-short": form["Input.Nik"] = "3402154708"; break;
            case "no-nik-reason": form["Input.Nik"] = ""; break;
            case "spaces": form["Input.FullName"] = "    "; break;
            case "500": form["Input.FullName"] = new string('b', 500); break;
            case "future": form["Input.Nik"] = ""; form["Input.NoNik"] = "true"; form["Input.NoNikReason"] = "-"; form["Input.BirthDate"] = EntryTestData.Iso(factory.Today.AddDays(3)); break;
            case "child-self": form["Input.Nik"] = ""; form["Input.NoNik"] = "true"; form["Input.NoNikReason"] = "Anak terlantar"; form["Input.BirthDate"] = EntryTestData.Iso(factory.Today.AddYears(-12)); break;
            case "guardian-unnamed": form["Input.ConsentByGuardian"] = "true"; break;
            case "other-kapanewon": form["Input.VillageCode"] = RegionCatalog.Instance.AllDiy.First(r => r.Level == RegionLevel.Desa && r.RegencyCode == home.RegencyCode && !r.Code.StartsWith(home.KapanewonCode, StringComparison.Ordinal)).Code; break;
            case "no-category": form.Remove("Input.Categories[0]"); form.Remove("Input.Categories[1]"); break;
        }
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(47));
        var before = await EntryTestData.CountAsync(factory);

        using var response = await client.SubmitFormAsync(NewPage, NewPage, form);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fieldMessages = FieldError().Matches(html).Select(m => Text(m.Groups["text"].Value).Trim()).ToList();
        Assert.True(fieldMessages.Any(m => m.StartsWith(message, StringComparison.Ordinal)),
            $"'{message}' is not beside a field; field messages: {string.Join(" | ", fieldMessages)}");
        Assert.Equal(before, await EntryTestData.CountAsync(factory));
    }

    [ProviderFact]
    public async Task Html_in_a_name_is_shown_escaped()
    {
        var home = await EntryTestData.HomeOfAsync(factory, TestUsers.Pengurus(47));
        var name = "<script>alert('x')</script> " + EntryTestData.UniqueName();
        using var api = await factory.CreateApiClientAsync(TestUsers.Pengurus(47));
        var (status, json) = await EntryTestData.SendAsync(api, HttpMethod.Post, "/api/v1/beneficiaries",
            EntryTestData.Body(name, null, Sex.LakiLaki, EntryTestData.BirthDate(), home.VillageCode, null));
        Assert.True(status == HttpStatusCode.Created, json.ToString());
        var id = json.GetProperty("id").GetGuid();
        try
        {
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(47));
            var html = await client.GetStringAsync($"/penerima/{id}/ubah");
            Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
            Assert.Equal(name, await factory.WithDbAsync(db => db.Beneficiaries.Where(b => b.Id == id).Select(b => b.Name).SingleAsync()));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(id);
        }
    }

    [ProviderFact]
    public async Task The_live_NIK_check_lists_broken_rules_or_the_NIK_s_facts_and_never_tells_whether_it_is_registered()
    {
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(47));
        var bad = Text(await client.GetStringAsync("/penerima/cek-nik?Input.Nik=3402153513900000"));
        Assert.Contains("Tanggal dalam NIK (digit 7-8: 35) tidak valid", bad, StringComparison.Ordinal);
        Assert.Contains("Nomor urut NIK (4 digit terakhir) tidak boleh 0000", bad, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", bad, StringComparison.Ordinal);

        var good = await client.GetStringAsync("/penerima/cek-nik?Input.Nik=3402154708900001");
        Assert.Contains("data-nik-sex=\"P\"", good, StringComparison.Ordinal);
        Assert.Contains("data-nik-birth-date=\"1990-08-07\"", good, StringComparison.Ordinal);
        Assert.Contains("Kapanewon Sewon", Text(good), StringComparison.Ordinal);
        // The century follows the birth date already typed when it agrees.
        Assert.Contains("data-nik-birth-date=\"1925-08-07\"",
            await client.GetStringAsync("/penerima/cek-nik?Input.Nik=3402150708250001&Input.BirthDate=1925-01-01"), StringComparison.Ordinal);

        // A registered person's NIK and an unregistered one with the same facts get the same answer.
        var demo = await EntryTestData.DemoPersonAsync(factory, "34.04");
        var unregistered = await factory.WithDbAsync(async db =>
        {
            for (var serial = 9999; ; serial--)
            {
                var candidate = demo.Nik![..12] + serial.ToString("0000", CultureInfo.InvariantCulture);
                if (!await db.Beneficiaries.IgnoreQueryFilters().AnyAsync(b => b.Nik == candidate))
                {
                    return candidate;
                }
            }
        });
        var registeredAnswer = await client.GetStringAsync($"/penerima/cek-nik?Input.Nik={demo.Nik}");
        Assert.Equal(registeredAnswer, await client.GetStringAsync($"/penerima/cek-nik?Input.Nik={unregistered}"));
        Assert.DoesNotContain(demo.Name, registeredAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("terdaftar di", registeredAnswer, StringComparison.Ordinal);

        var kk = Text(await client.GetStringAsync("/penerima/cek-nik?handler=Kk&Input.Kk=34021"));
        Assert.Contains("Nomor KK harus 16 digit; yang diisi 5 digit.", kk, StringComparison.Ordinal);

        // Only signed-in users who work with personal data.
        using var anonymous = factory.CreateBrowserLikeClient();
        using (var response = await anonymous.GetAsync("/penerima/cek-nik?Input.Nik=3402154708900001"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith(HttpHelpers.LoginPath, response.RedirectTarget(), StringComparison.Ordinal);
        }
        foreach (var user in new[] { TestUsers.Forum, "mitra.baznas" })
        {
            using var outsider = await factory.CreateLoggedInClientAsync(user);
            using var response = await outsider.GetAsync("/penerima/cek-nik?Input.Nik=3402154708900001");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/akses-ditolak", response.RedirectTarget(), StringComparison.Ordinal);
        }
    }

    [ProviderFact]
    public async Task A_NIK_held_by_another_WKSBM_stops_the_save_and_names_only_that_WKSBM_and_its_kabupaten()
    {
        var home = await EntryTestData.HomeOfAsync(factory, TestUsers.Pengurus(45));
        var demo = await EntryTestData.DemoPersonAsync(factory, "34.04");
        var holder = await factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == demo.InstitutionId).Select(i => i.Name).SingleAsync());
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(45));
        var before = await EntryTestData.CountAsync(factory);

        using var response = await client.SubmitFormAsync(NewPage, NewPage, Form(EntryTestData.UniqueName(), demo.Nik, demo.Sex, demo.BirthDate, home.VillageCode, home.InstitutionId));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(holder, HttpHelpers.TestIdText(html, "holder-institution"));
        Assert.Equal("Kabupaten Sleman", HttpHelpers.TestIdText(html, "holder-regency"));
        Assert.Contains($"NIK ini sudah terdaftar di {holder}, Kabupaten Sleman.", Text(html), StringComparison.Ordinal);
        Assert.Contains("Minta layanan bersama", html, StringComparison.Ordinal);
        Assert.DoesNotContain(demo.Name, Text(html), StringComparison.Ordinal);
        Assert.DoesNotContain(demo.Id.ToString(), html, StringComparison.Ordinal);
        Assert.DoesNotContain(demo.BirthDate.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        Assert.Equal(before, await EntryTestData.CountAsync(factory));
    }

    [ProviderFact]
    public async Task A_likely_duplicate_is_shown_side_by_side_and_saved_once_confirmed_as_another_person()
    {
        var home = await EntryTestData.HomeOfAsync(factory, TestUsers.Pengurus(49));
        var birth = EntryTestData.BirthDate();
        var name = EntryTestData.UniqueName("Wagiyem");
        using var api = await factory.CreateApiClientAsync(TestUsers.Pengurus(49));
        var (status, json) = await EntryTestData.SendAsync(api, HttpMethod.Post, "/api/v1/beneficiaries",
            EntryTestData.Body(name, null, Sex.Perempuan, birth, home.VillageCode, null));
        Assert.True(status == HttpStatusCode.Created, json.ToString());
        var first = json.GetProperty("id").GetGuid();
        var created = new List<Guid> { first };
        try
        {
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(49));
            var similar = "Wagiyam" + name["Wagiyem".Length..];
            var form = Form(similar, null, Sex.Perempuan, birth, home.VillageCode, home.InstitutionId);
            var before = await EntryTestData.CountAsync(factory);
            using (var response = await client.SubmitFormAsync(NewPage, NewPage, form))
            {
                var html = await response.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(name, HttpHelpers.TestIdText(html, "candidate-name"));
                Assert.Contains("tanggal lahir sama", HttpHelpers.TestIdText(html, "candidate-reasons"), StringComparison.Ordinal);
                Assert.Contains($"href=\"/penerima/{first}\"", html, StringComparison.Ordinal);
                Assert.Contains($"name=\"ConfirmCandidates\" value=\"{first}\"", html, StringComparison.Ordinal);
                Assert.Equal(before, await EntryTestData.CountAsync(factory));
            }

            form["ConfirmCandidates"] = first.ToString();
            using (var response = await client.SubmitFormAsync(NewPage, NewPage, form))
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                created.Add(Guid.Parse(response.RedirectTarget()["/penerima/".Length..]));
            }
            var pair = await factory.WithDbAsync(db => db.DuplicatePairs.AsNoTracking()
                .SingleAsync(p => (p.FirstId == first && p.SecondId == created[1]) || (p.FirstId == created[1] && p.SecondId == first)));
            Assert.Equal((DuplicateDecision.BedaOrang, TestUsers.Pengurus(49)), (pair.Decision, pair.DecidedBy));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync([.. created]);
        }
    }

    [ProviderFact]
    public async Task A_second_writer_is_told_keeps_their_entries_and_overwrites_only_on_purpose()
    {
        var home = await EntryTestData.HomeOfAsync(factory, TestUsers.Pengurus(48));
        using var api = await factory.CreateApiClientAsync(TestUsers.Pengurus(48));
        var body = EntryTestData.Body(EntryTestData.UniqueName(), null, Sex.LakiLaki, EntryTestData.BirthDate(), home.VillageCode, null);
        var (status, json) = await EntryTestData.SendAsync(api, HttpMethod.Post, "/api/v1/beneficiaries", body);
        Assert.True(status == HttpStatusCode.Created, json.ToString());
        var id = json.GetProperty("id").GetGuid();
        var version = json.GetProperty("version").GetGuid();
        var editPage = $"/penerima/{id}/ubah";
        try
        {
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(48));
            var page = await client.GetStringAsync(editPage);
            Assert.Contains($"value=\"{version}\"", page, StringComparison.Ordinal);

            // Someone else saves first.
            body["address"] = "Alamat dari orang lain";
            body["version"] = version;
            Assert.Equal(HttpStatusCode.OK, (await EntryTestData.SendAsync(api, HttpMethod.Put, $"/api/v1/beneficiaries/{id}", body)).Status);
            var current = await factory.WithDbAsync(db => db.Beneficiaries.Where(b => b.Id == id).Select(b => b.Version).SingleAsync());

            var form = Form((string)body["fullName"]!, null, Sex.LakiLaki, DateOnly.Parse((string)body["birthDate"]!, CultureInfo.InvariantCulture), home.VillageCode, home.InstitutionId);
            form["Input.Address"] = "Alamat dari saya";
            form["Input.Version"] = version.ToString();
            using (var response = await client.SubmitFormAsync(editPage, editPage, form))
            {
                var html = await response.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("Data orang ini baru saja diubah oleh pengguna lain.", Text(html), StringComparison.Ordinal);
                Assert.Contains("Alamat dari orang lain", HttpHelpers.TestIdText(html, "stale"), StringComparison.Ordinal);
                Assert.Contains("value=\"Alamat dari saya\"", html, StringComparison.Ordinal);
                Assert.Contains($"value=\"{current}\"", html, StringComparison.Ordinal);
            }
            Assert.Equal("Alamat dari orang lain", await factory.WithDbAsync(db => db.Beneficiaries.Where(b => b.Id == id).Select(b => b.Address).SingleAsync()));

            form["Input.Version"] = current.ToString();
            using (var response = await client.SubmitFormAsync(editPage, editPage, form))
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Equal($"/penerima/{id}", response.RedirectTarget());
            }
            Assert.Equal("Alamat dari saya", await factory.WithDbAsync(db => db.Beneficiaries.Where(b => b.Id == id).Select(b => b.Address).SingleAsync()));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(id);
        }
    }

    [ProviderFact]
    public async Task A_district_officer_picks_the_WKSBM_and_the_kalurahan_with_cascading_selects_of_their_kabupaten()
    {
        var home = await EntryTestData.HomeOfAsync(factory, TestUsers.Pengurus(46));
        var kapanewon = RegionCatalog.Instance.Find(home.VillageCode)!.ParentCode!;
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.DinsosGunungkidul);

        var html = await client.GetStringAsync($"{NewPage}?wksbm={home.InstitutionId}");
        Assert.Matches($"<option[^>]*value=\"{home.InstitutionId}\"[^>]*selected|<option[^>]*selected[^>]*value=\"{home.InstitutionId}\"", html);
        Assert.Contains("(Kabupaten Gunungkidul)</option>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("(Kabupaten Sleman)</option>", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{kapanewon}\"", html, StringComparison.Ordinal);
        var villages = await client.GetStringAsync($"{NewPage}?handler=Children&district={kapanewon}");
        Assert.Contains($"value=\"{home.VillageCode}\"", villages, StringComparison.Ordinal);

        var name = EntryTestData.UniqueName();
        using var response = await client.SubmitFormAsync(NewPage, NewPage, Form(name, null, Sex.LakiLaki, EntryTestData.BirthDate(), home.VillageCode, home.InstitutionId));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithDbAsync(db => db.Beneficiaries.AsNoTracking().SingleAsync(b => b.Name == name));
        await factory.RemoveBeneficiariesAsync(saved.Id);
        Assert.Equal((home.InstitutionId, "34.03"), (saved.InstitutionId, saved.RegencyCode));
    }

    [ProviderFact]
    public async Task Another_kabupaten_s_or_WKSBM_s_person_is_404_and_the_forum_may_not_open_the_form()
    {
        var demo = await EntryTestData.DemoPersonAsync(factory, "34.04");
        foreach (var user in new[] { TestUsers.DinsosGunungkidul, TestUsers.Pengurus(45) })
        {
            using var client = await factory.CreateLoggedInClientAsync(user);
            using var response = await client.GetAsync($"/penerima/{demo.Id}/ubah");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(demo.Name, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var sleman = await factory.CreateLoggedInClientAsync(TestUsers.DinsosSleman);
        var html = Text(await sleman.GetStringAsync($"/penerima/{demo.Id}/ubah"));
        Assert.Contains(demo.Name, html, StringComparison.Ordinal);
        Assert.Contains("(Kabupaten Sleman)</option>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("(Kabupaten Gunungkidul)</option>", html, StringComparison.Ordinal);

        foreach (var user in new[] { TestUsers.Forum, "mitra.baznas" })
        {
            using var client = await factory.CreateLoggedInClientAsync(user);
            using var response = await client.GetAsync(NewPage);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/akses-ditolak", response.RedirectTarget(), StringComparison.Ordinal);
        }
    }
}

public abstract partial class BeneficiaryEntryPageTests
{
    [GeneratedRegex("""<span[^>]*field-validation-error[^>]*>(?<text>.*?)</span>""", RegexOptions.Singleline)]
    private static partial Regex FieldError();
}

[Collection(OnSqlite.Name)]
public sealed class BeneficiaryEntryPageTestsOnSqlite(SqliteFixture app) : BeneficiaryEntryPageTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class BeneficiaryEntryPageTestsOnPostgres(PostgresFixture app) : BeneficiaryEntryPageTests(app.Factory);
