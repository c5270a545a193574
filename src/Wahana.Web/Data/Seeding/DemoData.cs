using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Domain;

namespace Wahana.Web.Data.Seeding;

/// <summary>
/// The deterministic DIY demo province: 81 WKSBM, their beneficiaries (ten of them registered twice, found by the
/// duplicate scan and waiting in its review queue), services over three semesters with their semester reports, partners,
/// institutional-strength assessments and demo accounts. The same <c>today</c> always gives the same names, NIKs,
/// counts, rupiah totals and assessment scores; only row ids, concurrency stamps and the creation times of
/// institutions, partners and accounts differ.
/// </summary>
public static class DemoData
{
    public const string Password = "wahana-demo";

    // One seed per generator, so a change in one part does not reshuffle the others.
    private const int InstitutionSeed = 3401;
    private const int PeopleSeed = 3402;
    private const int ServiceSeed = 3403;
    private const int AccountSeed = 3404;
    private const int AssessmentSeed = 3405;
    private const int VolunteerSeed = 3406;
    private const int DuplicateSeed = 3407;
    private const int ReportSeed = 3408;

    public static async Task<bool> SeedIfEmptyAsync(WahanaDbContext db, UserManager<WahanaUser> users, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(users);
        if (await db.Institutions.IgnoreQueryFilters().AnyAsync())
        {
            return false;
        }

        var institutions = DemoInstitutions.Create(DemoFakes.NewFaker(InstitutionSeed), today);
        // The partner kalurahan is that of pengurus.01's WKSBM, the first by kalurahan code.
        var partners = DemoPartners.Create(institutions.MinBy(i => i.VillageCode, StringComparer.Ordinal)!);
        // Everyone was registered in the two years before the first semester with services.
        var firstServed = DemoServices.Semesters(today)[0].Start;
        var people = DemoPeople.Create(DemoFakes.NewFaker(PeopleSeed), institutions, firstServed.AddYears(-2), firstServed.AddDays(-1), today);
        var (distributions, services) = DemoServices.Create(DemoFakes.NewFaker(ServiceSeed), institutions, people, partners, today);
        var accounts = DemoAccounts.Create(DemoFakes.NewFaker(AccountSeed), users, institutions, partners);
        var volunteers = DemoVolunteers.Create(DemoFakes.NewFaker(VolunteerSeed), institutions, today);
        LinkVolunteerAccount(accounts, volunteers);
        var assessments = DemoAssessments.Create(DemoFakes.NewFaker(AssessmentSeed), institutions, accounts, today);
        // Registered twice (after the services, which stay those of the first records): the review queue's content.
        var duplicates = DemoDuplicates.Create(DemoFakes.NewFaker(DuplicateSeed), institutions, people, today);

        // Demo rows are not users' writes: no audit entries, and no change detection over tens of thousands of rows.
        var auditDisabled = db.AuditDisabled;
        var autoDetectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
        db.AuditDisabled = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await InsertAsync(db, partners.All);
            await InsertAsync(db, institutions);
            await InsertAsync(db, people);
            await InsertAsync(db, duplicates.Select(d => d.Copy));
            await InsertAsync(db, distributions);
            await InsertAsync(db, services);
            await InsertAsync(db, DemoReferrals.Create(institutions, people, today));
            await InsertAsync(db, assessments);
            await InsertAsync(db, accounts);
            await InsertAsync(db, volunteers);
            // After everything the reports' figures count (services, volunteers, referrals): they are compiled from the rows.
            await DemoReports.SeedAsync(db, DemoFakes.NewFaker(ReportSeed), institutions, accounts, today);
            await EnsurePasswordWorksAsync(users, accounts[0].UserName!);
            // A few thousand people compare in well under a second: the queue starts with what the scan finds.
            await LikelyDuplicates.ScanRegistryAsync(db);
            await transaction.CommitAsync();
            // Written in a transaction (some of it outside the change tracker): the kept semester figures go after the commit.
            db.FiguresCache.ForgetAll();
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.AuditDisabled = auditDisabled;
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetectChanges;
        }
        return true;
    }

    /// <summary>relawan.01 is the account of one of its WKSBM's volunteers.</summary>
    private static void LinkVolunteerAccount(List<WahanaUser> accounts, List<Volunteer> volunteers)
    {
        var account = accounts.Single(a => a.Role == WahanaRole.Relawan);
        var volunteer = volunteers.First(v => v.InstitutionId == account.ScopeInstitutionId);
        volunteer.UserId = account.Id;
        volunteer.Name = account.FullName;
        volunteer.IsActive = true;
    }

    /// <summary>One table per batch; the tracker is emptied after each so the next save has less to look through.</summary>
    private static async Task InsertAsync<T>(WahanaDbContext db, IEnumerable<T> rows) where T : class
    {
        db.Set<T>().AddRange(rows);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    /// <summary>The users were stored with a hash computed once; make sure Identity accepts it before committing.</summary>
    private static async Task EnsurePasswordWorksAsync(UserManager<WahanaUser> users, string userName)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null || !await users.CheckPasswordAsync(user, Password))
        {
            throw new InvalidOperationException($"Demo account {userName} does not accept the demo password.");
        }
    }
}
