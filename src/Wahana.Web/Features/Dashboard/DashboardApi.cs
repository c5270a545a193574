using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Features.Distributions;
using Wahana.Web.Features.Reports;
using Wahana.Web.Infrastructure;

namespace Wahana.Web.Features.Dashboard;

/// <summary>GET /api/v1/dashboard?period=2026-1[&amp;regency=34.02]: the figures of the dashboard page, the same DTO.</summary>
public static class DashboardApi
{
    public static void MapDashboardApi(this RouteGroupBuilder api)
    {
        api.MapGet("/dashboard", Get).WithTags("Dasbor")
            .WithSummary("Angka dasbor satu semester dalam cakupan pengguna (sama dengan halaman /dasbor).")
            .WithDescription("Parameter: period (wajib, tahun-semester, mis. 2026-1: semester 1 = Januari-Juni, 2 = Juli-Desember), "
                + "regency (kode kabupaten/kota, mis. 34.02; untuk pengguna tingkat provinsi, forum dan mitra). Petugas kabupaten/kota "
                + "selalu mendapat kabupaten/kotanya, pengurus dan relawan WKSBM-nya; regency di luar cakupan: 404. "
                + "Orang dihitung sekali (berbeda) per wilayah; kelompok umur menurut umur pada akhir semester. "
                + "Peta per kapanewon (districts) menghitung orang menurut kapanewon WKSBM yang melayani. "
                + "Untuk forum dan mitra (suppressed = true) setiap jumlah orang atau layanan 1-4 dikirim sebagai null "
                + "(di halaman tertulis \"<5\"); 0 tetap 0; jumlah WKSBM dan rupiah tidak disamarkan. "
                + "reports: jumlah WKSBM menurut status laporan semester (belum dimulai, draf, diajukan, dikembalikan, disetujui) "
                + "dan tepat waktu/terlambat, sama dengan /laporan/kelengkapan. "
                + "Parameter tidak valid: 400 dengan galat per field.");
    }

    private static async Task<Results<Ok<DashboardFigures>, ValidationProblem, NotFound>> Get(
        string? period, string? regency, WahanaDbContext db, IOptions<ReportDeadlines> deadlines, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var semester = Semester.Parse(period);
        if (semester is null)
        {
            errors["period"] = [string.IsNullOrWhiteSpace(period)
                ? "Periode wajib diisi, mis. 2026-1."
                : "Periode harus ditulis tahun-semester, mis. 2026-1 (semester 1 atau 2)."];
        }
        var regencyCode = string.IsNullOrWhiteSpace(regency) ? null : regency.Trim();
        if (regencyCode is not null && !RegionCatalog.Instance.IsDiyRegency(regencyCode))
        {
            errors["regency"] = ["Kode kabupaten/kota tidak dikenal; pakai 34.01, 34.02, 34.03, 34.04 atau 34.71."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Parameter tidak valid.");
        }
        if (regencyCode is not null && !await InScopeAsync(db, regencyCode, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var figures = await new DashboardQuery(db).LoadAsync(semester!.Value, regencyCode, cancellationToken);
        return TypedResults.Ok(await DashboardReports.AddToAsync(figures, semester.Value, db, deadlines.Value, Wib.Today(clock), cancellationToken));
    }

    /// <summary>A kabupaten/kota the user may narrow to: any for the province-wide, their own for the others.</summary>
    internal static async Task<bool> InScopeAsync(WahanaDbContext db, string regencyCode, CancellationToken cancellationToken)
    {
        var scope = db.CurrentUser.Scope;
        if (scope.InstitutionId is { } own)
        {
            return await db.Institutions.AnyAsync(i => i.Id == own && i.RegencyCode == regencyCode, cancellationToken);
        }
        return scope.RegencyCode is null ? scope.AllInstitutions : scope.RegencyCode == regencyCode;
    }
}
