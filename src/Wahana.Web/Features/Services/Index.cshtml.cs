using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Services;

/// <summary>The services list (/layanan): a WKSBM's services by semester and kind, paged, with totals; within the user's scope.</summary>
[Authorize(Policy = WahanaPolicies.PersonalData)]
public sealed class IndexModel(WahanaDbContext db, TimeProvider clock) : PageModel
{
    public ServiceQuery Query { get; private set; } = null!;

    public ServiceQuery.Result Result { get; private set; } = null!;

    public Semester Current { get; private set; }

    /// <summary>The semesters offered: the current one and the three years before it.</summary>
    public IReadOnlyList<Semester> Semesters { get; private set; } = [];

    /// <summary>The WKSBM an officer may choose from (none for a user of one WKSBM).</summary>
    public IReadOnlyList<(Guid Id, string Name)> Institutions { get; private set; } = [];

    public bool OneInstitution => db.CurrentUser.Scope.InstitutionId is not null;

    public bool MayExport => db.CurrentUser.Role is WahanaRole.AdminProvinsi or WahanaRole.PetugasKabupaten or WahanaRole.PengurusWksbm;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Current = Semester.Of(Wib.Today(clock));
        var semesters = new List<Semester>();
        for (var s = Current; semesters.Count < 8; s = s.Previous)
        {
            semesters.Add(s);
        }
        Semesters = semesters;
        Query = ServiceQuery.ParsePage(Request.Query, Current);
        Result = await Query.LoadAsync(db, cancellationToken);
        if (!OneInstitution)
        {
            var list = await db.Institutions.AsNoTracking().OrderBy(i => i.Name).Select(i => new { i.Id, i.Name }).ToListAsync(cancellationToken);
            Institutions = [.. list.Select(i => (i.Id, i.Name))];
        }
    }
}
