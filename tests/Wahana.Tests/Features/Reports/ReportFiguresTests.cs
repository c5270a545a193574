using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Features.Reports;

namespace Wahana.Tests.Features.Reports;

/// <summary>
/// The figures of a report against a direct count of the service records (random services generated with a seeded
/// Random for pengurus.13's WKSBM), and frozen figures that stay as submitted while the services change (pengurus.14).
/// </summary>
public abstract class ReportFiguresTests(WahanaFactory factory)
{
    private const string Tag = "uji-laporan-angka";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private sealed record Person(Guid Id, Sex Sex, DateOnly BirthDate, int[] Categories);

    /// <summary>Services of the WKSBM on random days of the semester up to today: one group distribution, individual services, one deleted.</summary>
    private static (Distribution Distribution, List<Service> Services) Generate(
        Random random, ReportTestData.Home home, IReadOnlyList<(Guid Id, DateOnly RegisteredOn)> people, DateOnly from, DateOnly until)
    {
        DateOnly Day(DateOnly registered)
        {
            var first = registered > from ? registered : from;
            return first.AddDays(random.Next(until.DayNumber - first.DayNumber + 1));
        }
        T Pick<T>() where T : struct, Enum => Enum.GetValues<T>()[random.Next(Enum.GetValues<T>().Length)];
        Service New((Guid Id, DateOnly RegisteredOn) person, DateOnly date) => new()
        {
            BeneficiaryId = person.Id, InstitutionId = home.InstitutionId, RegencyCode = home.RegencyCode, Date = date,
            Kind = Pick<ServiceKind>(), Form = Pick<ServiceForm>(), FundingSource = Pick<FundingSource>(),
            ValueRupiah = random.Next(0, 80) * 25_000L, Notes = Tag, RecordedBy = "uji",
        };

        var day = until;
        var distribution = new Distribution
        {
            InstitutionId = home.InstitutionId, RegencyCode = home.RegencyCode, Name = Tag, Date = day,
            Kind = ServiceKind.Santunan, Form = ServiceForm.Barang, FundingSource = FundingSource.DanaDesa, ValuePerPerson = 175_000, RecordedBy = "uji",
        };
        var services = new List<Service>();
        foreach (var person in people.OrderBy(_ => random.Next()).Take(6))
        {
            var service = New(person, day);
            service.DistributionId = distribution.Id;
            (service.Kind, service.Form, service.FundingSource, service.ValueRupiah) = (ServiceKind.Santunan, ServiceForm.Barang, FundingSource.DanaDesa, 175_000);
            services.Add(service);
        }
        for (var i = 0; i < 30; i++)
        {
            var person = people[random.Next(people.Count)];
            services.Add(New(person, Day(person.RegisteredOn)));
        }
        var deleted = New(people[0], Day(people[0].RegisteredOn));
        (deleted.DeletedAt, deleted.DeletedBy, deleted.DeletionReason) = (DateTimeOffset.UtcNow, "uji", "Tercatat dua kali");
        services.Add(deleted);
        return (distribution, services);
    }

    private Task<int> RemoveGeneratedAsync(Guid institutionId) => factory.WithDbAsync(async db =>
    {
        await db.Services.IgnoreQueryFilters().Where(s => s.InstitutionId == institutionId && s.Notes == Tag).ExecuteDeleteAsync();
        return await db.Distributions.IgnoreQueryFilters().Where(d => d.InstitutionId == institutionId && d.Name == Tag).ExecuteDeleteAsync();
    });

    private static int AgeOn(DateOnly birth, DateOnly day) => day.Year - birth.Year - (birth > day.AddYears(-(day.Year - birth.Year)) ? 1 : 0);

    /// <summary>The figures counted straight from the rows, with LINQ over what was read.</summary>
    private Task<ServedFigures> CountAsync(Guid institutionId, Semester semester) => factory.WithDbAsync(async db =>
    {
        var (start, end) = (semester.Start, semester.End);
        var all = await db.Services.IgnoreQueryFilters().AsNoTracking().Where(s => s.DeletedAt == null && s.Date >= start && s.Date <= end)
            .Select(s => new { s.Id, s.InstitutionId, s.BeneficiaryId, s.DistributionId, s.Kind, s.Form, s.FundingSource, s.ValueRupiah }).ToListAsync();
        var services = all.Where(s => s.InstitutionId == institutionId).ToList();
        var servedIds = services.Select(s => s.BeneficiaryId).Distinct().ToList();
        var people = (await db.Beneficiaries.IgnoreQueryFilters().AsNoTracking().Where(b => servedIds.Contains(b.Id))
                .Select(b => new { b.Id, b.Sex, b.BirthDate, Categories = b.Categories.Select(c => c.CategoryId).ToList() }).ToListAsync())
            .Select(b => new Person(b.Id, b.Sex, b.BirthDate, [.. b.Categories])).ToList();
        var serviceIds = services.Select(s => s.Id).ToList();
        var volunteers = await db.ServiceVolunteers.IgnoreQueryFilters().Where(v => serviceIds.Contains(v.ServiceId)).Select(v => v.VolunteerId).Distinct().CountAsync();
        var referrals = await db.Referrals.IgnoreQueryFilters().Where(r => r.InstitutionId == institutionId && r.SentOn >= start && r.SentOn <= end)
            .Select(r => r.Status).ToListAsync();
        var servedAnywhere = all.Select(s => s.BeneficiaryId).ToHashSet();
        var home = await db.Beneficiaries.IgnoreQueryFilters().AsNoTracking()
            .Where(b => b.InstitutionId == institutionId && b.MergedIntoId == null && b.Status == BeneficiaryStatus.Aktif && b.RegisteredOn <= end)
            .Select(b => b.Id).ToListAsync();
        static string Group(int age) => age switch { <= 5 => "0-5", <= 17 => "6-17", <= 59 => "18-59", _ => "60+" };
        var groups = Wahana.Web.Features.Beneficiaries.BeneficiaryQuery.AgeGroups.ToDictionary(g => g.Code, g => g.Group);
        return new ServedFigures
        {
            PeopleServed = servedIds.Count,
            PeopleByCategory = people.SelectMany(p => p.Categories).GroupBy(c => c)
                .ToDictionary(g => PpksCategory.All.Single(c => c.Id == g.Key).Slug, g => g.Count()),
            PeopleBySex = people.GroupBy(p => p.Sex).ToDictionary(g => g.Key, g => g.Count()),
            PeopleByAgeGroup = people.GroupBy(p => groups[Group(AgeOn(p.BirthDate, end))]).ToDictionary(g => g.Key, g => g.Count()),
            Total = new ServiceTotal(services.Count, services.Sum(s => s.ValueRupiah)),
            ByKind = services.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => new ServiceTotal(g.Count(), g.Sum(s => s.ValueRupiah))),
            ByForm = services.GroupBy(s => s.Form).ToDictionary(g => g.Key, g => new ServiceTotal(g.Count(), g.Sum(s => s.ValueRupiah))),
            ByFunding = services.GroupBy(s => s.FundingSource).ToDictionary(g => g.Key, g => new ServiceTotal(g.Count(), g.Sum(s => s.ValueRupiah))),
            Activities = services.Where(s => s.DistributionId != null).Select(s => s.DistributionId).Distinct().Count(),
            ActiveVolunteers = volunteers,
            ReferralsByStatus = referrals.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count()),
            NotServed = home.Count(id => !servedAnywhere.Contains(id)),
        };
    });

    private static void AssertSameFigures(ServedFigures expected, JsonElement figures, string who) =>
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(
                System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(ReportFigures.ToDocument(expected), Web)),
                System.Text.Json.Nodes.JsonNode.Parse(figures.GetRawText())),
            $"{who}: the report's figures differ from a direct count.{Environment.NewLine}counted: {JsonSerializer.Serialize(ReportFigures.ToDocument(expected), Web)}{Environment.NewLine}report:  {figures.GetRawText()}");

    [ProviderFact]
    public async Task The_figures_of_a_report_equal_a_direct_count_of_random_services()
    {
        var home = await factory.HomeOfAsync(TestUsers.Pengurus(13));
        var semester = Semester.Of(factory.Today);
        var today = factory.Today;
        var people = await factory.WithDbAsync(db => db.Beneficiaries.AsNoTracking()
            .Where(b => b.InstitutionId == home.InstitutionId && b.Status == BeneficiaryStatus.Aktif && b.ErasedAt == null && b.RegisteredOn <= today)
            .OrderBy(b => b.Id).Take(40).Select(b => new { b.Id, b.RegisteredOn }).ToListAsync());
        Assert.True(people.Count >= 10, $"pengurus.13's WKSBM has {people.Count} active people.");
        var (distribution, services) = Generate(new Random(20261), home, [.. people.Select(p => (p.Id, p.RegisteredOn))], semester.Start, today);
        await factory.WithDbAsync(async db =>
        {
            db.AuditDisabled = true;
            db.Distributions.Add(distribution);
            db.Services.AddRange(services);
            return await db.SaveChangesAsync();
        });
        try
        {
            var expected = await CountAsync(home.InstitutionId, semester);
            Assert.True(expected.Total.Services >= 36, "The generated services are in the count.");

            using var pengurus = await factory.ApiAsync(TestUsers.Pengurus(13));
            var (code, opened) = await ReportTestData.PostAsync(pengurus, "/api/v1/reports", new { period = semester.ToString() });
            Assert.True(code == HttpStatusCode.OK, opened.ToString());
            Assert.False(opened.GetProperty("figuresFrozen").GetBoolean());
            AssertSameFigures(expected, opened.GetProperty("figures"), TestUsers.Pengurus(13));

            // The district office and the province read the same figures.
            foreach (var user in new[] { home.Office, TestUsers.Admin })
            {
                using var client = await factory.ApiAsync(user);
                var detail = await client.GetJsonAsync($"/api/v1/reports/{opened.GetProperty("id").GetGuid()}");
                AssertSameFigures(expected, detail.GetProperty("figures"), user);
            }

            // The page shows them too.
            using var page = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(13));
            var html = await page.GetStringAsync($"/laporan/{home.InstitutionId}/{semester}");
            Assert.Equal((expected.PeopleServed, expected.Total.Services, expected.Activities, expected.NotServed),
                ((int)HttpHelpers.TestIdNumber(html, "people-served"), (int)HttpHelpers.TestIdNumber(html, "services"),
                 (int)HttpHelpers.TestIdNumber(html, "activities"), (int)HttpHelpers.TestIdNumber(html, "not-served")));
            Assert.Equal(Rupiah.Format(expected.Total.Rupiah), HttpHelpers.TestIdText(html, "rupiah"));
        }
        finally
        {
            await RemoveGeneratedAsync(home.InstitutionId);
            await factory.RemoveReportAsync(home.InstitutionId, semester);
        }
    }

    [ProviderFact]
    public async Task Frozen_figures_do_not_change_when_the_services_change_after_submission_and_live_again_when_returned()
    {
        var home = await factory.HomeOfAsync(TestUsers.Pengurus(14));
        var semester = factory.QuietSemester();
        var people = await factory.PeopleAsync(home.InstitutionId, semester.Start, 4);
        Assert.Equal(4, people.Count);
        Service Service(Guid person, int day, long value) => new()
        {
            BeneficiaryId = person, InstitutionId = home.InstitutionId, RegencyCode = home.RegencyCode, Date = semester.Start.AddDays(day),
            Kind = ServiceKind.Santunan, Form = ServiceForm.Tunai, FundingSource = FundingSource.Swadaya, ValueRupiah = value, Notes = Tag, RecordedBy = "uji",
        };
        Task AddAsync(params Service[] rows) => factory.WithDbAsync(async db =>
        {
            db.AuditDisabled = true;
            db.Services.AddRange(rows);
            return await db.SaveChangesAsync();
        });
        await AddAsync(Service(people[0], 10, 100_000), Service(people[1], 20, 200_000), Service(people[2], 30, 300_000));
        try
        {
            using var pengurus = await factory.ApiAsync(TestUsers.Pengurus(14));
            var (_, opened) = await ReportTestData.PostAsync(pengurus, "/api/v1/reports", new { period = semester.ToString() });
            var id = opened.GetProperty("id").GetGuid();
            var (submitCode, submitted) = await ReportTestData.PostAsync(pengurus, $"/api/v1/reports/{id}/submit", ReportTestData.Narrative());
            Assert.Equal(HttpStatusCode.OK, submitCode);
            var frozen = submitted.GetProperty("figures").GetRawText();
            Assert.Equal((3, 3, 600_000L), (submitted.GetProperty("figures").GetProperty("peopleServed").GetInt32(),
                submitted.GetProperty("figures").GetProperty("total").GetProperty("services").GetInt32(),
                submitted.GetProperty("figures").GetProperty("total").GetProperty("rupiah").GetInt64()));

            // A service recorded (here: straight in the database) after submission: the report keeps what was submitted.
            await AddAsync(Service(people[3], 40, 400_000));
            var after = await pengurus.GetJsonAsync($"/api/v1/reports/{id}");
            Assert.True(after.GetProperty("figuresFrozen").GetBoolean());
            Assert.Equal(frozen, after.GetProperty("figures").GetRawText());
            using var page = await factory.CreateLoggedInClientAsync(home.Office);
            var html = await page.GetStringAsync($"/laporan/{home.InstitutionId}/{semester}");
            Assert.Equal((3, 3), ((int)HttpHelpers.TestIdNumber(html, "people-served"), (int)HttpHelpers.TestIdNumber(html, "services")));
            Assert.Equal(4, (await CountAsync(home.InstitutionId, semester)).Total.Services);

            // Returned: the figures are compiled from the records again, and the next submission freezes the new ones.
            using var office = await factory.ApiAsync(home.Office);
            var (_, returned) = await ReportTestData.PostAsync(office, $"/api/v1/reports/{id}/return", new { reason = "Periksa layanan bulan keempat." });
            Assert.False(returned.GetProperty("figuresFrozen").GetBoolean());
            Assert.Equal((4, 1_000_000L), (returned.GetProperty("figures").GetProperty("peopleServed").GetInt32(), returned.GetProperty("figures").GetProperty("total").GetProperty("rupiah").GetInt64()));
            var (_, again) = await ReportTestData.PostAsync(pengurus, $"/api/v1/reports/{id}/submit", ReportTestData.Narrative());
            AssertSameFigures(await CountAsync(home.InstitutionId, semester), again.GetProperty("figures"), "resubmitted");
        }
        finally
        {
            await RemoveGeneratedAsync(home.InstitutionId);
            await factory.RemoveReportAsync(home.InstitutionId, semester);
        }
    }
}

[Collection(OnSqlite.Name)]
public sealed class ReportFiguresTestsOnSqlite(SqliteFixture app) : ReportFiguresTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class ReportFiguresTestsOnPostgres(PostgresFixture app) : ReportFiguresTests(app.Factory);

/// <summary>The JSON a submitted report stores.</summary>
public sealed class ReportFiguresJsonTests
{
    [Fact]
    public void The_stored_figures_read_back_as_they_were_written()
    {
        var figures = new ServedFigures
        {
            PeopleServed = 7,
            PeopleByCategory = new Dictionary<string, int> { ["lansia-terlantar"] = 4, ["fakir-miskin"] = 5 },
            PeopleBySex = new Dictionary<Sex, int> { [Sex.LakiLaki] = 3, [Sex.Perempuan] = 4 },
            PeopleByAgeGroup = new Dictionary<Wahana.Web.Features.Beneficiaries.AgeGroup, int> { [Wahana.Web.Features.Beneficiaries.AgeGroup.Lansia] = 4, [Wahana.Web.Features.Beneficiaries.AgeGroup.Dewasa] = 3 },
            Total = new ServiceTotal(9, 1_250_000),
            ByKind = new Dictionary<ServiceKind, ServiceTotal> { [ServiceKind.Santunan] = new(8, 1_250_000), [ServiceKind.Rujukan] = new(1, 0) },
            ByForm = new Dictionary<ServiceForm, ServiceTotal> { [ServiceForm.Barang] = new(8, 1_250_000), [ServiceForm.Pendampingan] = new(1, 0) },
            ByFunding = new Dictionary<FundingSource, ServiceTotal> { [FundingSource.DanaDesa] = new(9, 1_250_000) },
            Activities = 2,
            ActiveVolunteers = 3,
            ReferralsByStatus = new Dictionary<ReferralStatus, int> { [ReferralStatus.Ditangani] = 1 },
            NotServed = 12,
        };
        var json = ReportFigures.Serialize(figures);
        Assert.Contains("\"dana-desa\":{\"services\":9,\"rupiah\":1250000}", json, StringComparison.Ordinal);
        var read = ReportFigures.Deserialize(json);
        Assert.Equal(json, ReportFigures.Serialize(read));
        Assert.Equal(4, read.PeopleByAgeGroup[Wahana.Web.Features.Beneficiaries.AgeGroup.Lansia]);
        Assert.Equal((7, 4, 3, new ServiceTotal(1, 0), 12, 1), (read.PeopleServed, read.PeopleBySex[Sex.Perempuan], read.ActiveVolunteers,
            read.ByKind[ServiceKind.Rujukan], read.NotServed, read.ReferralsByStatus[ReferralStatus.Ditangani]));
    }
}
