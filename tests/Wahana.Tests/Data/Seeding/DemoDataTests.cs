using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wahana.Tests.Support;
using Wahana.Web.Data;
using Wahana.Web.Data.Seeding;
using Wahana.Web.Domain;

namespace Wahana.Tests.Data.Seeding;

/// <summary>
/// The demo province the application seeds outside Production, read straight from the database (outside an
/// HTTP request the DbContext sees every row). Dates are relative to the application's today.
/// </summary>
public abstract class DemoDataTests(WahanaFactory factory)
{
    private static readonly RegionCatalog Regions = RegionCatalog.Instance;
    private static readonly string[] RegencyCodes = ["34.01", "34.02", "34.03", "34.04", "34.71"];

    private static string Sample<T>(IEnumerable<T> failures) =>
        string.Join(Environment.NewLine, failures.Take(10));

    [ProviderFact]
    public async Task There_are_81_WKSBM_at_least_10_per_regency_each_in_its_own_kalurahan()
    {
        var institutions = await factory.WithDbAsync(db => db.Institutions.AsNoTracking()
            .Select(i => new { i.Id, i.Name, i.VillageCode, i.RegencyCode }).ToListAsync());
        Assert.Equal(81, institutions.Count);
        Assert.Equal(81, institutions.Select(i => i.VillageCode).Distinct().Count());
        var perRegency = institutions.GroupBy(i => i.RegencyCode).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(RegencyCodes, perRegency.Keys.Order(StringComparer.Ordinal));
        Assert.All(perRegency, p => Assert.True(p.Value >= 10, $"{p.Key} has only {p.Value} WKSBM."));
        Assert.All(institutions, i =>
        {
            Assert.True(Regions.IsDiyVillage(i.VillageCode), $"{i.Name}: {i.VillageCode} is no DIY kalurahan.");
            Assert.Equal(i.VillageCode[..5], i.RegencyCode);
        });
    }

    [ProviderFact]
    public async Task Every_WKSBM_satisfies_the_institution_rules()
    {
        var today = factory.Today;
        var institutions = await factory.WithDbAsync(db => db.Institutions.AsNoTracking().Include(i => i.BoardMembers).ToListAsync());
        var failures = institutions
            .SelectMany(i => i.Validate(Regions, today).Select(e => $"{i.Name} ({i.VillageCode}): {e.Field}: {e.Message}"))
            .ToList();
        Assert.True(failures.Count == 0, Sample(failures));
    }

    [ProviderFact]
    public async Task There_are_4000_to_7000_beneficiaries_living_in_DIY()
    {
        var people = await factory.WithDbAsync(db => db.Beneficiaries.AsNoTracking()
            .Select(b => new { b.Name, b.VillageCode, b.RegencyCode }).ToListAsync());
        Assert.InRange(people.Count, 4000, 7000);
        var misplaced = people.Where(p => !Regions.IsDiyVillage(p.VillageCode) || p.RegencyCode != p.VillageCode[..5])
            .Select(p => $"{p.Name}: {p.VillageCode} / {p.RegencyCode}").ToList();
        Assert.True(misplaced.Count == 0, Sample(misplaced));
    }

    [ProviderFact]
    public async Task Every_beneficiary_has_a_valid_unique_NIK_or_a_reason_for_having_none()
    {
        var today = factory.Today;
        var people = await factory.WithDbAsync(db => db.Beneficiaries.AsNoTracking()
            .Select(b => new { b.Name, b.Nik, b.Kk, b.Sex, b.BirthDate, b.NoNikReason }).ToListAsync());
        Assert.NotEmpty(people);

        var failures = new List<string>();
        foreach (var p in people)
        {
            if (p.Nik is null)
            {
                if (string.IsNullOrWhiteSpace(p.NoNikReason))
                {
                    failures.Add($"{p.Name}: no NIK and no reason");
                }
                continue;
            }
            failures.AddRange(Nik.Check(p.Nik, p.Sex, p.BirthDate, today, Regions).Select(e => $"{p.Name} {p.Nik}: {e.Message}"));
            if (p.Kk is not null)
            {
                failures.AddRange(Kk.Check(p.Kk, Regions).Select(e => $"{p.Name} KK {p.Kk}: {e.Message}"));
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} problems, e.g.:{Environment.NewLine}{Sample(failures)}");

        var duplicates = people.Where(p => p.Nik is not null).GroupBy(p => p.Nik).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "NIKs given to more than one person: " + Sample(duplicates));
    }

    [ProviderFact]
    public async Task Every_WKSBM_serves_30_to_80_people_in_each_of_the_last_two_complete_semesters()
    {
        var current = Semester.Of(factory.Today);
        foreach (var semester in new[] { current.Previous, current.Previous.Previous })
        {
            var (start, end) = (semester.Start, semester.End);
            var served = await factory.WithDbAsync(db => db.Services.AsNoTracking()
                .Where(s => s.Date >= start && s.Date <= end)
                .GroupBy(s => s.InstitutionId)
                .Select(g => new { Institution = g.Key, People = g.Select(s => s.BeneficiaryId).Distinct().Count() })
                .ToListAsync());
            Assert.True(served.Count == 81, $"Semester {semester}: only {served.Count} of 81 WKSBM served anyone.");
            var outside = served.Where(s => s.People is < 30 or > 80).Select(s => $"{s.Institution}: {s.People} people").ToList();
            Assert.True(outside.Count == 0, $"Semester {semester}: {Sample(outside)}");
        }
    }

    [ProviderFact]
    public async Task There_are_services_in_the_current_semester_and_none_after_today()
    {
        var today = factory.Today;
        var start = Semester.Of(today).Start;
        var (current, future) = await factory.WithDbAsync(async db => (
            await db.Services.CountAsync(s => s.Date >= start && s.Date <= today),
            await db.Services.CountAsync(s => s.Date > today)));
        Assert.True(current > 0, $"No service between {start} and {today}.");
        Assert.Equal(0, future);
    }

    [ProviderFact]
    public async Task Services_cover_the_semesters_2025_2_to_now_and_satisfy_the_service_rules()
    {
        var today = factory.Today;
        var oldest = Semester.Of(today).Previous.Previous;
        var services = await factory.WithDbAsync(db => db.Services.AsNoTracking().ToListAsync());
        Assert.Contains(services, s => oldest.Contains(s.Date));
        var failures = services
            .SelectMany(s => s.Validate(today).Select(e => $"{s.Id} ({s.Date}, {s.Form}, {s.FundingSource}): {e.Field}: {e.Message}"))
            .ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} invalid services, e.g.:{Environment.NewLine}{Sample(failures)}");
    }

    [ProviderFact]
    public async Task Services_and_beneficiaries_carry_the_regency_of_their_WKSBM_which_access_scope_depends_on()
    {
        var (services, people) = await factory.WithDbAsync(async db => (
            await db.Services.AsNoTracking()
                .Join(db.Institutions, s => s.InstitutionId, i => i.Id, (s, i) => new { s.Id, s.RegencyCode, Expected = i.RegencyCode })
                .Where(x => x.RegencyCode != x.Expected).Select(x => $"service {x.Id}: {x.RegencyCode} != {x.Expected}").ToListAsync(),
            await db.Beneficiaries.AsNoTracking()
                .Join(db.Institutions, b => b.InstitutionId, i => i.Id, (b, i) => new { b.Name, b.RegencyCode, Expected = i.RegencyCode })
                .Where(x => x.RegencyCode != x.Expected).Select(x => $"{x.Name}: lives in {x.RegencyCode}, WKSBM in {x.Expected}").ToListAsync()));
        Assert.True(services.Count == 0, $"{services.Count} services with another regency than their WKSBM: {Sample(services)}");
        Assert.True(people.Count == 0, $"{people.Count} beneficiaries outside their WKSBM's regency: {Sample(people)}");
    }

    [ProviderFact]
    public async Task The_demo_accounts_exist_with_their_roles_and_scopes()
    {
        var (users, institutions) = await factory.WithDbAsync(async db => (
            await db.Users.AsNoTracking().ToDictionaryAsync(u => u.UserName!),
            await db.Institutions.AsNoTracking().Select(i => new { i.Id, i.VillageCode }).ToListAsync()));

        WahanaUser Account(string userName) =>
            users.TryGetValue(userName, out var user) ? user : throw new Xunit.Sdk.XunitException($"No demo account {userName}.");

        Assert.Equal(WahanaRole.AdminProvinsi, Account(TestUsers.Admin).Role);
        Assert.Equal(WahanaRole.Forum, Account(TestUsers.Forum).Role);
        foreach (var (userName, regencyCode) in TestUsers.DistrictOffices)
        {
            Assert.Equal(WahanaRole.PetugasKabupaten, Account(userName).Role);
            Assert.Equal(regencyCode, Account(userName).ScopeRegencyCode);
        }

        var byVillage = institutions.OrderBy(i => i.VillageCode, StringComparer.Ordinal).ToList();
        Assert.Equal(81, byVillage.Count);
        for (var n = 1; n <= 81; n++)
        {
            var userName = TestUsers.Pengurus(n);
            var pengurus = Account(userName);
            Assert.Equal(WahanaRole.PengurusWksbm, pengurus.Role);
            Assert.True(byVillage[n - 1].Id == pengurus.ScopeInstitutionId,
                $"{userName} should be the pengurus of the WKSBM in {byVillage[n - 1].VillageCode} (number {n} by village code).");
        }
        Assert.False(users.ContainsKey(TestUsers.Pengurus(82)));

        Assert.Equal(WahanaRole.Relawan, Account(TestUsers.Relawan01).Role);
        Assert.Equal(Account(TestUsers.Pengurus(1)).ScopeInstitutionId, Account(TestUsers.Relawan01).ScopeInstitutionId);
        Assert.All(users.Values, u => Assert.Empty(u.ValidateScope(Regions)));
    }

    [ProviderTheory]
    [InlineData(TestUsers.Admin)]
    [InlineData(TestUsers.DinsosGunungkidul)]
    [InlineData(TestUsers.Forum)]
    [InlineData("pengurus.81")]
    [InlineData(TestUsers.Relawan01)]
    public async Task Demo_accounts_use_the_demo_password(string userName)
    {
        var (valid, disabled) = await factory.WithUsersAsync(async users =>
        {
            var user = await users.FindByNameAsync(userName);
            Assert.NotNull(user);
            return (await users.CheckPasswordAsync(user, TestUsers.DemoPassword), user.IsDisabled);
        });
        Assert.True(valid, $"{userName} does not take the password {TestUsers.DemoPassword}.");
        Assert.False(disabled);
    }

    [ProviderFact]
    public async Task Seeding_again_adds_nothing()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WahanaDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WahanaUser>>();
        var before = (await db.Institutions.CountAsync(), await db.Beneficiaries.CountAsync(), await db.Services.CountAsync());

        Assert.False(await DemoData.SeedIfEmptyAsync(db, users, factory.Today));

        Assert.Equal(before, (await db.Institutions.CountAsync(), await db.Beneficiaries.CountAsync(), await db.Services.CountAsync()));
    }
}

[Collection(OnSqlite.Name)]
public sealed class DemoDataTestsOnSqlite(SqliteFixture app) : DemoDataTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class DemoDataTestsOnPostgres(PostgresFixture app) : DemoDataTests(app.Factory);
