using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;
using Wahana.Web.Features.Reports;

namespace Wahana.Tests.Features.Dashboard;

/// <summary>
/// /dasbor and GET /api/v1/dashboard: the figures agree with <see cref="ServedFiguresQuery"/> and with a direct count
/// of the service records (random services generated with a fixed seed in the WKSBM of pengurus.05 to pengurus.09,
/// the only ones these tests write into), each user sees their own scope, the forum sees small counts hidden.
/// </summary>
public abstract class DashboardTests(WahanaFactory factory)
{
    private const string Url = "/api/v1/dashboard";

    private static readonly int[] OurPengurus = [5, 6, 7, 8, 9];

    /// <summary>A semester long past, empty in the demo: the tests put a handful of services there.</summary>
    private static readonly Semester Quiet = new(2003, 1);

    private sealed record Home(Guid InstitutionId, string RegencyCode, string Pengurus);

    private sealed record Counted(Guid Id, Guid BeneficiaryId, Guid InstitutionId, string RegencyCode, ServiceKind Kind, FundingSource Funding, long Rupiah);

    /// <summary>The figures counted straight from the service rows, with an age computed independently.</summary>
    private sealed record Direct(
        int People, int Services, long Rupiah, Dictionary<string, int> ByCategory, Dictionary<string, int> BySex,
        Dictionary<string, int> ByAge, Dictionary<string, (int Services, long Rupiah)> ByKind, Dictionary<string, (int Services, long Rupiah)> ByFunding);

    [ProviderFact]
    public async Task Random_services_give_the_same_figures_in_the_api_the_served_figures_and_a_direct_count()
    {
        var semester = Semester.Of(factory.Today).Previous;
        var homes = await HomesAsync();
        var (services, distributions) = await GenerateAsync(homes, semester, seed: 20260601, count: 160);
        try
        {
            using var admin = await factory.CreateApiClientAsync(TestUsers.Admin);
            var all = await admin.GetJsonAsync($"{Url}?period={semester}");
            var direct = await DirectAsync(semester, s => true);
            var compiled = await factory.WithDbAsync(db => new ServedFiguresQuery(db).LoadAsync(semester, null, null, CancellationToken.None));
            AssertAgree(direct, compiled.Total, all);
            Assert.True(direct.ByKind.Count >= 4 && direct.ByFunding.Count >= 4, "the generated services cover several kinds and funding sources");
            Assert.Equal(direct.People, Trend(all, semester));
            // The earlier semesters of the trend are counted by one grouped query: it counts as LoadAsync does.
            var earlier = semester.Previous;
            var perSemester = await factory.WithDbAsync(db => new ServedFiguresQuery(db).PeopleServedPerSemesterAsync(earlier.Previous, semester, null, null, CancellationToken.None));
            Assert.Equal(direct.People, perSemester[semester]);
            var earlierCompiled = await factory.WithDbAsync(db => new ServedFiguresQuery(db).LoadAsync(earlier, null, null, CancellationToken.None));
            Assert.Equal(earlierCompiled.Total.PeopleServed, perSemester.GetValueOrDefault(earlier));
            Assert.Equal(earlierCompiled.Total.PeopleServed, all.GetProperty("trend")[4].GetProperty("peopleServed").GetInt32());
            Assert.Equal(compiled.Total.ActiveVolunteers, all.GetProperty("totals").GetProperty("activeVolunteers").GetInt32());
            Assert.Equal(compiled.Total.Activities, all.GetProperty("totals").GetProperty("activities").GetInt32());
            Assert.False(all.GetProperty("suppressed").GetBoolean());

            // Side by side: each kabupaten/kota's row is that kabupaten's own count.
            foreach (var row in all.GetProperty("regencies").EnumerateArray())
            {
                var code = row.GetProperty("code").GetString()!;
                var ofRegency = await DirectAsync(semester, s => s.RegencyCode == code);
                Assert.Equal((ofRegency.People, ofRegency.Services, ofRegency.Rupiah),
                    (row.GetProperty("peopleServed").GetInt32(), row.GetProperty("services").GetInt32(), row.GetProperty("rupiah").GetInt64()));
            }
            // The map: people per kapanewon of the serving WKSBM add up to at least everyone (a person served in two counts twice).
            var districts = all.GetProperty("districts").EnumerateArray().ToList();
            Assert.Equal(78, districts.Count);
            Assert.Equal(direct.Services, districts.Sum(d => d.GetProperty("services").GetInt32()));
            Assert.True(districts.Sum(d => d.GetProperty("peopleServed").GetInt32()) >= direct.People);

            // One WKSBM through its board's eyes, and its kabupaten through the district office's.
            var home = homes[0];
            using var pengurus = await factory.CreateApiClientAsync(home.Pengurus);
            var own = await pengurus.GetJsonAsync($"{Url}?period={semester}");
            var ownCompiled = await factory.WithDbAsync(db => new ServedFiguresQuery(db).LoadAsync(semester, null, home.InstitutionId, CancellationToken.None));
            AssertAgree(await DirectAsync(semester, s => s.InstitutionId == home.InstitutionId), ownCompiled.Total, own);
            Assert.Equal(ownCompiled.Total.PeopleServed, Trend(own, semester));

            var officer = TestUsers.DistrictOffices.Single(d => d.RegencyCode == home.RegencyCode).UserName;
            using var district = await factory.CreateApiClientAsync(officer);
            var regency = await district.GetJsonAsync($"{Url}?period={semester}");
            var regencyCompiled = await factory.WithDbAsync(db => new ServedFiguresQuery(db).LoadAsync(semester, home.RegencyCode, null, CancellationToken.None));
            AssertAgree(await DirectAsync(semester, s => s.RegencyCode == home.RegencyCode), regencyCompiled.Total, regency);
            Assert.Equal(regencyCompiled.Total.PeopleServed, Trend(regency, semester));
            var regencyCount = await factory.WithDbAsync(db => new ServedFiguresQuery(db).PeopleServedPerSemesterAsync(semester, semester, home.RegencyCode, null, CancellationToken.None));
            var ownCount = await factory.WithDbAsync(db => new ServedFiguresQuery(db).PeopleServedPerSemesterAsync(semester, semester, null, home.InstitutionId, CancellationToken.None));
            Assert.Equal((regencyCompiled.Total.PeopleServed, ownCompiled.Total.PeopleServed), (regencyCount[semester], ownCount[semester]));

            // The page shows the same totals.
            using var browser = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
            var html = await browser.GetStringAsync($"/dasbor?periode={semester}");
            Assert.Contains($"data-testid=\"total-people\">{direct.People.ToString("N0", Id)}<", html, StringComparison.Ordinal);
            Assert.Contains($"data-testid=\"total-services\">{direct.Services.ToString("N0", Id)}<", html, StringComparison.Ordinal);
            Assert.Contains($"data-testid=\"total-rupiah\">{Rupiah.Format(direct.Rupiah)}<", html, StringComparison.Ordinal);
        }
        finally
        {
            await RemoveAsync(services, distributions);
        }
    }

    [ProviderFact]
    public async Task A_district_officer_sees_only_their_kabupaten_and_a_pengurus_only_its_wksbm()
    {
        var homes = await HomesAsync();
        var home = homes[0];
        var (services, distributions) = await GenerateAsync(homes, Quiet, seed: 7, count: 40);
        try
        {
            var officer = TestUsers.DistrictOffices.Single(d => d.RegencyCode == home.RegencyCode).UserName;
            var other = TestUsers.DistrictOffices.First(d => d.RegencyCode != home.RegencyCode).RegencyCode;
            using var district = await factory.CreateApiClientAsync(officer);
            var figures = await district.GetJsonAsync($"{Url}?period={Quiet}");
            var expected = await DirectAsync(Quiet, s => s.RegencyCode == home.RegencyCode);
            Assert.Equal(home.RegencyCode, figures.GetProperty("regency").GetString());
            Assert.Equal(expected.People, figures.GetProperty("totals").GetProperty("peopleServed").GetInt32());
            Assert.Equal(expected.Rupiah, figures.GetProperty("totals").GetProperty("rupiah").GetInt64());
            Assert.Empty(figures.GetProperty("regencies").EnumerateArray());
            Assert.All(figures.GetProperty("districts").EnumerateArray(), d => Assert.StartsWith(home.RegencyCode + ".", d.GetProperty("code").GetString(), StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.NotFound, (await district.GetAsync($"{Url}?period={Quiet}&regency={other}")).StatusCode);
            Assert.Equal(home.RegencyCode, (await district.GetJsonAsync($"{Url}?period={Quiet}&regency={home.RegencyCode}")).GetProperty("regency").GetString());

            using var pengurus = await factory.CreateApiClientAsync(home.Pengurus);
            var own = await pengurus.GetJsonAsync($"{Url}?period={Quiet}");
            var ownExpected = await DirectAsync(Quiet, s => s.InstitutionId == home.InstitutionId);
            Assert.True(ownExpected.People < expected.People, "the kabupaten holds more than the one WKSBM");
            Assert.Equal(home.InstitutionId, own.GetProperty("institutionId").GetGuid());
            Assert.Equal(ownExpected.People, own.GetProperty("totals").GetProperty("peopleServed").GetInt32());
            Assert.Equal(ownExpected.Services, own.GetProperty("totals").GetProperty("services").GetInt32());
            Assert.Equal(1, own.GetProperty("totals").GetProperty("institutions").GetInt32());
            Assert.Equal(HttpStatusCode.NotFound, (await pengurus.GetAsync($"{Url}?period={Quiet}&regency={other}")).StatusCode);

            using var browser = await factory.CreateLoggedInClientAsync(officer);
            var html = await browser.GetStringAsync($"/dasbor?periode={Quiet}&kabupaten={other}");
            Assert.Contains($"data-testid=\"total-people\">{expected.People.ToString("N0", Id)}<", html, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"regency-", html, StringComparison.Ordinal);
            Assert.DoesNotContain($"data-testid=\"district-{other}.", html, StringComparison.Ordinal);
        }
        finally
        {
            await RemoveAsync(services, distributions);
        }
    }

    [ProviderFact]
    public async Task The_forum_sees_counts_below_five_hidden_in_the_api_and_on_the_page()
    {
        var homes = await HomesAsync();
        // Three people in one WKSBM in an otherwise empty semester: every count of people is 1-4.
        var (services, distributions) = await GenerateAsync([homes[1]], Quiet, seed: 11, count: 3, people: 3);
        try
        {
            using var admin = await factory.CreateApiClientAsync(TestUsers.Admin);
            var open = await admin.GetJsonAsync($"{Url}?period={Quiet}");
            var people = open.GetProperty("totals").GetProperty("peopleServed").GetInt32();
            Assert.InRange(people, 1, 4);

            using var forum = await factory.CreateApiClientAsync(TestUsers.Forum);
            var hidden = await forum.GetJsonAsync($"{Url}?period={Quiet}");
            Assert.True(hidden.GetProperty("suppressed").GetBoolean());
            Assert.Equal(JsonValueKind.Null, hidden.GetProperty("totals").GetProperty("peopleServed").ValueKind);
            Assert.Equal(JsonValueKind.Null, hidden.GetProperty("totals").GetProperty("services").ValueKind);
            Assert.Equal(open.GetProperty("totals").GetProperty("rupiah").GetInt64(), hidden.GetProperty("totals").GetProperty("rupiah").GetInt64());
            // Every count the admin sees as 1-4 the forum gets as null; every other count the same.
            foreach (var list in new[] { "bySex", "byAgeGroup", "byCategory", "trend", "regencies", "districts" })
            {
                var a = open.GetProperty(list).EnumerateArray().ToList();
                var h = hidden.GetProperty(list).EnumerateArray().ToList();
                Assert.Equal(a.Count, h.Count);
                for (var i = 0; i < a.Count; i++)
                {
                    var value = a[i].GetProperty("peopleServed").GetInt32();
                    if (value is > 0 and < 5)
                    {
                        Assert.Equal(JsonValueKind.Null, h[i].GetProperty("peopleServed").ValueKind);
                    }
                    else
                    {
                        Assert.Equal(value, h[i].GetProperty("peopleServed").GetInt32());
                    }
                }
            }
            Assert.Contains(hidden.GetProperty("byKind").EnumerateArray(), k => k.GetProperty("services").ValueKind == JsonValueKind.Null);

            using var browser = await factory.CreateLoggedInClientAsync(TestUsers.Forum);
            var html = await browser.GetStringAsync($"/dasbor?periode={Quiet}");
            Assert.Contains("data-testid=\"total-people\">&lt;5<", html, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"suppressed-note\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain($"data-testid=\"total-people\">{people}<", html, StringComparison.Ordinal);
        }
        finally
        {
            await RemoveAsync(services, distributions);
        }
    }

    [ProviderTheory]
    [InlineData("period=2026-3", "period")]
    [InlineData("period=abc", "period")]
    [InlineData("", "period")]
    [InlineData("period=2026-1&regency=99.99", "regency")]
    public async Task A_period_or_regency_it_cannot_read_is_a_400_with_the_field(string query, string field)
    {
        using var client = await factory.CreateApiClientAsync(TestUsers.Admin);
        using var response = await client.GetAsync($"{Url}?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        var errors = json.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), body);
        Assert.Contains(field == "period" ? "2026-1" : "34.02", messages[0].GetString(), StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task The_page_draws_each_chart_from_its_table_and_loads_the_map_boundaries_from_the_app()
    {
        using var browser = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
        var html = await browser.GetStringAsync("/dasbor");
        foreach (var table in new[] { "tabel-tren", "tabel-jenis", "tabel-rentang", "tabel-kabupaten" })
        {
            Assert.Contains($"data-table=\"{table}\" role=\"img\"", html, StringComparison.Ordinal);
            Assert.Contains($"<table id=\"{table}\"", html, StringComparison.Ordinal);
        }
        Assert.Contains("href=\"/dasbor\"", html, StringComparison.Ordinal);
        Assert.Contains("/lib/chart.js/chart.umd.min.js", html, StringComparison.Ordinal);
        using var boundaries = await browser.GetAsync("/data/diy-kecamatan.geojson");
        Assert.Equal(HttpStatusCode.OK, boundaries.StatusCode);
        using var geo = JsonDocument.Parse(await boundaries.Content.ReadAsStringAsync());
        Assert.Equal(78, geo.RootElement.GetProperty("features").GetArrayLength());
        Assert.Equal("34.01.01", geo.RootElement.GetProperty("features")[0].GetProperty("properties").GetProperty("code").GetString());
    }

    private static readonly System.Globalization.CultureInfo Id = System.Globalization.CultureInfo.GetCultureInfo("id-ID");

    private static int? Trend(JsonElement figures, Semester semester)
    {
        var points = figures.GetProperty("trend").EnumerateArray().ToList();
        Assert.Equal(6, points.Count);
        Assert.Equal(semester.ToString(), points[^1].GetProperty("period").GetString());
        return points[^1].GetProperty("peopleServed").GetInt32();
    }

    private static void AssertAgree(Direct direct, ServedFigures compiled, JsonElement api)
    {
        var totals = api.GetProperty("totals");
        Assert.Equal((direct.People, direct.Services, direct.Rupiah), (compiled.PeopleServed, compiled.Total.Services, compiled.Total.Rupiah));
        Assert.Equal((direct.People, direct.Services, direct.Rupiah),
            (totals.GetProperty("peopleServed").GetInt32(), totals.GetProperty("services").GetInt32(), totals.GetProperty("rupiah").GetInt64()));
        Assert.Equal(Sorted(direct.ByCategory), Sorted(compiled.PeopleByCategory.Where(c => c.Value > 0).ToDictionary(c => c.Key, c => c.Value)));
        Assert.Equal(Sorted(direct.ByCategory), Sorted(People(api, "byCategory")));
        Assert.Equal(Sorted(direct.BySex), Sorted(compiled.PeopleBySex.Where(s => s.Value > 0).ToDictionary(s => Slug.Of(s.Key), s => s.Value)));
        Assert.Equal(Sorted(direct.BySex), Sorted(People(api, "bySex")));
        Assert.Equal(Sorted(direct.ByAge), Sorted(People(api, "byAgeGroup")));
        Assert.Equal(direct.People, direct.ByAge.Values.Sum());
        Assert.Equal(Sorted(direct.ByKind), Sorted(Money(api, "byKind")));
        Assert.Equal(Sorted(direct.ByKind), Sorted(compiled.ByKind.Where(k => k.Value.Services > 0).ToDictionary(k => Slug.Of(k.Key), k => (k.Value.Services, k.Value.Rupiah))));
        Assert.Equal(Sorted(direct.ByFunding), Sorted(Money(api, "byFunding")));
    }

    private static List<KeyValuePair<string, T>> Sorted<T>(Dictionary<string, T> values) => [.. values.OrderBy(v => v.Key, StringComparer.Ordinal)];

    private static Dictionary<string, int> People(JsonElement api, string list) => api.GetProperty(list).EnumerateArray()
        .Where(e => e.GetProperty("peopleServed").GetInt32() > 0)
        .ToDictionary(e => e.GetProperty("code").GetString()!, e => e.GetProperty("peopleServed").GetInt32());

    private static Dictionary<string, (int, long)> Money(JsonElement api, string list) => api.GetProperty(list).EnumerateArray()
        .Where(e => e.GetProperty("services").GetInt32() > 0)
        .ToDictionary(e => e.GetProperty("code").GetString()!, e => (e.GetProperty("services").GetInt32(), e.GetProperty("rupiah").GetInt64()));

    /// <summary>The semester's figures counted from the rows: services not deleted, people distinct, their age on the last day.</summary>
    private Task<Direct> DirectAsync(Semester semester, Func<Counted, bool> where) => factory.WithDbAsync(async db =>
    {
        var (start, end) = (semester.Start, semester.End);
        var rows = (await db.Services.AsNoTracking().Where(s => s.Date >= start && s.Date <= end)
            .Select(s => new Counted(s.Id, s.BeneficiaryId, s.InstitutionId, s.RegencyCode, s.Kind, s.FundingSource, s.ValueRupiah)).ToListAsync())
            .Where(where).ToList();
        var ids = rows.Select(r => r.BeneficiaryId).Distinct().ToList();
        var people = await db.Beneficiaries.IgnoreQueryFilters().AsNoTracking().Where(b => ids.Contains(b.Id))
            .Select(b => new { b.Id, b.Sex, b.BirthDate, Categories = b.Categories.Select(c => c.CategoryId).ToList() }).ToListAsync();
        string AgeGroup(DateOnly birth)
        {
            // The semester ends on 30 June or 31 December: a birthday after that day in the year is not reached yet.
            var age = end.Year - birth.Year - (birth.Month > end.Month || (birth.Month == end.Month && birth.Day > end.Day) ? 1 : 0);
            return age switch { <= 5 => "0-5", <= 17 => "6-17", <= 59 => "18-59", _ => "60+" };
        }
        var slugs = PpksCategory.All.ToDictionary(c => c.Id, c => c.Slug);
        return new Direct(
            ids.Count, rows.Count, rows.Sum(r => r.Rupiah),
            people.SelectMany(p => p.Categories.Distinct()).GroupBy(c => slugs[c]).ToDictionary(g => g.Key, g => g.Count()),
            people.GroupBy(p => Slug.Of(p.Sex)).ToDictionary(g => g.Key, g => g.Count()),
            people.GroupBy(p => AgeGroup(p.BirthDate)).ToDictionary(g => g.Key, g => g.Count()),
            rows.GroupBy(r => Slug.Of(r.Kind)).ToDictionary(g => g.Key, g => (g.Count(), g.Sum(r => r.Rupiah))),
            rows.GroupBy(r => Slug.Of(r.Funding)).ToDictionary(g => g.Key, g => (g.Count(), g.Sum(r => r.Rupiah))));
    });

    private Task<List<Home>> HomesAsync() => factory.WithDbAsync(async db =>
    {
        var homes = new List<Home>();
        foreach (var number in OurPengurus)
        {
            var name = TestUsers.Pengurus(number);
            var id = await db.Users.Where(u => u.UserName == name).Select(u => u.ScopeInstitutionId!.Value).SingleAsync();
            var regency = await db.Institutions.Where(i => i.Id == id).Select(i => i.RegencyCode).SingleAsync();
            homes.Add(new Home(id, regency, name));
        }
        return homes;
    });

    /// <summary>
    /// Random services (seeded) in <paramref name="semester"/> for people of the given WKSBM: every kind, form and
    /// funding source, some with volunteers, some grouped into distributions. Returns what to remove afterwards.
    /// </summary>
    private Task<(List<Guid> Services, List<Guid> Distributions)> GenerateAsync(
        IReadOnlyList<Home> homes, Semester semester, int seed, int count, int people = 12) => factory.WithDbAsync(async db =>
    {
        var random = new Random(seed);
        var partner = await db.Partners.OrderBy(p => p.Name).Select(p => p.Id).FirstAsync();
        var until = semester.End < factory.Today ? semester.End : factory.Today;
        var span = until.DayNumber - semester.Start.DayNumber;
        var perHome = new Dictionary<Guid, (List<Guid> People, List<Guid> Volunteers, Distribution? Activity)>();
        var distributions = new List<Guid>();
        foreach (var home in homes)
        {
            var ids = await db.Beneficiaries.AsNoTracking().Where(b => b.InstitutionId == home.InstitutionId)
                .OrderBy(b => b.Id).Select(b => b.Id).Take(people).ToListAsync();
            var volunteers = await db.Volunteers.AsNoTracking().Where(v => v.InstitutionId == home.InstitutionId)
                .OrderBy(v => v.Id).Select(v => v.Id).Take(3).ToListAsync();
            Distribution? activity = null;
            if (count > 10)
            {
                activity = new Distribution
                {
                    InstitutionId = home.InstitutionId, RegencyCode = home.RegencyCode, Name = $"Dasbor uji {seed}",
                    Date = semester.Start.AddDays(random.Next(span + 1)), Kind = ServiceKind.Santunan, Form = ServiceForm.Barang,
                    FundingSource = FundingSource.DanaDesa, ValuePerPerson = 100_000, RecordedBy = home.Pengurus,
                };
                db.Distributions.Add(activity);
                distributions.Add(activity.Id);
            }
            perHome[home.InstitutionId] = (ids, volunteers, activity);
        }
        var kinds = Enum.GetValues<ServiceKind>();
        var forms = Enum.GetValues<ServiceForm>();
        var fundings = Enum.GetValues<FundingSource>();
        var services = new List<Service>();
        for (var i = 0; i < count; i++)
        {
            var home = homes[random.Next(homes.Count)];
            var (ids, volunteers, activity) = perHome[home.InstitutionId];
            var funding = fundings[random.Next(fundings.Length)];
            var grouped = activity is not null && random.Next(5) == 0;
            var service = new Service
            {
                BeneficiaryId = count <= people ? ids[i % ids.Count] : ids[random.Next(ids.Count)],
                InstitutionId = home.InstitutionId,
                RegencyCode = home.RegencyCode,
                DistributionId = grouped ? activity!.Id : null,
                Date = grouped ? activity!.Date : semester.Start.AddDays(random.Next(span + 1)),
                Kind = grouped ? activity!.Kind : kinds[random.Next(kinds.Length)],
                Form = grouped ? activity!.Form : forms[random.Next(forms.Length)],
                FundingSource = grouped ? activity!.FundingSource : funding,
                PartnerId = funding is FundingSource.Donasi or FundingSource.Csr ? partner : null,
                ValueRupiah = grouped ? activity!.ValuePerPerson : random.Next(1, 40) * 25_000L,
                RecordedBy = home.Pengurus,
            };
            if (volunteers.Count > 0 && random.Next(3) == 0)
            {
                service.Volunteers.Add(new ServiceVolunteer { ServiceId = service.Id, VolunteerId = volunteers[random.Next(volunteers.Count)] });
            }
            services.Add(service);
        }
        db.AuditDisabled = true;
        db.Services.AddRange(services);
        await db.SaveChangesAsync();
        return (services.Select(s => s.Id).ToList(), distributions);
    });

    private Task<int> RemoveAsync(List<Guid> services, List<Guid> distributions) => factory.WithDbAsync(async db =>
    {
        await db.ServiceVolunteers.IgnoreQueryFilters().Where(v => services.Contains(v.ServiceId)).ExecuteDeleteAsync();
        await db.Services.IgnoreQueryFilters().Where(s => services.Contains(s.Id)).ExecuteDeleteAsync();
        return await db.Distributions.IgnoreQueryFilters().Where(d => distributions.Contains(d.Id)).ExecuteDeleteAsync();
    });
}

[Collection(OnSqlite.Name)]
public sealed class DashboardTestsOnSqlite(SqliteFixture app) : DashboardTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class DashboardTestsOnPostgres(PostgresFixture app) : DashboardTests(app.Factory);
