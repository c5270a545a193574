using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Referrals;

/// <summary>
/// The overdue referrals of the home page, for both sides: those the user's side received and has not moved on, and
/// those it sent that nobody has moved on (the sender follows up). Nothing for the forum and partners.
/// </summary>
public sealed record OverdueReferrals(bool Shown, int Received, int Sent, int OverdueDays, bool IsProvince)
{
    public static async Task<OverdueReferrals> LoadAsync(WahanaDbContext db, DateTimeOffset now, int overdueDays, CancellationToken cancellationToken)
    {
        var scope = db.CurrentUser.Scope;
        if (!scope.SeesPeople)
        {
            return new(false, 0, 0, overdueDays, false);
        }
        var overdue = ReferralRules.Overdue(db.Referrals.AsNoTracking(), ReferralRules.OverdueCutoff(now, overdueDays));
        var received = await ReferralRules.InDirection(overdue, ReferralDirection.Received, scope).CountAsync(cancellationToken);
        var sent = await ReferralRules.InDirection(overdue, ReferralDirection.Sent, scope).CountAsync(cancellationToken);
        return new(true, received, sent, overdueDays, scope.AllPeople);
    }

    /// <summary>The list link of one side's overdue referrals.</summary>
    public string Link(ReferralDirection direction) =>
        "/rujukan" + new ReferralQuery { Direction = direction, OverdueOnly = true }.ToQueryString();
}
