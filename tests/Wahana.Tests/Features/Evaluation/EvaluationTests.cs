using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Wahana.Tests.Support;
using Wahana.Web.Domain;
using Wahana.Web.Features.Evaluation;

namespace Wahana.Tests.Features.Evaluation;

/// <summary>
/// /evaluasi, its card, its export and GET /api/v1/evaluation over the demo province. Tests write only into the WKSBM
/// of pengurus.02-04 (Kulon Progo) and pengurus.76-80 (Kota Yogyakarta), and remove what they wrote.
/// Scope decided here: a pengurus sees its own WKSBM's row and, on its card, the peers of its kabupaten/kota with
/// WKSBM-level figures (not personal data; their people counts below 5 hidden) and no link to their profiles.
/// </summary>
public abstract class EvaluationTests(WahanaFactory factory)
{
    private sealed record Home(Guid Id, string Name, string RegencyCode);

    private Task<Home> HomeOfAsync(string userName) => factory.WithDbAsync(async db =>
    {
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.ScopeInstitutionId).SingleAsync();
        return await db.Institutions.Where(i => i.Id == id).Select(i => new Home(i.Id, i.Name, i.RegencyCode)).SingleAsync();
    });

    private Semester LastComplete => Semester.Of(factory.Today).Previous;

    /// <summary>Services generated at random (seeded) for people of the WKSBM in the semester, one deleted; their ids.</summary>
    private Task<List<Guid>> GenerateAsync(Home home, Semester semester, int seed, int people, int services) => factory.WithDbAsync(async db =>
    {
        var random = new Random(seed);
        var persons = await db.Beneficiaries.Where(b => b.InstitutionId == home.Id).OrderBy(b => b.Id).Select(b => b.Id).Take(people).ToListAsync();
        var volunteers = await db.Volunteers.Where(v => v.InstitutionId == home.Id).Select(v => v.Id).ToListAsync();
        var days = semester.End.DayNumber - semester.Start.DayNumber;
        var created = new List<Service>();
        for (var i = 0; i < services; i++)
        {
            var service = new Service
            {
                BeneficiaryId = persons[random.Next(persons.Count)], InstitutionId = home.Id, RegencyCode = home.RegencyCode,
                Date = semester.Start.AddDays(random.Next(days + 1)), Kind = (ServiceKind)random.Next(4),
                Form = (ServiceForm)random.Next(Enum.GetValues<ServiceForm>().Length),
                FundingSource = (FundingSource)random.Next(Enum.GetValues<FundingSource>().Length),
                ValueRupiah = random.Next(0, 40) * 25_000, RecordedBy = "uji-evaluasi",
                DeletedAt = i == 0 ? DateTimeOffset.UtcNow : null, DeletedBy = i == 0 ? "uji-evaluasi" : null, DeletionReason = i == 0 ? "uji" : null,
            };
            if (volunteers.Count > 0 && random.Next(3) == 0)
            {
                service.Volunteers.Add(new ServiceVolunteer { ServiceId = service.Id, VolunteerId = volunteers[random.Next(volunteers.Count)] });
            }
            created.Add(service);
        }
        db.AuditDisabled = true;
        db.Services.AddRange(created);
        await db.SaveChangesAsync();
        return created.Select(s => s.Id).ToList();
    });

    private Task<int> RemoveAsync(List<Guid> ids) => factory.WithDbAsync(async db =>
    {
        await db.ServiceVolunteers.IgnoreQueryFilters().Where(v => ids.Contains(v.ServiceId)).ExecuteDeleteAsync();
        return await db.Services.IgnoreQueryFilters().Where(s => ids.Contains(s.Id)).ExecuteDeleteAsync();
    });

    private sealed record Direct(int People, int Categories, long RupiahPerPerson, int Funding, int Volunteers);

    /// <summary>The indicators counted straight from the service records.</summary>
    private Task<Direct> DirectAsync(Home home, Semester semester) => factory.WithDbAsync(async db =>
    {
        var services = await db.Services.Where(s => s.InstitutionId == home.Id && s.Date >= semester.Start && s.Date <= semester.End)
            .Select(s => new { s.Id, s.BeneficiaryId, s.ValueRupiah, s.FundingSource }).ToListAsync();
        var people = services.Select(s => s.BeneficiaryId).Distinct().ToList();
        var categories = await db.BeneficiaryCategories.IgnoreQueryFilters().Where(c => people.Contains(c.BeneficiaryId)).Select(c => c.CategoryId).Distinct().CountAsync();
        var ids = services.Select(s => s.Id).ToList();
        var volunteers = await db.ServiceVolunteers.Where(v => ids.Contains(v.ServiceId)).Select(v => v.VolunteerId).Distinct().CountAsync();
        return new Direct(people.Count, categories, people.Count == 0 ? 0 : services.Sum(s => s.ValueRupiah) / people.Count,
            services.Select(s => s.FundingSource).Distinct().Count(), volunteers);
    });

    private static JsonElement RowOf(JsonElement result, Guid id) =>
        result.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("institutionId").GetGuid() == id);

    [ProviderFact]
    public async Task Indicators_equal_a_direct_count_of_the_service_records()
    {
        var home = await HomeOfAsync(TestUsers.Pengurus(3));
        var semester = LastComplete;
        var ids = await GenerateAsync(home, semester, seed: 6_03, people: 25, services: 60);
        try
        {
            var direct = await DirectAsync(home, semester);
            Assert.True(direct.People >= 10, $"generated services reach {direct.People} people");
            using var api = await factory.CreateApiClientAsync(TestUsers.Admin);
            var row = RowOf(await api.GetJsonAsync($"/api/v1/evaluation?period={semester}"), home.Id);
            Assert.Equal(direct.People, row.GetProperty("peopleServed").GetInt32());
            Assert.Equal(direct.People is >= 30 and <= 80, row.GetProperty("inBand").GetBoolean());
            Assert.Equal(direct.Categories, row.GetProperty("categoriesCovered").GetInt32());
            Assert.Equal(direct.RupiahPerPerson, row.GetProperty("rupiahPerPerson").GetInt64());
            Assert.Equal(direct.Funding, row.GetProperty("fundingSources").GetInt32());
            Assert.Equal(direct.Volunteers, row.GetProperty("activeVolunteers").GetInt32());

            // The page shows the same figure in the WKSBM's row.
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.DinsosKulonProgo);
            var html = await client.GetStringAsync($"/evaluasi?periode={semester}");
            var rowHtml = html[html.IndexOf($"data-id=\"{home.Id}\"", StringComparison.Ordinal)..];
            Assert.Equal(direct.People.ToString(System.Globalization.CultureInfo.GetCultureInfo("id-ID")),
                HttpHelpers.TestIdText(rowHtml, "people-served"));
        }
        finally
        {
            await RemoveAsync(ids);
        }
    }

    [ProviderFact]
    public async Task The_medians_are_those_of_the_rows_of_each_kabupaten_and_of_the_province()
    {
        using var api = await factory.CreateApiClientAsync(TestUsers.Admin);
        var result = await api.GetJsonAsync($"/api/v1/evaluation?period={LastComplete}");
        var items = result.GetProperty("items").EnumerateArray().ToList();
        var active = await factory.WithDbAsync(db => db.Institutions.CountAsync(i => i.Status != InstitutionStatus.TidakAktif));
        Assert.Equal(active, items.Count);
        static decimal Median(IEnumerable<decimal> values) => EvaluationMedians.Median(values);
        foreach (var regency in result.GetProperty("regencies").EnumerateArray())
        {
            var rows = items.Where(i => i.GetProperty("regencyCode").GetString() == regency.GetProperty("code").GetString()).ToList();
            var medians = regency.GetProperty("medians");
            Assert.Equal(rows.Count, medians.GetProperty("institutions").GetInt32());
            Assert.Equal(Median(rows.Select(r => (decimal)r.GetProperty("peopleServed").GetInt32())), medians.GetProperty("peopleServed").GetDecimal());
            Assert.Equal(Median(rows.Select(r => (decimal)r.GetProperty("activeVolunteers").GetInt32())), medians.GetProperty("volunteers").GetDecimal());
            Assert.Equal(rows.Count(r => r.GetProperty("inBand").GetBoolean()), medians.GetProperty("inBand").GetInt32());
        }
        Assert.Equal(Median(items.Select(r => (decimal)r.GetProperty("categoriesCovered").GetInt32())),
            result.GetProperty("province").GetProperty("categories").GetDecimal());
        Assert.Equal(5, result.GetProperty("regencies").GetArrayLength());
    }

    [ProviderFact]
    public async Task The_card_names_the_best_peers_of_its_kabupaten_for_each_weak_indicator()
    {
        var home = await HomeOfAsync(TestUsers.Pengurus(77));
        using var api = await factory.CreateApiClientAsync(TestUsers.Admin);
        var result = await api.GetJsonAsync($"/api/v1/evaluation?period={LastComplete}&regency={home.RegencyCode}");
        var rows = result.GetProperty("items").EnumerateArray().ToList();
        var self = RowOf(result, home.Id);
        var weak = self.GetProperty("weak").EnumerateArray().Select(w => w.GetString()!).ToList();

        using var client = await factory.CreateLoggedInClientAsync(TestUsers.DinsosYogyakarta);
        var html = await client.GetStringAsync($"/evaluasi/{home.Id}?periode={LastComplete}");
        Assert.Contains(home.Name, html, StringComparison.Ordinal);
        foreach (var code in Indicators.All)
        {
            Assert.Equal(weak.Contains(code), html.Contains($"data-testid=\"learn-{code}\"", StringComparison.Ordinal));
        }
        var volunteers = self.GetProperty("activeVolunteers").GetInt32();
        if (weak.Contains(Indicators.Volunteers))
        {
            var expected = rows.Where(r => r.GetProperty("activeVolunteers").GetInt32() > volunteers)
                .OrderByDescending(r => r.GetProperty("activeVolunteers").GetInt32()).ThenBy(r => r.GetProperty("name").GetString(), StringComparer.Ordinal)
                .Take(3).Select(r => r.GetProperty("institutionId").GetGuid().ToString()).ToList();
            var section = html[html.IndexOf("data-testid=\"learn-relawan\"", StringComparison.Ordinal)..];
            section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
            var named = System.Text.RegularExpressions.Regex.Matches(section, "data-testid=\"peer\" data-id=\"([0-9a-f-]+)\"").Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(expected, named);
            Assert.Contains($"href=\"/wksbm/{expected[0]}\"", section, StringComparison.Ordinal);
        }
        Assert.Contains("Lemah bila di luar rentang 30-80", html, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task A_district_officer_sees_only_its_kabupaten_and_another_kabupatens_card_is_404()
    {
        var other = await HomeOfAsync(TestUsers.Pengurus(78));
        using var api = await factory.CreateApiClientAsync(TestUsers.DinsosKulonProgo);
        var result = await api.GetJsonAsync($"/api/v1/evaluation?period={LastComplete}");
        var items = result.GetProperty("items").EnumerateArray().ToList();
        var expected = await factory.WithDbAsync(db => db.Institutions.CountAsync(i => i.RegencyCode == "34.01" && i.Status != InstitutionStatus.TidakAktif));
        Assert.Equal(expected, items.Count);
        Assert.All(items, i => Assert.Equal("34.01", i.GetProperty("regencyCode").GetString()));
        // The province's median is a figure of WKSBM, not of people: the officer compares with it.
        Assert.True(result.GetProperty("province").GetProperty("institutions").GetInt32() > expected);
        Assert.Empty((await api.GetJsonAsync($"/api/v1/evaluation?period={LastComplete}&regency=34.71")).GetProperty("items").EnumerateArray());

        using var client = await factory.CreateLoggedInClientAsync(TestUsers.DinsosKulonProgo);
        using var card = await client.GetAsync($"/evaluasi/{other.Id}");
        Assert.Equal(HttpStatusCode.NotFound, card.StatusCode);
        var page = await client.GetStringAsync("/evaluasi");
        Assert.DoesNotContain(other.Name, page, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task A_pengurus_sees_its_own_row_and_its_kabupatens_peers_without_their_profiles()
    {
        var home = await HomeOfAsync(TestUsers.Pengurus(2));
        var neighbour = await HomeOfAsync(TestUsers.Pengurus(4));
        using var api = await factory.CreateApiClientAsync(TestUsers.Pengurus(2));
        var result = await api.GetJsonAsync($"/api/v1/evaluation?period={LastComplete}");
        Assert.Equal([home.Id], result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("institutionId").GetGuid()));

        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(2));
        using var own = await client.GetAsync($"/evaluasi/{home.Id}?periode={LastComplete}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var html = await own.Content.ReadAsStringAsync();
        Assert.DoesNotContain("href=\"/wksbm/", html.Replace($"href=\"/wksbm/{home.Id}", "", StringComparison.Ordinal), StringComparison.Ordinal);
        using var other = await client.GetAsync($"/evaluasi/{neighbour.Id}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [ProviderFact]
    public async Task The_forum_sees_WKSBM_figures_only_with_counts_below_5_hidden()
    {
        var home = await HomeOfAsync(TestUsers.Pengurus(79));
        var semester = new Semester(2019, 1);
        var ids = await GenerateAsync(home, semester, seed: 6_79, people: 3, services: 6);
        try
        {
            var direct = await DirectAsync(home, semester);
            Assert.InRange(direct.People, 1, 4);
            using var forum = await factory.CreateApiClientAsync(TestUsers.Forum);
            var result = await forum.GetJsonAsync($"/api/v1/evaluation?period={semester}");
            var row = RowOf(result, home.Id);
            Assert.Equal(JsonValueKind.Null, row.GetProperty("peopleServed").ValueKind);
            Assert.Equal(JsonValueKind.Null, row.GetProperty("rupiahPerPerson").ValueKind);
            Assert.Equal(5, result.GetProperty("suppressedBelow").GetInt32());
            var names = await factory.WithDbAsync(db => db.Beneficiaries.Where(b => b.InstitutionId == home.Id).OrderBy(b => b.Id).Select(b => b.Name).Take(20).ToListAsync());
            var text = result.GetRawText();
            Assert.DoesNotContain(names, n => text.Contains(n, StringComparison.Ordinal));

            using var admin = await factory.CreateApiClientAsync(TestUsers.Admin);
            Assert.Equal(direct.People, RowOf(await admin.GetJsonAsync($"/api/v1/evaluation?period={semester}"), home.Id).GetProperty("peopleServed").GetInt32());
            // Its own board sees its own exact count.
            using var own = await factory.CreateApiClientAsync(TestUsers.Pengurus(79));
            Assert.Equal(direct.People, RowOf(await own.GetJsonAsync($"/api/v1/evaluation?period={semester}"), home.Id).GetProperty("peopleServed").GetInt32());

            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Forum);
            var page = await client.GetStringAsync($"/evaluasi?periode={semester}");
            var rowHtml = page[page.IndexOf($"data-id=\"{home.Id}\"", StringComparison.Ordinal)..];
            Assert.Equal("<5", HttpHelpers.TestIdText(rowHtml, "people-served"));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/evaluasi/{home.Id}?periode={semester}")).StatusCode);
        }
        finally
        {
            await RemoveAsync(ids);
        }
    }

    [ProviderFact]
    public async Task Volunteers_and_partners_are_refused()
    {
        var home = await HomeOfAsync(TestUsers.Pengurus(80));
        var volunteer = await factory.CreateUserAsync(WahanaRole.Relawan, institutionId: home.Id);
        using var relawan = await factory.CreateApiClientAsync(volunteer, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await relawan.GetAsync("/api/v1/evaluation")).StatusCode);
        using var mitra = await factory.CreateApiClientAsync("mitra.baznas");
        Assert.Equal(HttpStatusCode.Forbidden, (await mitra.GetAsync("/api/v1/evaluation")).StatusCode);
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/evaluation")).StatusCode);
        using var page = factory.CreateBrowserLikeClient();
        using var response = await page.GetAsync("/evaluasi");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [ProviderTheory]
    [InlineData("period=2026-3", "period")]
    [InlineData("period=kemarin", "period")]
    [InlineData("period=2999-1", "period")]
    [InlineData("regency=34.99", "regency")]
    public async Task Bad_input_is_a_field_error(string query, string field)
    {
        using var api = await factory.CreateApiClientAsync(TestUsers.Admin);
        using var response = await api.GetAsync("/api/v1/evaluation?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = problem.RootElement.GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.Equal(field == "period" ? EvaluationQuery.PeriodMessage : EvaluationQuery.RegencyMessage, message);

        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
        var html = await client.GetStringAsync("/evaluasi?" + query.Replace("period=", "periode=", StringComparison.Ordinal).Replace("regency=", "kabupaten=", StringComparison.Ordinal));
        Assert.Contains("data-testid=\"query-errors\"", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{LastComplete}\" selected=\"selected\">", html, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task The_export_holds_the_table_with_formula_text_neutralised_and_is_audited()
    {
        var home = await HomeOfAsync(TestUsers.Pengurus(76));
        var formula = "=HYPERLINK(\"http://contoh.id\")";
        await factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == home.Id).ExecuteUpdateAsync(i => i.SetProperty(x => x.Name, formula)));
        try
        {
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.DinsosYogyakarta);
            var before = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == ExportModel.AuditAction));
            using var response = await client.GetAsync($"/evaluasi/ekspor?periode={LastComplete}&urut=relawan&arah=turun");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(ExportModel.ContentType, response.Content.Headers.ContentType?.MediaType);
            using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
            var rows = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(ExportModel.Headers, rows[0].Keys);
            using var api = await factory.CreateApiClientAsync(TestUsers.DinsosYogyakarta);
            var items = (await api.GetJsonAsync($"/api/v1/evaluation?period={LastComplete}&sort=relawan&direction=turun")).GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(items.Count, rows.Count);
            Assert.Equal(items.Select(i => i.GetProperty("activeVolunteers").GetInt32()), rows.Select(r => Convert.ToInt32(r["Relawan aktif"], System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Contains(rows, r => (string?)r["Nama WKSBM"] == "'" + formula);
            Assert.All(rows, r => Assert.Equal("Kota Yogyakarta", r["Kabupaten/Kota"]));
            var after = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == ExportModel.AuditAction).ToListAsync());
            Assert.Equal(before + 1, after.Count);
            Assert.Contains(after, a => a.UserName == TestUsers.DinsosYogyakarta && a.NewValues!.Contains(LastComplete.ToString(), StringComparison.Ordinal));
        }
        finally
        {
            await factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == home.Id).ExecuteUpdateAsync(i => i.SetProperty(x => x.Name, home.Name)));
        }
    }
}

[Collection(OnSqlite.Name)]
public sealed class EvaluationTestsOnSqlite(SqliteFixture app) : EvaluationTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class EvaluationTestsOnPostgres(PostgresFixture app) : EvaluationTests(app.Factory);
