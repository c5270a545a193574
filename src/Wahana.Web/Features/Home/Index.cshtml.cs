using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wahana.Web.Data;
using Wahana.Web.Features.Referrals;
using Wahana.Web.Features.Reports;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Home;

/// <summary>The home page: the figures of the user's scope for the current semester.</summary>
public sealed class IndexModel(
    WahanaDbContext db, TimeProvider clock, IOptionsSnapshot<ReferralOptions> referralOptions, IOptions<ReportDeadlines> deadlines) : PageModel
{
    public HomeFigures Figures { get; private set; } = null!;

    public string ScopeDescription { get; private set; } = "";

    public OverdueReferrals OverdueReferrals { get; private set; } = null!;

    /// <summary>A WKSBM board's semester report still to be submitted (or corrected), or null.</summary>
    public ReportReminder? Reminder { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Figures = await HomeFigures.LoadAsync(db, Wib.Today(clock), cancellationToken);
        ScopeDescription = await ScopeText.DescribeAsync(db.CurrentUser.Scope, db, cancellationToken);
        OverdueReferrals = await OverdueReferrals.LoadAsync(db, clock.GetUtcNow(), referralOptions.Value.OverdueDays, cancellationToken);
        Reminder = await ReportReminder.ForAsync(db, deadlines.Value, Wib.Today(clock), cancellationToken);
    }
}
