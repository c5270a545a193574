using System.Globalization;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Reports;

/// <summary>The screen names used by the semester report (services' names from <see cref="ServiceNames"/>, sexes, referral statuses).</summary>
public static class ReportText
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static string Number(int value) => value.ToString("N0", Indonesian);

    public static string SexName(Sex sex) => sex == Sex.LakiLaki ? "Laki-laki" : "Perempuan";

    public static string KindName(ServiceKind kind) => ServiceNames.Kind(kind);

    public static string FormName(ServiceForm form) => ServiceNames.Form(form);

    public static string FundingName(FundingSource source) => ServiceNames.Funding(source);

    public static string ReferralStatusName(ReferralStatus status) => status switch
    {
        ReferralStatus.Dikirim => "Dikirim",
        ReferralStatus.Diterima => "Diterima",
        ReferralStatus.Ditangani => "Ditangani",
        ReferralStatus.Selesai => "Selesai",
        _ => "Ditolak",
    };

    /// <summary>The Bootstrap colour of a status badge (text colours that keep contrast on the badge).</summary>
    public static string StatusBadge(ReportStatus? status) => status switch
    {
        null => "text-bg-light border",
        ReportStatus.Draft => "text-bg-secondary",
        ReportStatus.Diajukan => "text-bg-primary",
        ReportStatus.Dikembalikan => "text-bg-warning",
        _ => "text-bg-success",
    };
}
