using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Referrals;

/// <summary>The referrals (/rujukan): sent (Dikirim) and received (Masuk), by status and urgency, overdue ones marked.</summary>
[Authorize(Policy = WahanaPolicies.PersonalData)]
public sealed class IndexModel(WahanaDbContext db, TimeProvider clock, IOptionsSnapshot<ReferralOptions> options) : PageModel
{
    public ReferralQuery Query { get; private set; } = null!;

    public ReferralQuery.Result Result { get; private set; } = null!;

    public int OverdueDays => options.Value.OverdueDays;

    /// <summary>The province sends nothing itself: its tabs are "Masuk" (to its centres) and "Semua".</summary>
    public bool IsProvince => db.CurrentUser.Scope.AllPeople;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = ReferralQuery.ParsePage(Request.Query, IsProvince ? ReferralDirection.Received : ReferralDirection.Sent);
        // Each side has two tabs: a user of a WKSBM or kabupaten/kota has no "all", the province no "sent".
        if (!IsProvince && Query.Direction == ReferralDirection.All)
        {
            Query = Query with { Direction = ReferralDirection.Sent };
        }
        else if (IsProvince && Query.Direction == ReferralDirection.Sent)
        {
            Query = Query with { Direction = ReferralDirection.All };
        }
        Result = await Query.LoadAsync(db, clock.GetUtcNow(), OverdueDays, cancellationToken);
    }

    public IReadOnlyList<(ReferralDirection Direction, string Label)> Tabs => IsProvince
        ? [(ReferralDirection.Received, "Masuk ke balai provinsi"), (ReferralDirection.All, "Semua rujukan")]
        : [(ReferralDirection.Sent, "Dikirim"), (ReferralDirection.Received, "Masuk")];
}
