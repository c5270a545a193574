using System.Globalization;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Reports;

/// <summary>The screen names used by the semester report (kinds, forms, funding sources, sexes, referral statuses).</summary>
public static class ReportText
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static string Number(int value) => value.ToString("N0", Indonesian);

    public static string SexName(Sex sex) => sex == Sex.LakiLaki ? "Laki-laki" : "Perempuan";

    public static string KindName(ServiceKind kind) => kind switch
    {
        ServiceKind.Santunan => "Santunan",
        ServiceKind.Pemberdayaan => "Pemberdayaan",
        ServiceKind.Perlindungan => "Perlindungan",
        ServiceKind.RehabilitasiSosial => "Rehabilitasi sosial",
        _ => "Rujukan",
    };

    public static string FormName(ServiceForm form) => form switch
    {
        ServiceForm.Tunai => "Tunai",
        ServiceForm.Barang => "Barang (sembako dan lain-lain)",
        ServiceForm.AlatBantu => "Alat bantu",
        ServiceForm.Pelatihan => "Pelatihan",
        ServiceForm.Pendampingan => "Pendampingan",
        ServiceForm.BedahRumah => "Bedah rumah",
        ServiceForm.Kesehatan => "Kesehatan",
        ServiceForm.Pendidikan => "Pendidikan",
        _ => "Lainnya",
    };

    public static string FundingName(FundingSource source) => source switch
    {
        FundingSource.Swadaya => "Swadaya",
        FundingSource.Donasi => "Donasi (mitra)",
        FundingSource.DanaDesa => "Dana Desa",
        FundingSource.ApbdKabupaten => "APBD kabupaten/kota",
        FundingSource.ApbdProvinsi => "APBD provinsi",
        FundingSource.Apbn => "APBN",
        FundingSource.Csr => "CSR (dunia usaha)",
        FundingSource.ZakatInfaq => "Zakat/infak",
        _ => "Lainnya",
    };

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
