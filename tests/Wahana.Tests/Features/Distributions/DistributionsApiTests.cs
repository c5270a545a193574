using System.Net;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Distributions;

/// <summary>GET/POST /api/v1/distributions and GET /api/v1/distributions/{id}: one activity, all its services, or nothing.</summary>
public abstract class DistributionsApiTests(WahanaFactory factory)
{
    private const string Url = "/api/v1/distributions";

    [ProviderFact]
    public async Task A_pengurus_records_a_distribution_that_creates_one_service_per_recipient_with_its_volunteer()
    {
        var pengurus = TestUsers.Pengurus(25);
        var home = await DistributionTestData.HomeOfAsync(factory, pengurus);
        var people = await DistributionTestData.PeopleAsync(factory, home.InstitutionId, 3);
        var (volunteerId, volunteerName) = await DistributionTestData.VolunteerAsync(factory, home.InstitutionId);
        using var client = await factory.CreateApiClientAsync(pengurus);
        var title = DistributionTestData.UniqueTitle();
        var body = DistributionTestData.Body(null, $"  {title} ", factory.Today, people.Select(p => p.Id));
        body["volunteerIds"] = new[] { volunteerId };
        body["notes"] = "Beras 10 kg dan minyak";

        var (status, json) = await DistributionTestData.PostAsync(client, body);

        Assert.True(status == HttpStatusCode.Created, json.ToString());
        var id = json.GetProperty("id").GetGuid();
        try
        {
            Assert.Equal((title, home.InstitutionId, 3, 450_000L), (json.GetProperty("title").GetString(), json.GetProperty("institutionId").GetGuid(),
                json.GetProperty("people").GetInt32(), json.GetProperty("totalValue").GetInt64()));
            Assert.Equal(people.Select(p => p.Id).Order(), json.GetProperty("recipientIds").EnumerateArray().Select(e => e.GetGuid()).Order());
            Assert.Equal([volunteerId], json.GetProperty("volunteerIds").EnumerateArray().Select(e => e.GetGuid()));
            Assert.Equal(("santunan", "barang", "swadaya", 150_000L), (json.GetProperty("kind").GetString(), json.GetProperty("form").GetString(),
                json.GetProperty("fundingSource").GetString(), json.GetProperty("valuePerPerson").GetInt64()));

            var services = await factory.WithDbAsync(db => db.Services.AsNoTracking().Include(s => s.Volunteers).Where(s => s.DistributionId == id).ToListAsync());
            Assert.Equal(people.Select(p => p.Id).Order(), services.Select(s => s.BeneficiaryId).Order());
            Assert.All(services, s =>
            {
                Assert.Equal((home.InstitutionId, home.RegencyCode, factory.Today, ServiceKind.Santunan, ServiceForm.Barang, 150_000L, FundingSource.Swadaya, pengurus),
                    (s.InstitutionId, s.RegencyCode, s.Date, s.Kind, s.Form, s.ValueRupiah, s.FundingSource, s.RecordedBy));
                Assert.Equal([volunteerId], s.Volunteers.Select(v => v.VolunteerId));
            });
            var audited = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
                .Where(a => a.UserName == pengurus && a.Action == "Added" && (a.EntityId == id.ToString() || services.Select(s => s.Id.ToString()).Contains(a.EntityId)))
                .Select(a => a.EntityType).ToListAsync());
            Assert.Equal(1, audited.Count(t => t == nameof(Distribution)));
            Assert.Equal(3, audited.Count(t => t == nameof(Service)));

            var detail = await client.GetJsonAsync($"{Url}/{id}");
            Assert.Equal((title, 3, 450_000L, "Beras 10 kg dan minyak"), (detail.GetProperty("title").GetString(), detail.GetProperty("people").GetInt32(),
                detail.GetProperty("totalValue").GetInt64(), detail.GetProperty("notes").GetString()));
            var semester = Semester.Of(factory.Today);
            var list = await client.GetJsonAsync($"{Url}?period={semester}&pageSize=200");
            Assert.True(list.GetProperty("total").GetInt32() >= 1);
            Assert.Equal((1, 200), (list.GetProperty("page").GetInt32(), list.GetProperty("pageSize").GetInt32()));
            var item = Assert.Single(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
            Assert.Equal((3, 450_000L, volunteerName.Length > 0), (item.GetProperty("people").GetInt32(), item.GetProperty("totalValue").GetInt64(), true));
            Assert.All(list.GetProperty("items").EnumerateArray(), i => Assert.Equal(home.InstitutionId, i.GetProperty("institutionId").GetGuid()));
        }
        finally
        {
            await DistributionTestData.RemoveAsync(factory, id);
        }
    }

    [ProviderFact]
    public async Task A_total_is_split_evenly_and_a_total_that_does_not_divide_is_refused_naming_the_values()
    {
        var pengurus = TestUsers.Pengurus(26);
        var home = await DistributionTestData.HomeOfAsync(factory, pengurus);
        var people = await DistributionTestData.PeopleAsync(factory, home.InstitutionId, 3);
        using var client = await factory.CreateApiClientAsync(pengurus);
        var before = await DistributionTestData.CountAsync(factory);

        var uneven = DistributionTestData.Body(null, DistributionTestData.UniqueTitle(), factory.Today, people.Select(p => p.Id), valuePerPerson: null);
        uneven["totalValue"] = 1_000_000;
        var (badStatus, problem) = await DistributionTestData.PostAsync(client, uneven);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Equal(["Nilai total Rp 1.000.000 tidak habis dibagi 3 orang (Rp 333.333 per orang, sisa Rp 1). Isi nilai per orang Rp 333.333, atau ubah nilai total menjadi Rp 999.999 atau Rp 1.000.002."],
            DistributionTestData.Errors(problem, "totalValue"));
        Assert.Equal(before, await DistributionTestData.CountAsync(factory));

        var even = DistributionTestData.Body(null, DistributionTestData.UniqueTitle(), factory.Today, people.Select(p => p.Id), valuePerPerson: null);
        even["totalValue"] = 900_000;
        var (status, json) = await DistributionTestData.PostAsync(client, even);
        Assert.True(status == HttpStatusCode.Created, json.ToString());
        var id = json.GetProperty("id").GetGuid();
        try
        {
            Assert.Equal((300_000L, 900_000L), (json.GetProperty("valuePerPerson").GetInt64(), json.GetProperty("totalValue").GetInt64()));
            Assert.Equal([300_000L, 300_000L, 300_000L], await factory.WithDbAsync(db => db.Services.Where(s => s.DistributionId == id).Select(s => s.ValueRupiah).ToListAsync()));
        }
        finally
        {
            await DistributionTestData.RemoveAsync(factory, id);
        }
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "future", "date", "Tanggal layanan tidak boleh di masa depan." },
        { "before-registration", "recipientIds", "baru terdaftar pada" },
        { "negative", "valuePerPerson", "Nilai tidak boleh negatif." },
        { "large", "valuePerPerson", "Nilai Rp 150.000.000 untuk satu orang melebihi Rp 100.000.000. Periksa kembali, lalu centang konfirmasi bila memang benar." },
        { "no-recipients", "recipientIds", "Pilih minimal satu penerima; belum ada yang dicentang." },
        { "twice", "recipientIds", "Penerima dipilih lebih dari sekali:" },
        { "stranger", "recipientIds", "bukan penerima manfaat aktif WKSBM ini:" },
        { "donation-without-partner", "partnerId", "Pilih mitra pemberi donasi atau CSR." },
        { "unknown-kind", "kind", "Pilih jenis layanan: \"sembako\" tidak dikenal" },
        { "referral", "kind", "Rujukan dicatat di menu Rujukan, bukan sebagai kegiatan penyaluran." },
        { "no-title", "title", "Nama kegiatan wajib diisi, misalnya \"Santunan sembako lansia Juli\"." },
        { "no-value", "valuePerPerson", "Isi nilai per orang, atau nilai total yang dibagi rata (tulis 0 untuk bantuan tanpa nilai rupiah)." },
        { "cash-zero", "valuePerPerson", "Bantuan tunai harus memiliki nilai rupiah." },
        { "volunteer-elsewhere", "volunteerIds", "Pilih relawan aktif WKSBM ini saja." },
        { "locked", "date", "Laporan semester" },
    };

    [ProviderTheory]
    [MemberData(nameof(BadInput))]
    public async Task Every_bad_input_is_a_field_error_and_no_service_or_activity_is_saved(string @case, string field, string message)
    {
        var pengurus = TestUsers.Pengurus(27);
        var home = await DistributionTestData.HomeOfAsync(factory, pengurus);
        var people = await DistributionTestData.PeopleAsync(factory, home.InstitutionId, 4);
        var title = DistributionTestData.UniqueTitle();
        var body = DistributionTestData.Body(null, title, factory.Today, people.Select(p => p.Id));
        Guid? lockId = null;
        switch (@case)
        {
            case "future": body["date"] = DistributionTestData.Iso(factory.Today.AddDays(1)); break;
            case "before-registration":
                var latest = people.MaxBy(p => p.RegisteredOn)!;
                body["date"] = DistributionTestData.Iso(latest.RegisteredOn.AddDays(-1));
                message = $"{latest.Name} baru terdaftar pada {latest.RegisteredOn:dd-MM-yyyy}";
                break;
            case "negative": body["valuePerPerson"] = -1; break;
            case "large": body["valuePerPerson"] = 150_000_000; break;
            case "no-recipients": body["recipientIds"] = Array.Empty<Guid>(); break;
            case "twice":
                body["recipientIds"] = new[] { people[0].Id, people[1].Id, people[0].Id };
                message = $"Penerima dipilih lebih dari sekali: {people[0].Name}.";
                break;
            case "stranger":
                var stranger = await factory.WithDbAsync(db => db.Beneficiaries.Where(b => b.RegencyCode != home.RegencyCode).OrderBy(b => b.Id).Select(b => b.Id).FirstAsync());
                body["recipientIds"] = people.Select(p => p.Id).Append(stranger).ToArray();
                message = $"Penerima berikut bukan penerima manfaat aktif WKSBM ini: {stranger}. Seluruh kegiatan ditolak; tidak ada yang disimpan.";
                break;
            case "donation-without-partner": body["fundingSource"] = "donasi"; break;
            case "unknown-kind": body["kind"] = "sembako"; break;
            case "referral": body["kind"] = "rujukan"; break;
            case "no-title": body["title"] = "   "; break;
            case "no-value": body["valuePerPerson"] = null; break;
            case "cash-zero": body["form"] = "tunai"; body["valuePerPerson"] = 0; break;
            case "volunteer-elsewhere":
                var other = await DistributionTestData.HomeOfAsync(factory, TestUsers.Pengurus(28));
                body["volunteerIds"] = new[] { (await DistributionTestData.VolunteerAsync(factory, other.InstitutionId)).Id };
                break;
            case "locked": lockId = await DistributionTestData.LockAsync(factory, home, factory.Today); break;
        }
        using var client = await factory.CreateApiClientAsync(pengurus);
        var before = await DistributionTestData.CountAsync(factory);
        try
        {
            var (status, problem) = await DistributionTestData.PostAsync(client, body);

            Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status} {problem}");
            var errors = DistributionTestData.Errors(problem, field);
            Assert.True(errors.Any(e => e.Contains(message, StringComparison.Ordinal)), $"{field}: expected '{message}', got {problem}");
            if (@case == "locked")
            {
                Assert.Contains(SemesterLocks.Message(Semester.Of(factory.Today)), errors);
            }
            Assert.Equal(before, await DistributionTestData.CountAsync(factory));
            Assert.Equal(0, await factory.WithDbAsync(db => db.Distributions.IgnoreQueryFilters().CountAsync(d => d.Name == title)));
        }
        finally
        {
            if (lockId is { } report)
            {
                await DistributionTestData.UnlockAsync(factory, report);
            }
            await DistributionTestData.RemoveByTitleAsync(factory, title);
        }
    }

    [ProviderFact]
    public async Task A_value_above_a_hundred_million_is_saved_once_confirmed()
    {
        var pengurus = TestUsers.Pengurus(27);
        var home = await DistributionTestData.HomeOfAsync(factory, pengurus);
        var people = await DistributionTestData.PeopleAsync(factory, home.InstitutionId, 1);
        using var client = await factory.CreateApiClientAsync(pengurus);
        var body = DistributionTestData.Body(null, DistributionTestData.UniqueTitle("Bedah rumah uji"), factory.Today, people.Select(p => p.Id), 150_000_000);
        body["form"] = "bedah-rumah";
        body["confirmLargeValue"] = true;

        var (status, json) = await DistributionTestData.PostAsync(client, body);

        Assert.True(status == HttpStatusCode.Created, json.ToString());
        var id = json.GetProperty("id").GetGuid();
        await DistributionTestData.RemoveAsync(factory, id);
        Assert.Equal(150_000_000L, json.GetProperty("totalValue").GetInt64());
    }

    [ProviderFact]
    public async Task Scope_another_kabupaten_gets_404_another_WKSBM_cannot_record_and_forum_and_partners_see_no_list()
    {
        var pengurus = TestUsers.Pengurus(28);
        var home = await DistributionTestData.HomeOfAsync(factory, pengurus);
        var people = await DistributionTestData.PeopleAsync(factory, home.InstitutionId, 2);
        using var client = await factory.CreateApiClientAsync(pengurus);
        var (status, json) = await DistributionTestData.PostAsync(client, DistributionTestData.Body(null, DistributionTestData.UniqueTitle(), factory.Today, people.Select(p => p.Id)));
        Assert.True(status == HttpStatusCode.Created, json.ToString());
        var id = json.GetProperty("id").GetGuid();
        try
        {
            var otherOffice = TestUsers.DistrictOffices.First(o => o.RegencyCode != home.RegencyCode).UserName;
            using var other = await factory.CreateApiClientAsync(otherOffice);
            using var notFound = await other.GetAsync($"{Url}/{id}");
            Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
            var otherList = await other.GetJsonAsync($"{Url}?institution={home.InstitutionId}");
            Assert.Equal(0, otherList.GetProperty("total").GetInt32());

            var ownOffice = TestUsers.DistrictOffices.Single(o => o.RegencyCode == home.RegencyCode).UserName;
            using var office = await factory.CreateApiClientAsync(ownOffice);
            Assert.Equal(2, (await office.GetJsonAsync($"{Url}/{id}")).GetProperty("people").GetInt32());

            foreach (var outsider in new[] { TestUsers.Forum, "mitra.baznas" })
            {
                using var aggregatesOnly = await factory.CreateApiClientAsync(outsider);
                using var list = await aggregatesOnly.GetAsync(Url);
                using var one = await aggregatesOnly.GetAsync($"{Url}/{id}");
                Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (list.StatusCode, one.StatusCode));
                var (postStatus, _) = await DistributionTestData.PostAsync(aggregatesOnly, DistributionTestData.Body(home.InstitutionId, "x", factory.Today, people.Select(p => p.Id)));
                Assert.Equal(HttpStatusCode.Forbidden, postStatus);
            }

            // Another WKSBM's pengurus may not record for this one.
            var before = await DistributionTestData.CountAsync(factory);
            using var neighbour = await factory.CreateApiClientAsync(TestUsers.Pengurus(29));
            var (forbidden, problem) = await DistributionTestData.PostAsync(neighbour, DistributionTestData.Body(home.InstitutionId, DistributionTestData.UniqueTitle(), factory.Today, people.Select(p => p.Id)));
            Assert.Equal(HttpStatusCode.Forbidden, forbidden);
            Assert.Contains("WKSBM Anda sendiri", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            // Nor slip this WKSBM's people into its own activity: the whole request is refused.
            var (refused, refusal) = await DistributionTestData.PostAsync(neighbour, DistributionTestData.Body(null, DistributionTestData.UniqueTitle(), factory.Today, people.Select(p => p.Id)));
            Assert.Equal(HttpStatusCode.BadRequest, refused);
            Assert.Contains(people[0].Id.ToString(), DistributionTestData.Errors(refusal, "recipientIds")[0], StringComparison.Ordinal);
            Assert.Equal(before, await DistributionTestData.CountAsync(factory));
        }
        finally
        {
            await DistributionTestData.RemoveAsync(factory, id);
        }
    }

    [ProviderFact]
    public async Task The_list_filters_by_period_and_refuses_a_period_it_cannot_read()
    {
        using var client = await factory.CreateApiClientAsync(TestUsers.Pengurus(29));
        using var bad = await client.GetAsync($"{Url}?period=2026-3");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("2026-1", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var previous = Semester.Of(factory.Today).Previous;
        var list = await client.GetJsonAsync($"{Url}?period={previous}&pageSize=200");
        var dates = list.GetProperty("items").EnumerateArray().Select(i => DateOnly.Parse(i.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(dates, d => Assert.True(previous.Contains(d)));
        var home = await DistributionTestData.HomeOfAsync(factory, TestUsers.Pengurus(29));
        var expected = await factory.WithDbAsync(db => db.Distributions.CountAsync(d => d.InstitutionId == home.InstitutionId && d.Date >= previous.Start && d.Date <= previous.End));
        Assert.Equal(expected, list.GetProperty("total").GetInt32());
        Assert.Equal(expected, dates.Count);
    }
}

[Collection(OnSqlite.Name)]
public sealed class DistributionsApiTestsOnSqlite(SqliteFixture app) : DistributionsApiTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class DistributionsApiTestsOnPostgres(PostgresFixture app) : DistributionsApiTests(app.Factory);
