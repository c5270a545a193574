using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Referrals;

/// <summary>The demo's referrals: every status, some overdue, across the kabupaten, none of the WKSBM the walk-through and the tests use.</summary>
public abstract class DemoReferralTests(WahanaFactory factory)
{
    [ProviderFact]
    public async Task The_demo_has_referrals_in_every_status_some_overdue_across_the_kabupaten()
    {
        var reserved = new List<Guid>();
        foreach (var number in new[] { 1, 30, 31, 32, 33, 34 })
        {
            reserved.Add(await factory.WithUsersAsync(async users => (await users.FindByNameAsync(TestUsers.Pengurus(number)))!.ScopeInstitutionId!.Value));
        }
        var demo = await factory.WithDbAsync(db => db.Referrals.AsNoTracking().Include(r => r.Changes)
            .Where(r => r.SentBy.StartsWith("pengurus.")).ToListAsync());
        Assert.InRange(demo.Count, 6, 12);
        Assert.Equal(Enum.GetValues<ReferralStatus>().Order(), demo.Select(r => r.Status).Distinct().Order());
        Assert.Equal(Enum.GetValues<ReferralDestination>().Order(), demo.Select(r => r.Destination).Distinct().Order());
        Assert.Equal(5, demo.Select(r => r.RegencyCode).Distinct().Count());
        Assert.InRange(demo.Count(r => r.IsOverdue(DateTimeOffset.UtcNow, Referral.DefaultOverdueDays)), 2, 4);
        Assert.DoesNotContain(demo, r => reserved.Contains(r.InstitutionId) || (r.DestinationInstitutionId is { } to && reserved.Contains(to)));
        Assert.All(demo, r => Assert.Empty(r.Validate(factory.Today)));
        // The history leads step by step to the status, and the last step is the clock of "overdue".
        Assert.All(demo, r =>
        {
            var steps = r.Changes.OrderBy(c => c.ChangedAt).ToList();
            Assert.Equal(r.Status, steps.Count == 0 ? ReferralStatus.Dikirim : steps[^1].To);
            var from = ReferralStatus.Dikirim;
            foreach (var step in steps)
            {
                Assert.Equal(from, step.From);
                Assert.Contains(step.To, Referral.AllowedNext(from));
                from = step.To;
            }
            Assert.Equal(steps.Count == 0 ? r.CreatedAt : steps[^1].ChangedAt, r.StatusChangedAt);
        });
    }
}

[Collection(OnSqlite.Name)]
public sealed class DemoReferralTestsOnSqlite(SqliteFixture app) : DemoReferralTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class DemoReferralTestsOnPostgres(PostgresFixture app) : DemoReferralTests(app.Factory);
