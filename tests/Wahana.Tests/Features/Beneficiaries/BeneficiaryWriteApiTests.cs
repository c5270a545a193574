using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Beneficiaries;

/// <summary>
/// What the entry tests share: the WKSBM of pengurus.45 to pengurus.49 (the only ones these tests write into),
/// fresh NIKs nobody holds, unusual names no demo person resembles, and the JSON body of the write API.
/// </summary>
internal static class EntryTestData
{
    public sealed record Home(Guid InstitutionId, string Name, string VillageCode, string RegencyCode)
    {
        public string KapanewonCode => VillageCode[..8];
    }

    private static readonly string[] Syllables = ["ka", "zu", "qi", "ro", "xe", "ba", "lo", "vi", "mu", "te", "yo", "fa"];

    /// <summary>The WKSBM of a demo pengurus account.</summary>
    public static Task<Home> HomeOfAsync(WahanaFactory factory, string userName) => factory.WithDbAsync(async db =>
    {
        var institutionId = await db.Users.Where(u => u.UserName == userName).Select(u => u.ScopeInstitutionId).SingleAsync();
        return await db.Institutions.Where(i => i.Id == institutionId)
            .Select(i => new Home(i.Id, i.Name, i.VillageCode, i.RegencyCode)).SingleAsync();
    });

    /// <summary>A made-up name of three rare words, unlike any demo name, so no likely duplicate turns up by chance.</summary>
    public static string UniqueName(string first = "Theodora")
    {
        var random = Random.Shared;
        string Word() => string.Concat(Enumerable.Range(0, 3).Select(_ => Syllables[random.Next(Syllables.Length)]));
        var word = Word();
        return $"{first} {char.ToUpperInvariant(word[0])}{word[1..]} {char.ToUpperInvariant(Word()[0])}{Word()}";
    }

    /// <summary>A birth date between 1950 and 1999.</summary>
    public static DateOnly BirthDate() => new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 50 * 365));

    /// <summary>A valid NIK for the person that nobody in the registry holds.</summary>
    public static Task<string> FreshNikAsync(WahanaFactory factory, string kapanewonCode, DateOnly birthDate, Sex sex) => factory.WithDbAsync(async db =>
    {
        while (true)
        {
            var nik = Nik.Compose(kapanewonCode, birthDate, sex, Random.Shared.Next(5000, 10000));
            if (!await db.Beneficiaries.IgnoreQueryFilters().AnyAsync(b => b.Nik == nik))
            {
                return nik;
            }
        }
    });

    /// <summary>The JSON body of POST/PUT /api/v1/beneficiaries for an adult who consented themself.</summary>
    public static Dictionary<string, object?> Body(string fullName, string? nik, Sex sex, DateOnly birthDate, string villageCode, Guid? institutionId) => new()
    {
        ["fullName"] = fullName,
        ["nik"] = nik,
        ["noNikReason"] = nik is null ? "Belum direkam Dukcapil" : null,
        ["sex"] = sex == Sex.Perempuan ? "P" : "L",
        ["birthPlace"] = "Wonosari",
        ["birthDate"] = Iso(birthDate),
        ["villageCode"] = villageCode,
        ["hamlet"] = "Karangrejo",
        ["rt"] = "3",
        ["rw"] = "012",
        ["address"] = "Padukuhan Karangrejo RT 003/RW 012",
        ["phone"] = "081234567890",
        ["desil"] = 2,
        ["institutionId"] = institutionId,
        ["categories"] = new[] { "lansia-terlantar", "fakir-miskin" },
        ["consentGivenOn"] = "2026-01-05",
        ["consentGivenBy"] = fullName,
        ["consentByGuardian"] = false,
    };

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string url, object body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static Task<int> CountAsync(WahanaFactory factory) =>
        factory.WithDbAsync(db => db.Beneficiaries.IgnoreQueryFilters().CountAsync());

    /// <summary>A demo adult of another kabupaten (read, never changed) with a NIK.</summary>
    public static Task<Beneficiary> DemoPersonAsync(WahanaFactory factory, string regencyCode)
    {
        var adult = factory.Today.AddYears(-20);
        return factory.WithDbAsync(db => db.Beneficiaries.AsNoTracking()
            .Where(b => b.RegencyCode == regencyCode && b.Nik != null && b.BirthDate < adult)
            .OrderBy(b => b.Id).FirstAsync());
    }
}

/// <summary>POST/PUT /api/v1/beneficiaries and POST /api/v1/beneficiaries/check.</summary>
public abstract class BeneficiaryWriteApiTests(WahanaFactory factory)
{
    private const string Url = "/api/v1/beneficiaries";

    [ProviderFact]
    public async Task A_pengurus_registers_a_person_whose_values_are_stored_masked_in_the_answer_and_audited()
    {
        var home = await EntryTestData.HomeOfAsync(factory, TestUsers.Pengurus(45));
        var birth = EntryTestData.BirthDate();
        var nik = await EntryTestData.FreshNikAsync(factory, home.KapanewonCode, birth, Sex.Perempuan);
        var name = EntryTestData.UniqueName();
        var body = EntryTestData.Body($"  {name}  ", nik, Sex.Perempuan, birth, home.VillageCode, null);
        body["kk"] = nik[..6] + "0101200003";
        using var client = await factory.CreateApiClientAsync(TestUsers.Pengurus(45));

        var (status, json) = await EntryTestData.SendAsync(client, HttpMethod.Post, Url, body);
        Assert.True(status == HttpStatusCode.Created, json.ToString());
        var id = json.GetProperty("id").GetGuid();
        try
        {
            Assert.Equal(name, json.GetProperty("fullName").GetString());
            Assert.Equal(nik[..4] + "********" + nik[^4..], json.GetProperty("nik").GetString());
            Assert.Equal(nik[..4] + "********0003", json.GetProperty("kk").GetString());
            Assert.Equal("P", json.GetProperty("sex").GetString());
            Assert.Equal(EntryTestData.Iso(birth), json.GetProperty("birthDate").GetString());
            Assert.Equal(home.InstitutionId, json.GetProperty("institutionId").GetGuid());
            Assert.Equal(["lansia-terlantar", "fakir-miskin"], json.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
            Assert.Equal("aktif", json.GetProperty("status").GetString());
            Assert.DoesNotContain(nik, json.ToString(), StringComparison.Ordinal);

            var saved = await factory.WithDbAsync(db => db.Beneficiaries.Include(b => b.Categories).AsNoTracking().SingleAsync(b => b.Id == id));
            Assert.Equal((name, nik, Sex.Perempuan, birth, home.VillageCode, home.RegencyCode), (saved.Name, saved.Nik, saved.Sex, saved.BirthDate, saved.VillageCode, saved.RegencyCode));
            Assert.Equal(PersonName.Key(name), saved.NameKey);
            Assert.Equal(("003", "012", 2, BeneficiaryStatus.Aktif, factory.Today), (saved.Rt, saved.Rw, saved.Desil, saved.Status, saved.RegisteredOn));
            Assert.Equal([8, 24], saved.Categories.Select(c => c.CategoryId).Order());
            Assert.Equal((new DateOnly(2026, 1, 5), name, false), (saved.ConsentGivenOn, saved.ConsentGivenBy, saved.ConsentByGuardian));
            var audit = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == nameof(Beneficiary) && a.EntityId == id.ToString()).ToListAsync());
            var added = Assert.Single(audit);
            Assert.Equal(("Added", TestUsers.Pengurus(45)), (added.Action, added.UserName));
            Assert.Contains(name, added.NewValues, StringComparison.Ordinal);
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(id);
        }
    }

    public static TheoryData<string, string, string, string> NikRules => new()
    {
        { "3402", "L", "1990-08-07", "NIK harus 16 digit; yang diisi 4 digit." },
        { "3402 1507 0890 0001", "L", "1990-08-07", "NIK hanya boleh berisi angka 0-9, tanpa spasi, titik atau huruf." },
        { "34021507089000A1", "L", "1990-08-07", "NIK hanya boleh berisi angka 0-9, tanpa spasi, titik atau huruf." },
        { "9999990708900001", "L", "1990-08-07", "Kode wilayah NIK (6 digit pertama: 999999) bukan kode kecamatan yang dikenal." },
        { "3402153508900001", "L", "1990-08-07", "Tanggal dalam NIK (digit 7-8: 35) tidak valid: untuk laki-laki 01-31, untuk perempuan 41-71 (tanggal lahir ditambah 40)." },
        { "3402150713900001", "L", "1990-08-07", "Bulan dalam NIK (digit 9-10: 13) tidak valid: harus 01-12." },
        { "3402153102900001", "L", "1990-02-28", "Tanggal lahir dalam NIK (31-02-90) bukan tanggal yang ada di kalender." },
        { "3402150708990001", "L", "2001-08-07", "Tanggal lahir dalam NIK (07-08-2099) belum terjadi; periksa kembali NIK." },
        { "3402154708900001", "L", "1990-08-07", "NIK ini milik perempuan (tanggal lahir di NIK ditambah 40), tetapi jenis kelamin yang diisi laki-laki." },
        { "3402150708900001", "P", "1990-08-07", "NIK ini milik laki-laki (tanggal lahir di NIK tidak ditambah 40), tetapi jenis kelamin yang diisi perempuan." },
        { "3402150708900001", "L", "1990-08-08", "Tanggal lahir dalam NIK (07-08-90) tidak sama dengan tanggal lahir yang diisi (08-08-1990)." },
        { "3402150708900000", "L", "1990-08-07", "Nomor urut NIK (4 digit terakhir) tidak boleh 0000; nomor urut dimulai dari 0001." },
    };

    [ProviderTheory]
    [MemberData(nameof(NikRules))]
    public async Task Every_NIK_rule_is_a_field_error_on_nik_and_nothing_is_saved(string nik, string sex, string birthDate, string message)
    {
        var home = await EntryTestData.HomeOfAsync(factory, TestUsers.Pengurus(45));
        var body = EntryTestData.Body(EntryTestData.UniqueName(), nik, sex == "P" ? Sex.Perempuan : Sex.LakiLaki, DateOnly.Parse(birthDate, CultureInfo.InvariantCulture), home.VillageCode, null);
        using var client = await factory.CreateApiClientAsync(TestUsers.Pengurus(45));
        var before = await EntryTestData.CountAsync(factory);

        var (status, json) = await EntryTestData.SendAsync(client, HttpMethod.Post, Url, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = json.GetProperty("errors");
        Assert.Contains(message, errors.GetProperty("nik").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["nik"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal(before, await EntryTestData.CountAsync(factory));
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "spaces", "fullName", "Nama wajib diisi." },
        { "500", "fullName", "Nama paling banyak 200 karakter; yang diisi 500 karakter." },
        { "future", "birthDate", "Tanggal lahir tidak boleh di masa depan." },
        { "no-birth-date", "birthDate", "Tanggal lahir wajib diisi." },
        { "child-self", "consentByGuardian", "Untuk anak di bawah 18 tahun, persetujuan diberikan oleh orang tua atau wali." },
        { "guardian-unnamed", "consentGivenBy", "Tulis nama orang tua atau wali yang memberi persetujuan." },
        { "no-nik-no-reason", "noNikReason", "Isi NIK, atau tuliskan alasan bila orang ini belum memiliki NIK." },
        { "other-kapanewon", "villageCode", "Pilih kalurahan di wilayah kerja WKSBM Anda" },
        { "sex", "sex", "Pilih jenis kelamin: L (laki-laki) atau P (perempuan)." },
        { "category", "categories", "Kategori PPKS tidak dikenal: bukan-kategori." },
        { "no-category", "categories", "Pilih minimal satu kategori PPKS." },
        { "rt", "rt", "RT diisi angka, paling banyak 3 digit (contoh: 004)." },
        { "kk", "kk", "Nomor KK harus 16 digit; yang diisi 5 digit." },
    };

    [ProviderTheory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_a_field_error_with_its_message_and_nothing_is_saved(string kind, string field, string message)
    {
        var home = await EntryTestData.HomeOfAsync(factory, TestUsers.Pengurus(45));
        var child = factory.Today.AddYears(-9);
        var body = EntryTestData.Body(EntryTestData.UniqueName(), null, Sex.LakiLaki, EntryTestData.BirthDate(), home.VillageCode, null);
        switch (kind)
        {
            case "spaces": body["fullName"] = "     "; break;
            case "500": body["fullName"] = new string('a', 500); break;
            case "future": body["birthDate"] = EntryTestData.Iso(factory.Today.AddDays(1)); break;
            case "no-birth-date": body["birthDate"] = null; break;
            case "child-self": body["birthDate"] = EntryTestData.Iso(child); break;
            case "guardian-unnamed": body["birthDate"] = EntryTestData.Iso(child); body["consentByGuardian"] = true; body["consentGivenBy"] = " "; break;
            case "no-nik-no-reason": body["noNikReason"] = "  "; break;
            case "other-kapanewon": body["villageCode"] = RegionCatalog.Instance.AllDiy.First(r => r.Level == RegionLevel.Desa && r.RegencyCode == home.RegencyCode && !r.Code.StartsWith(home.KapanewonCode, StringComparison.Ordinal)).Code; break;
            case "sex": body["sex"] = "X"; break;
            case "category": body["categories"] = new[] { "fakir-miskin", "bukan-kategori" }; break;
            case "no-category": body["categories"] = Array.Empty<string>(); break;
            case "rt": body["rt"] = "12a"; break;
            case "kk": body["kk"] = "34021"; break;
        }
        using var client = await factory.CreateApiClientAsync(TestUsers.Pengurus(45));
        var before = await EntryTestData.CountAsync(factory);

        var (status, json) = await EntryTestData.SendAsync(client, HttpMethod.Post, Url, body);

        Assert.True(status == HttpStatusCode.BadRequest, json.ToString());
        var messages = json.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(messages, m => m.StartsWith(message, StringComparison.Ordinal));
        Assert.Equal(before, await EntryTestData.CountAsync(factory));
    }

    [ProviderFact]
    public async Task A_district_officer_registers_only_inside_the_regency_and_a_pengurus_only_in_their_own_WKSBM()
    {
        var home = await EntryTestData.HomeOfAsync(factory, TestUsers.Pengurus(46));
        var other = await EntryTestData.HomeOfAsync(factory, TestUsers.Pengurus(47));
        var before = await EntryTestData.CountAsync(factory);
        var slemanVillage = RegionCatalog.Instance.ChildrenOf(RegionCatalog.Instance.ChildrenOf("34.04")[0].Code)[0].Code;

        using var officer = await factory.CreateApiClientAsync(TestUsers.DinsosGunungkidul);
        var (status, json) = await EntryTestData.SendAsync(officer, HttpMethod.Post, Url,
            EntryTestData.Body(EntryTestData.UniqueName(), null, Sex.LakiLaki, EntryTestData.BirthDate(), slemanVillage, home.InstitutionId));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Kalurahan ini di luar kabupaten/kota Anda.", json.GetProperty("errors").GetProperty("villageCode")[0].GetString());

        var slemanInstitution = await factory.WithDbAsync(db => db.Institutions.Where(i => i.RegencyCode == "34.04").Select(i => i.Id).FirstAsync());
        (status, json) = await EntryTestData.SendAsync(officer, HttpMethod.Post, Url,
            EntryTestData.Body(EntryTestData.UniqueName(), null, Sex.LakiLaki, EntryTestData.BirthDate(), home.VillageCode, slemanInstitution));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("WKSBM ini tidak ditemukan di wilayah kerja Anda.", json.GetProperty("errors").GetProperty("institutionId")[0].GetString());

        // A pengurus naming another WKSBM: 403, the same answer whether or not that WKSBM exists.
        using var pengurus = await factory.CreateApiClientAsync(TestUsers.Pengurus(46));
        foreach (var institution in new[] { other.InstitutionId, Guid.NewGuid() })
        {
            (status, json) = await EntryTestData.SendAsync(pengurus, HttpMethod.Post, Url,
                EntryTestData.Body(EntryTestData.UniqueName(), null, Sex.LakiLaki, EntryTestData.BirthDate(), home.VillageCode, institution));
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Equal("Anda hanya dapat mendaftarkan dan mengubah penerima manfaat di WKSBM Anda sendiri.", json.GetProperty("detail").GetString());
        }
        Assert.Equal(before, await EntryTestData.CountAsync(factory));

        // The officer in their own regency: saved in the chosen WKSBM.
        (status, json) = await EntryTestData.SendAsync(officer, HttpMethod.Post, Url,
            EntryTestData.Body(EntryTestData.UniqueName(), null, Sex.LakiLaki, EntryTestData.BirthDate(), other.VillageCode, home.InstitutionId));
        Assert.True(status == HttpStatusCode.Created, json.ToString());
        var id = json.GetProperty("id").GetGuid();
        await factory.RemoveBeneficiariesAsync(id);
        Assert.Equal(home.InstitutionId, json.GetProperty("institutionId").GetGuid());
        Assert.Null(json.GetProperty("nik").GetString());
    }

    [ProviderFact]
    public async Task A_volunteer_registers_in_their_own_WKSBM_and_the_API_is_described_in_OpenAPI()
    {
        var home = await EntryTestData.HomeOfAsync(factory, TestUsers.Pengurus(47));
        var relawan = await factory.CreateUserAsync(WahanaRole.Relawan, institutionId: home.InstitutionId, prefix: "relawan");
        using var client = await factory.CreateApiClientAsync(relawan, TestUsers.Password);
        var (status, json) = await EntryTestData.SendAsync(client, HttpMethod.Post, Url,
            EntryTestData.Body(EntryTestData.UniqueName(), null, Sex.Perempuan, EntryTestData.BirthDate(), home.VillageCode, null));
        Assert.True(status == HttpStatusCode.Created, json.ToString());
        var id = json.GetProperty("id").GetGuid();
        await factory.RemoveBeneficiariesAsync(id);
        Assert.Equal(home.InstitutionId, json.GetProperty("institutionId").GetGuid());

        // A body that is not JSON of the right shape is a 400 problem too, and saves nothing.
        var before = await EntryTestData.CountAsync(factory);
        var body = EntryTestData.Body(EntryTestData.UniqueName(), null, Sex.Perempuan, EntryTestData.BirthDate(), home.VillageCode, null);
        body["birthDate"] = "31-02-1990";
        using (var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = JsonContent.Create(body) })
        using (var response = await client.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(before, await EntryTestData.CountAsync(factory));

        using var anonymous = factory.CreateClient();
        var paths = (await anonymous.GetJsonAsync("/openapi/v1.json")).GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/beneficiaries").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/beneficiaries/{id}").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/v1/beneficiaries/check").TryGetProperty("post", out _));
    }

    [ProviderFact]
    public async Task Forum_and_Mitra_tokens_are_forbidden_to_write_or_check()
    {
        var home = await EntryTestData.HomeOfAsync(factory, TestUsers.Pengurus(45));
        var body = EntryTestData.Body(EntryTestData.UniqueName(), null, Sex.LakiLaki, EntryTestData.BirthDate(), home.VillageCode, home.InstitutionId);
        var demo = await EntryTestData.DemoPersonAsync(factory, "34.04");
        var before = await EntryTestData.CountAsync(factory);
        foreach (var user in new[] { TestUsers.Forum, "mitra.baznas" })
        {
            using var client = await factory.CreateApiClientAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await EntryTestData.SendAsync(client, HttpMethod.Post, Url, body)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await EntryTestData.SendAsync(client, HttpMethod.Post, Url + "/check", body)).Status);
            var (status, json) = await EntryTestData.SendAsync(client, HttpMethod.Put, $"{Url}/{demo.Id}", body);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.DoesNotContain(demo.Name, json.ToString(), StringComparison.Ordinal);
        }
        Assert.Equal(before, await EntryTestData.CountAsync(factory));
        using var anonymous = factory.CreateClient();
        using var response = await anonymous.PostAsJsonAsync(Url, body);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [ProviderFact]
    public async Task A_NIK_held_out_of_scope_is_409_naming_only_the_WKSBM_and_its_kabupaten()
    {
        var home = await EntryTestData.HomeOfAsync(factory, TestUsers.Pengurus(45));
        var demo = await EntryTestData.DemoPersonAsync(factory, "34.04");
        var (holderName, holderRegency) = await factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == demo.InstitutionId)
            .Select(i => new ValueTuple<string, string>(i.Name, i.RegencyCode)).SingleAsync());
        var body = EntryTestData.Body(EntryTestData.UniqueName(), demo.Nik, demo.Sex, demo.BirthDate, home.VillageCode, null);
        using var client = await factory.CreateApiClientAsync(TestUsers.Pengurus(45));
        var before = await EntryTestData.CountAsync(factory);

        var (status, json) = await EntryTestData.SendAsync(client, HttpMethod.Post, Url, body);

        Assert.Equal(HttpStatusCode.Conflict, status);
        var holder = json.GetProperty("holder");
        Assert.Equal(holderName, holder.GetProperty("institutionName").GetString());
        Assert.Equal("Kabupaten Sleman", holder.GetProperty("regencyName").GetString());
        Assert.Equal("34.04", holderRegency);
        Assert.False(holder.TryGetProperty("id", out _));
        var text = json.ToString();
        Assert.DoesNotContain(demo.Name, text, StringComparison.Ordinal);
        Assert.DoesNotContain(demo.Id.ToString(), text, StringComparison.Ordinal);
        Assert.DoesNotContain(EntryTestData.Iso(demo.BirthDate), text, StringComparison.Ordinal);
        Assert.DoesNotContain(demo.Nik!, text, StringComparison.Ordinal);
        Assert.Equal(before, await EntryTestData.CountAsync(factory));

        // The province sees the record: the holder comes with its id.
        using var admin = await factory.CreateApiClientAsync(TestUsers.Admin);
        body["institutionId"] = home.InstitutionId;
        (status, json) = await EntryTestData.SendAsync(admin, HttpMethod.Post, Url, body);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(demo.Id, json.GetProperty("holder").GetProperty("id").GetGuid());
    }

    [ProviderFact]
    public async Task A_likely_duplicate_is_409_with_candidates_until_confirmed_then_saved_with_a_beda_orang_pair()
    {
        var home = await EntryTestData.HomeOfAsync(factory, TestUsers.Pengurus(49));
        var neighbour = await EntryTestData.HomeOfAsync(factory, TestUsers.Pengurus(48));
        var birth = EntryTestData.BirthDate();
        var name = EntryTestData.UniqueName("Sutarmi");
        var nik = await EntryTestData.FreshNikAsync(factory, home.KapanewonCode, birth, Sex.Perempuan);
        using var client = await factory.CreateApiClientAsync(TestUsers.Pengurus(49));
        using var otherClient = await factory.CreateApiClientAsync(TestUsers.Pengurus(48));
        var created = new List<Guid>();
        try
        {
            var (status, json) = await EntryTestData.SendAsync(client, HttpMethod.Post, Url, EntryTestData.Body(name, nik, Sex.Perempuan, birth, home.VillageCode, null));
            Assert.True(status == HttpStatusCode.Created, json.ToString());
            var first = json.GetProperty("id").GetGuid();
            created.Add(first);

            // The same WKSBM registers "Sutarni ..." without NIK, same birth date, same kalurahan.
            var similar = "Sutarni" + name["Sutarmi".Length..];
            var body = EntryTestData.Body(similar, null, Sex.Perempuan, birth, home.VillageCode, null);
            var before = await EntryTestData.CountAsync(factory);
            (status, json) = await EntryTestData.SendAsync(client, HttpMethod.Post, Url, body);
            Assert.True(status == HttpStatusCode.Conflict, json.ToString());
            var candidate = Assert.Single(json.GetProperty("candidates").EnumerateArray());
            Assert.Equal(first, candidate.GetProperty("id").GetGuid());
            Assert.True(candidate.GetProperty("inScope").GetBoolean());
            Assert.Equal(name, candidate.GetProperty("fullName").GetString());
            Assert.Equal(nik[..4] + "********" + nik[^4..], candidate.GetProperty("nik").GetString());
            Assert.Contains("tanggal lahir sama", candidate.GetProperty("reasons").GetString(), StringComparison.Ordinal);
            Assert.Contains("kalurahan sama", candidate.GetProperty("reasons").GetString(), StringComparison.Ordinal);
            Assert.Equal(before, await EntryTestData.CountAsync(factory));

            // Another WKSBM meets the same likeness: only the WKSBM, its kabupaten and the reasons.
            var elsewhere = EntryTestData.Body(similar, null, Sex.Perempuan, birth, neighbour.VillageCode, null);
            (status, json) = await EntryTestData.SendAsync(otherClient, HttpMethod.Post, Url, elsewhere);
            Assert.True(status == HttpStatusCode.Conflict, json.ToString());
            var limited = json.GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == first);
            Assert.False(limited.GetProperty("inScope").GetBoolean());
            Assert.Equal(home.Name, limited.GetProperty("institutionName").GetString());
            Assert.Equal("Kabupaten Gunungkidul", limited.GetProperty("regencyName").GetString());
            Assert.Equal(["id", "score", "reasons", "institutionName", "regencyName", "inScope"], limited.EnumerateObject().Select(p => p.Name));
            Assert.DoesNotContain(name, json.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(EntryTestData.Iso(birth), json.ToString(), StringComparison.Ordinal);

            // Confirmed as another person: saved, and the decision recorded.
            body["confirmDifferentFrom"] = new[] { first };
            (status, json) = await EntryTestData.SendAsync(client, HttpMethod.Post, Url, body);
            Assert.True(status == HttpStatusCode.Created, json.ToString());
            var second = json.GetProperty("id").GetGuid();
            created.Add(second);
            var (a, b) = DuplicatePair.Order(first, second);
            var pair = await factory.WithDbAsync(db => db.DuplicatePairs.AsNoTracking().SingleAsync(p => p.FirstId == a && p.SecondId == b));
            Assert.Equal((DuplicateDecision.BedaOrang, TestUsers.Pengurus(49)), (pair.Decision, pair.DecidedBy));
            Assert.True(pair.Score >= 0.82, $"score {pair.Score}");
            Assert.NotNull(pair.DecidedAt);
            Assert.Contains("tanggal lahir sama", pair.Reasons, StringComparison.Ordinal);
            Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(DuplicatePair) && e.EntityId == pair.Id.ToString())));
            Assert.Null(await factory.WithDbAsync(db => db.Beneficiaries.Where(x => x.Id == second).Select(x => x.Nik).SingleAsync()));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync([.. created]);
        }
    }

    [ProviderFact]
    public async Task The_check_endpoint_reports_errors_and_duplicates_and_saves_nothing()
    {
        var home = await EntryTestData.HomeOfAsync(factory, TestUsers.Pengurus(45));
        var demo = await EntryTestData.DemoPersonAsync(factory, "34.04");
        using var client = await factory.CreateApiClientAsync(TestUsers.Pengurus(45));
        var before = await EntryTestData.CountAsync(factory);
        var auditBefore = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());

        var birth = EntryTestData.BirthDate();
        var nik = await EntryTestData.FreshNikAsync(factory, home.KapanewonCode, birth, Sex.LakiLaki);
        var (status, json) = await EntryTestData.SendAsync(client, HttpMethod.Post, Url + "/check",
            EntryTestData.Body(EntryTestData.UniqueName(), nik, Sex.LakiLaki, birth, home.VillageCode, null));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(json.GetProperty("valid").GetBoolean(), json.ToString());
        Assert.Empty(json.GetProperty("errors").EnumerateObject());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("duplicateNik").ValueKind);

        var bad = EntryTestData.Body("  ", "3402", Sex.LakiLaki, birth, home.VillageCode, null);
        (status, json) = await EntryTestData.SendAsync(client, HttpMethod.Post, Url + "/check", bad);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(json.GetProperty("valid").GetBoolean());
        Assert.Equal("NIK harus 16 digit; yang diisi 4 digit.", json.GetProperty("errors").GetProperty("nik")[0].GetString());
        Assert.Equal("Nama wajib diisi.", json.GetProperty("errors").GetProperty("fullName")[0].GetString());

        (status, json) = await EntryTestData.SendAsync(client, HttpMethod.Post, Url + "/check",
            EntryTestData.Body(EntryTestData.UniqueName(), demo.Nik, demo.Sex, demo.BirthDate, home.VillageCode, null));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(json.GetProperty("valid").GetBoolean());
        Assert.Equal("Kabupaten Sleman", json.GetProperty("duplicateNik").GetProperty("regencyName").GetString());
        Assert.DoesNotContain(demo.Name, json.ToString(), StringComparison.Ordinal);

        Assert.Equal(before, await EntryTestData.CountAsync(factory));
        Assert.Equal(auditBefore, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [ProviderFact]
    public async Task An_edit_with_a_stale_version_is_409_and_another_kabupaten_s_person_is_404()
    {
        var home = await EntryTestData.HomeOfAsync(factory, TestUsers.Pengurus(48));
        var birth = EntryTestData.BirthDate();
        var name = EntryTestData.UniqueName();
        using var client = await factory.CreateApiClientAsync(TestUsers.Pengurus(48));
        var body = EntryTestData.Body(name, null, Sex.LakiLaki, birth, home.VillageCode, null);
        var (status, json) = await EntryTestData.SendAsync(client, HttpMethod.Post, Url, body);
        Assert.True(status == HttpStatusCode.Created, json.ToString());
        var id = json.GetProperty("id").GetGuid();
        try
        {
            var version = json.GetProperty("version").GetGuid();
            body["address"] = "Alamat pertama";
            body["version"] = version;
            (status, json) = await EntryTestData.SendAsync(client, HttpMethod.Put, $"{Url}/{id}", body);
            Assert.True(status == HttpStatusCode.OK, json.ToString());
            Assert.NotEqual(version, json.GetProperty("version").GetGuid());

            body["address"] = "Alamat kedua";
            (status, json) = await EntryTestData.SendAsync(client, HttpMethod.Put, $"{Url}/{id}", body);
            Assert.Equal(HttpStatusCode.Conflict, status);
            Assert.Equal("Data sudah diubah orang lain.", json.GetProperty("title").GetString());
            Assert.Equal("Alamat pertama", await factory.WithDbAsync(db => db.Beneficiaries.Where(b => b.Id == id).Select(b => b.Address).SingleAsync()));

            body.Remove("version");
            (status, json) = await EntryTestData.SendAsync(client, HttpMethod.Put, $"{Url}/{id}", body);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.True(json.GetProperty("errors").TryGetProperty("version", out _));

            // Out of scope: another kabupaten's officer, another WKSBM's pengurus.
            body["version"] = version;
            foreach (var user in new[] { TestUsers.DinsosSleman, TestUsers.Pengurus(47) })
            {
                using var outsider = await factory.CreateApiClientAsync(user);
                (status, json) = await EntryTestData.SendAsync(outsider, HttpMethod.Put, $"{Url}/{id}", body);
                Assert.Equal(HttpStatusCode.NotFound, status);
                Assert.DoesNotContain(name, json.ToString(), StringComparison.Ordinal);
            }
            var demo = await EntryTestData.DemoPersonAsync(factory, "34.04");
            using var gunungkidul = await factory.CreateApiClientAsync(TestUsers.DinsosGunungkidul);
            Assert.Equal(HttpStatusCode.NotFound, (await EntryTestData.SendAsync(gunungkidul, HttpMethod.Put, $"{Url}/{demo.Id}", body)).Status);
            Assert.Equal("Alamat pertama", await factory.WithDbAsync(db => db.Beneficiaries.Where(b => b.Id == id).Select(b => b.Address).SingleAsync()));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(id);
        }
    }
}

[Collection(OnSqlite.Name)]
public sealed class BeneficiaryWriteApiTestsOnSqlite(SqliteFixture app) : BeneficiaryWriteApiTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class BeneficiaryWriteApiTestsOnPostgres(PostgresFixture app) : BeneficiaryWriteApiTests(app.Factory);
