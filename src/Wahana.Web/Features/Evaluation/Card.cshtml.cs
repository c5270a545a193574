using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wahana.Web.Data;
using Wahana.Web.Features.Reports;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Evaluation;

/// <summary>
/// /evaluasi/{id}?periode=: one WKSBM's card, its indicators against the medians of its kabupaten/kota and of the
/// province, the weak ones marked, and for each weak one the peers of its kabupaten/kota to learn from. A WKSBM the
/// user does not see answers 404.
/// </summary>
[Authorize(Policy = WahanaPolicies.Evaluation)]
public sealed class CardModel(WahanaDbContext db, IServiceProvider services, IOptions<ReportDeadlines> deadlines, TimeProvider clock) : PageModel
{
    public EvaluationQuery Query { get; private set; } = null!;

    public EvaluationCard Card { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Today = Wib.Today(clock);
        Query = EvaluationQuery.Parse(Request.Query["periode"], null, null, null, Today);
        var compiled = await EvaluationQuery.CompileAsync(db, services, deadlines.Value, Query.Semester, null, cancellationToken);
        if (EvaluationCard.Of(compiled, id) is not { } card)
        {
            return NotFound();
        }
        Card = card;
        return Page();
    }
}
