using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Distributions;

/// <summary>The activities (/kegiatan) of the user's WKSBM, or of the WKSBM in an officer's scope, by semester.</summary>
[Authorize(Policy = WahanaPolicies.PersonalData)]
public sealed class IndexModel(WahanaDbContext db, TimeProvider clock) : PageModel
{
    public const int SemestersOffered = 6;

    public DistributionQuery Query { get; private set; } = null!;

    public DistributionQuery.Result Result { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Name)> Institutions { get; private set; } = [];

    public IReadOnlyList<Semester> Semesters { get; private set; } = [];

    public bool OneInstitution => db.CurrentUser.Scope.InstitutionId is not null;

    public bool MayRecord => DistributionRecorder.MayRecord(db.CurrentUser.Role);

    /// <summary>The board and the offices export; a volunteer records and looks, as on the registry.</summary>
    public bool MayExport => db.CurrentUser.Role is WahanaRole.AdminProvinsi or WahanaRole.PetugasKabupaten or WahanaRole.PengurusWksbm;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        Query = DistributionQuery.ParsePage(Request.Query, today);
        Result = await Query.LoadAsync(db, cancellationToken);
        var semesters = new List<Semester>();
        for (var s = Semester.Of(today); semesters.Count < SemestersOffered; s = s.Previous)
        {
            semesters.Add(s);
        }
        if (Query.Period is { } asked && !semesters.Contains(asked))
        {
            semesters.Add(asked);
        }
        Semesters = semesters;
        if (!OneInstitution)
        {
            var list = await db.Institutions.AsNoTracking().OrderBy(i => i.Name).Select(i => new { i.Id, i.Name }).ToListAsync(cancellationToken);
            Institutions = [.. list.Select(i => (i.Id, i.Name))];
        }
    }
}
