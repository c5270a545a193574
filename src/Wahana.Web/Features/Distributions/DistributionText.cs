using System.Globalization;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Distributions;

/// <summary>The screen names of service kinds, forms and funding sources, and the period codes ("2026-1").</summary>
public static class DistributionText
{
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

    /// <summary>Reads a semester written as "2026-1" or "2026-2".</summary>
    public static Semester? ParseSemester(string? text)
    {
        var value = text?.Trim();
        if (value is not { Length: 6 } || value[4] != '-' || value[5] is not ('1' or '2')
            || !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000 || year > 2100)
        {
            return null;
        }
        return new Semester(year, value[5] - '0');
    }

    public static string SemesterName(Semester semester) =>
        string.Create(CultureInfo.InvariantCulture, $"Semester {semester.Half} tahun {semester.Year} ({semester})");

    public static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
}
