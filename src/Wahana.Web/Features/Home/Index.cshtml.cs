using Microsoft.AspNetCore.Mvc.RazorPages;
using Wahana.Web.Data;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Home;

/// <summary>The home page: the figures of the user's scope for the current semester.</summary>
public sealed class IndexModel(WahanaDbContext db, TimeProvider clock) : PageModel
{
    public HomeFigures Figures { get; private set; } = null!;

    public string ScopeDescription { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Figures = await HomeFigures.LoadAsync(db, Wib.Today(clock), cancellationToken);
        ScopeDescription = await ScopeText.DescribeAsync(db.CurrentUser.Scope, db, cancellationToken);
    }
}
