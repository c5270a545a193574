using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wahana.Web.Data;
using Wahana.Web.Features.Referrals;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Home;

/// <summary>The home page: the figures of the user's scope for the current semester.</summary>
public sealed class IndexModel(WahanaDbContext db, TimeProvider clock, IOptionsSnapshot<ReferralOptions> referralOptions) : PageModel
{
    public HomeFigures Figures { get; private set; } = null!;

    public string ScopeDescription { get; private set; } = "";

    public OverdueReferrals OverdueReferrals { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Figures = await HomeFigures.LoadAsync(db, Wib.Today(clock), cancellationToken);
        ScopeDescription = await ScopeText.DescribeAsync(db.CurrentUser.Scope, db, cancellationToken);
        OverdueReferrals = await OverdueReferrals.LoadAsync(db, clock.GetUtcNow(), referralOptions.Value.OverdueDays, cancellationToken);
    }
}
