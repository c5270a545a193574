using Microsoft.EntityFrameworkCore;
using Wahana.Web.Domain;

namespace Wahana.Web.Data;

/// <summary>An approved semester report locks that semester's services of its WKSBM.</summary>
public static class SemesterLocks
{
    /// <summary>The message shown when a service falls in a locked semester.</summary>
    public static string Message(Semester semester) =>
        $"Laporan semester {semester.Half} tahun {semester.Year} WKSBM ini sudah disetujui, sehingga layanan pada semester itu terkunci. "
        + "Minta petugas kabupaten membuka kembali laporan tersebut bila ada yang perlu dicatat atau diubah.";

    /// <summary>Whether the WKSBM's report for the semester of <paramref name="date"/> is approved.</summary>
    public static Task<bool> IsLockedAsync(this WahanaDbContext db, Guid institutionId, DateOnly date, CancellationToken cancellationToken = default)
    {
        var semester = Semester.Of(date);
        return db.SemesterReports.IgnoreQueryFilters().AnyAsync(r =>
            r.InstitutionId == institutionId && r.Year == semester.Year && r.Half == semester.Half && r.Status == ReportStatus.Disetujui,
            cancellationToken);
    }
}
