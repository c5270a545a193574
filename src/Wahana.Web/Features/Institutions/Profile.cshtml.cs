using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Storage;

namespace Wahana.Web.Features.Institutions;

/// <summary>The profile of one WKSBM: location, legality and documents, board, volunteers, figures, assessments, audit trail.</summary>
[RequestSizeLimit(InstitutionDocument.MaxBytes * 2)]
public sealed class ProfileModel(WahanaDbContext db, TimeProvider clock, DocumentStore store) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Institution Institution { get; private set; } = null!;

    public ProfileFigures Figures { get; private set; } = null!;

    public IReadOnlyList<Volunteer> Volunteers { get; private set; } = [];

    public IReadOnlyList<InstitutionDocument> Documents { get; private set; } = [];

    public IReadOnlyList<Assessment> Assessments { get; private set; } = [];

    public IReadOnlyList<AuditEntry> AuditTrail { get; private set; } = [];

    public WahanaRole? Role => db.CurrentUser.Role;

    public bool MayEdit => InstitutionEditor.MayEdit(Role);

    public bool MayEditLegality => InstitutionEditor.MayEditLegality(Role);

    public bool SeesPeople => db.CurrentUser.Scope.SeesPeople;

    [BindProperty]
    public DocumentUpload Upload { get; set; } = new();

    [BindProperty]
    public string? DeactivationReason { get; set; }

    public sealed class DocumentUpload
    {
        public DocumentKind Kind { get; set; } = DocumentKind.SkPengesahan;

        public string? Title { get; set; }

        public IFormFile? File { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (!MayEdit || !SeesPeople || (Upload.Kind == DocumentKind.SkPengesahan && !MayEditLegality))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var (content, contentType) = await ReadUploadAsync(cancellationToken);
        if (!ModelState.IsValid || content is null || contentType is null)
        {
            return Page();
        }
        var document = new InstitutionDocument
        {
            InstitutionId = Institution.Id,
            RegencyCode = Institution.RegencyCode,
            Kind = Upload.Kind,
            Title = InstitutionEditor.Clean(Upload.Title) ?? InstitutionDocument.KindName(Upload.Kind),
            OriginalFileName = Path.GetFileName(Upload.File!.FileName),
            ContentType = contentType,
            SizeBytes = content.Length,
            Sha256 = "",
            UploadedBy = db.CurrentUser.Name,
        };
        document.Sha256 = await store.SaveAsync(document.Id, content, cancellationToken);
        db.InstitutionDocuments.Add(document);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            store.Delete(document.Id);
            throw;
        }
        TempData["Message"] = $"Dokumen \"{document.Title}\" tersimpan.";
        return LocalRedirect($"/wksbm/{Id}#dokumen");
    }

    public async Task<IActionResult> OnGetDocumentAsync(Guid documentId, CancellationToken cancellationToken)
    {
        var document = await db.InstitutionDocuments.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Id == documentId && d.InstitutionId == Id, cancellationToken);
        var stream = document is null ? null : store.Open(document.Id);
        if (document is null || stream is null)
        {
            return NotFound();
        }
        return File(stream, document.ContentType, document.OriginalFileName);
    }

    public async Task<IActionResult> OnPostDeactivateAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (!MayEditLegality)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Institution.Status = InstitutionStatus.TidakAktif;
        Institution.DeactivationReason = InstitutionEditor.Clean(DeactivationReason);
        if (Institution.DeactivationReason is null)
        {
            ModelState.AddModelError(nameof(DeactivationReason), "Tuliskan alasan WKSBM dinonaktifkan.");
            db.Entry(Institution).State = EntityState.Unchanged;
            Institution.Status = InstitutionStatus.Aktif;
            return Page();
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "WKSBM dinonaktifkan. Datanya tetap tersimpan dan dapat diaktifkan kembali lewat Ubah.";
        return LocalRedirect($"/wksbm/{Id}");
    }

    private async Task<(byte[]? Content, string? ContentType)> ReadUploadAsync(CancellationToken cancellationToken)
    {
        var file = Upload.File;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("Upload.File", "Pilih berkas yang akan diunggah.");
            return (null, null);
        }
        if (file.Length > InstitutionDocument.MaxBytes)
        {
            ModelState.AddModelError("Upload.File", $"Berkas terlalu besar ({file.Length / 1024.0 / 1024.0:0.0} MB); paling besar 5 MB.");
            return (null, null);
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        var contentType = DocumentStore.SniffContentType(content.AsSpan(0, Math.Min(content.Length, 16)));
        if (contentType is null)
        {
            ModelState.AddModelError("Upload.File", "Isi berkas bukan PDF, JPEG, atau PNG (jenis berkas diperiksa dari isinya, bukan dari namanya).");
        }
        return (content, contentType);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var institution = await db.Institutions.Include(i => i.BoardMembers).SingleOrDefaultAsync(i => i.Id == Id, cancellationToken);
        if (institution is null)
        {
            return false;
        }
        Institution = institution;
        Figures = await ProfileFigures.LoadAsync(db, institution.Id, Wib.Today(clock), cancellationToken);
        Volunteers = await db.Volunteers.AsNoTracking().Where(v => v.InstitutionId == Id).OrderByDescending(v => v.IsActive).ThenBy(v => v.Name).ToListAsync(cancellationToken);
        Documents = await db.InstitutionDocuments.AsNoTracking().Where(d => d.InstitutionId == Id).OrderByDescending(d => d.UploadedAt).ToListAsync(cancellationToken);
        Assessments = await db.Assessments.AsNoTracking().Where(a => a.InstitutionId == Id).OrderByDescending(a => a.Year).ThenByDescending(a => a.Half).ToListAsync(cancellationToken);
        if (MayEditLegality)
        {
            AuditTrail = await InstitutionAudit.LatestAsync(db, Id, cancellationToken);
        }
        return true;
    }
}
