using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Services;

/// <summary>
/// "Belum dilayani semester ini" (/layanan/belum-dilayani): the active beneficiaries of a WKSBM with no service in
/// the current semester, so nobody is forgotten. A pengurus or relawan sees its own WKSBM; an officer picks one.
/// </summary>
[Authorize(Policy = WahanaPolicies.PersonalData)]
public sealed class NotServedModel(WahanaDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(Guid Id, string Name, Sex Sex, DateOnly BirthDate, string Hamlet, DateOnly? LastServed);

    [BindProperty(SupportsGet = true, Name = "wksbm")]
    public Guid? InstitutionId { get; set; }

    [BindProperty(SupportsGet = true, Name = "halaman")]
    public int PageNumber { get; set; } = 1;

    public Semester Semester { get; private set; }

    public DateOnly Today { get; private set; }

    public string? InstitutionName { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Institutions { get; private set; } = [];

    public bool OneInstitution => db.CurrentUser.Scope.InstitutionId is not null;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int Active { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool MayRecord => ServiceEditor.MayWrite(db.CurrentUser.Role);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Today = Wib.Today(clock);
        Semester = Semester.Of(Today);
        PageNumber = Math.Max(1, PageNumber);
        if (db.CurrentUser.Scope.InstitutionId is { } own)
        {
            InstitutionId = own;
        }
        else
        {
            var list = await db.Institutions.AsNoTracking().OrderBy(i => i.Name).Select(i => new { i.Id, i.Name }).ToListAsync(cancellationToken);
            Institutions = [.. list.Select(i => (i.Id, i.Name))];
        }
        if (InstitutionId is not { } institutionId)
        {
            return Page();
        }
        InstitutionName = await db.Institutions.AsNoTracking().Where(i => i.Id == institutionId).Select(i => i.Name).SingleOrDefaultAsync(cancellationToken);
        if (InstitutionName is null)
        {
            return NotFound();
        }
        var (start, end) = (Semester.Start, Semester.End);
        var active = db.Beneficiaries.AsNoTracking().Where(b => b.InstitutionId == institutionId && b.Status == BeneficiaryStatus.Aktif && b.ErasedAt == null);
        // IgnoreQueryFilters would lift the filters of the whole query, not only of this subquery: never here.
        var notServed = active.Where(b => !db.Services.Any(s => s.BeneficiaryId == b.Id && s.Date >= start && s.Date <= end));
        Active = await active.CountAsync(cancellationToken);
        Total = await notServed.CountAsync(cancellationToken);
        Rows = await notServed.OrderBy(b => b.NameKey).ThenBy(b => b.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(b => new Row(b.Id, b.Name, b.Sex, b.BirthDate, b.Hamlet,
                db.Services.Where(s => s.BeneficiaryId == b.Id).Max(s => (DateOnly?)s.Date)))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public string PageLink(int page) =>
        "/layanan/belum-dilayani?" + (OneInstitution ? "" : $"wksbm={InstitutionId}&") + "halaman=" + page.ToString(CultureInfo.InvariantCulture);
}
