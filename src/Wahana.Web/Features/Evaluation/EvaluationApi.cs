using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Wahana.Web.Data;
using Wahana.Web.Features.Reports;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Evaluation;

/// <summary>GET /api/v1/evaluation?period=2026-1[&amp;regency=34.02]: the joint evaluation table, as on /evaluasi.</summary>
public static class EvaluationApi
{
    public static void MapEvaluationApi(this RouteGroupBuilder api)
    {
        api.MapGet("/evaluation", Get).RequireAuthorization(WahanaPolicies.Evaluation).WithTags("Evaluasi")
            .WithSummary("Evaluasi bersama WKSBM satu semester: indikator setiap WKSBM dalam cakupan dan median kabupaten/kota dan provinsi.")
            .WithDescription("period: tahun-semester (2026-1), bawaan semester lengkap terakhir; regency: kode kabupaten/kota (34.02). "
                + "sort: nama, dilayani, kategori, rupiah-per-orang, sumber-dana, relawan, tingkat, laporan; direction: turun. "
                + "Forum: hanya angka tingkat WKSBM, jumlah orang di bawah 5 bernilai null (suppressedBelow). Relawan dan mitra: 403. "
                + "weak: indikator yang lemah (aturan di halaman /evaluasi).");
    }

    private static async Task<Results<Ok<EvaluationResult>, ValidationProblem>> Get(
        string? period, string? regency, string? sort, string? direction,
        WahanaDbContext db, IServiceProvider services, IOptions<ReportDeadlines> deadlines, TimeProvider clock, CancellationToken cancellationToken)
    {
        var query = EvaluationQuery.Parse(period, regency, sort, direction, Wib.Today(clock));
        if (query.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }
        return TypedResults.Ok(await query.LoadAsync(db, services, deadlines.Value, cancellationToken));
    }
}
