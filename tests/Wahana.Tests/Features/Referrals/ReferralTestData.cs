using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Referrals;

/// <summary>
/// Referrals of the tests: only from and to the WKSBM of pengurus.30 to pengurus.34 (30 to 33 in Bantul, 34 in
/// Gunungkidul), which the demo gives no referrals, about their existing demo people (who are read, never changed).
/// Each test removes every referral of those WKSBM when it ends.
/// </summary>
internal static class ReferralTestData
{
    public sealed record Home(Guid Id, string Name, string RegencyCode);

    public sealed record Person(Guid Id, string Name, string Nik, string VillageCode);

    public static async Task<Home> HomeOfAsync(WahanaFactory factory, int pengurus)
    {
        Assert.InRange(pengurus, 30, 34);
        var institutionId = await factory.WithUsersAsync(async users =>
            (await users.FindByNameAsync(TestUsers.Pengurus(pengurus)))!.ScopeInstitutionId!.Value);
        return await factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == institutionId)
            .Select(i => new Home(i.Id, i.Name, i.RegencyCode)).SingleAsync());
    }

    /// <summary>An active person with a NIK registered at the WKSBM (the first by name).</summary>
    public static Task<Person> PersonOfAsync(WahanaFactory factory, Home home, int skip = 0) => factory.WithDbAsync(db => db.Beneficiaries
        .Where(b => b.InstitutionId == home.Id && b.Nik != null && b.Status == BeneficiaryStatus.Aktif)
        .OrderBy(b => b.Name).ThenBy(b => b.Id).Skip(skip)
        .Select(b => new Person(b.Id, b.Name, b.Nik!, b.VillageCode)).FirstAsync());

    /// <summary>Adds a referral straight to the database (for tests that are not about making one).</summary>
    public static Task<Referral> AddAsync(
        WahanaFactory factory, Home from, Person person, ReferralDestination destination, Home? to = null,
        ReferralStatus status = ReferralStatus.Dikirim, DateTimeOffset? changedAt = null) => factory.WithDbAsync(async db =>
    {
        var at = changedAt ?? DateTimeOffset.UtcNow;
        var referral = new Referral
        {
            BeneficiaryId = person.Id,
            InstitutionId = from.Id,
            RegencyCode = from.RegencyCode,
            Destination = destination,
            DestinationInstitutionId = to?.Id,
            DestinationRegencyCode = destination == ReferralDestination.DinasKabupaten ? from.RegencyCode : to?.RegencyCode,
            DestinationName = destination switch
            {
                ReferralDestination.Wksbm => to!.Name,
                ReferralDestination.BalaiProvinsi => "Balai Rehabilitasi Sosial dan Pengasuhan Anak (BRSPA)",
                ReferralDestination.Puskesmas => "Puskesmas Uji",
                ReferralDestination.Lainnya => "LKS Uji",
                _ => "Dinas Sosial",
            },
            Reason = "Alasan uji " + Guid.NewGuid().ToString("N")[..6],
            Urgency = ReferralUrgency.Segera,
            Status = status,
            SentOn = DateOnly.FromDateTime(at.UtcDateTime),
            SentBy = "uji",
            StatusChangedAt = at,
        };
        db.Referrals.Add(referral);
        await db.SaveChangesAsync();
        return referral;
    });

    /// <summary>Removes every referral from or to the WKSBM of pengurus.30 to pengurus.34 (their history goes with them).</summary>
    public static async Task RemoveAllAsync(WahanaFactory factory)
    {
        var homes = new List<Guid>();
        for (var number = 30; number <= 34; number++)
        {
            homes.Add((await HomeOfAsync(factory, number)).Id);
        }
        await factory.WithDbAsync(async db =>
        {
            var ids = await db.Referrals.IgnoreQueryFilters()
                .Where(r => homes.Contains(r.InstitutionId) || (r.DestinationInstitutionId != null && homes.Contains(r.DestinationInstitutionId.Value)))
                .Select(r => r.Id).ToListAsync();
            await db.ReferralStatusChanges.IgnoreQueryFilters().Where(c => ids.Contains(c.ReferralId)).ExecuteDeleteAsync();
            return await db.Referrals.IgnoreQueryFilters().Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync();
        });
    }

    public static Task<Referral> ReadAsync(WahanaFactory factory, Guid id) =>
        factory.WithDbAsync(db => db.Referrals.AsNoTracking().Include(r => r.Changes).SingleAsync(r => r.Id == id));
}
