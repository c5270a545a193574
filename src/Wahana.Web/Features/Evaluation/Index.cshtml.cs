using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Features.Reports;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Evaluation;

/// <summary>/evaluasi: the joint evaluation of every WKSBM in scope for a semester (default: the last complete one).</summary>
[Authorize(Policy = WahanaPolicies.Evaluation)]
public sealed class IndexModel(WahanaDbContext db, IServiceProvider services, IOptions<ReportDeadlines> deadlines, TimeProvider clock) : PageModel
{
    public EvaluationQuery Query { get; private set; } = null!;

    public EvaluationResult Result { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    /// <summary>The province and the forum choose a kabupaten/kota; the others see one already.</summary>
    public bool ChoosesRegency => db.CurrentUser.Scope.AllInstitutions;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = Wib.Today(clock);
        Query = EvaluationQuery.Parse(Request.Query["periode"], Request.Query["kabupaten"], Request.Query["urut"], Request.Query["arah"], Today);
        Result = await Query.LoadAsync(db, services, deadlines.Value, cancellationToken);
    }

    /// <summary>The semesters offered: the current one and the five before it.</summary>
    public static IEnumerable<Semester> Periods(DateOnly today)
    {
        var semester = Semester.Of(today);
        for (var i = 0; i < 6; i++, semester = semester.Previous)
        {
            yield return semester;
        }
    }
}
