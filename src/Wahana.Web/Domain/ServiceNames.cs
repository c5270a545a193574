namespace Wahana.Web.Domain;

/// <summary>The Indonesian names of the service kinds, forms and funding sources (their codes are the slugs of DOMAIN.md).</summary>
public static class ServiceNames
{
    /// <summary>The kinds a service is recorded as; referrals (rujukan) have their own records.</summary>
    public static readonly IReadOnlyList<ServiceKind> Kinds =
        [ServiceKind.Santunan, ServiceKind.Pemberdayaan, ServiceKind.Perlindungan, ServiceKind.RehabilitasiSosial];

    public static string Kind(ServiceKind kind) => kind switch
    {
        ServiceKind.Santunan => "Santunan",
        ServiceKind.Pemberdayaan => "Pemberdayaan",
        ServiceKind.Perlindungan => "Perlindungan",
        ServiceKind.RehabilitasiSosial => "Rehabilitasi sosial",
        _ => "Rujukan",
    };

    public static string Form(ServiceForm form) => form switch
    {
        ServiceForm.Tunai => "Tunai",
        ServiceForm.Barang => "Barang (sembako, dll.)",
        ServiceForm.AlatBantu => "Alat bantu",
        ServiceForm.Pelatihan => "Pelatihan",
        ServiceForm.Pendampingan => "Pendampingan",
        ServiceForm.BedahRumah => "Bedah rumah",
        ServiceForm.Kesehatan => "Kesehatan",
        ServiceForm.Pendidikan => "Pendidikan",
        _ => "Lainnya",
    };

    public static string Funding(FundingSource source) => source switch
    {
        FundingSource.Swadaya => "Swadaya",
        FundingSource.Donasi => "Donasi mitra",
        FundingSource.DanaDesa => "Dana Desa",
        FundingSource.ApbdKabupaten => "APBD kabupaten/kota",
        FundingSource.ApbdProvinsi => "APBD provinsi",
        FundingSource.Apbn => "APBN (termasuk dekonsentrasi)",
        FundingSource.Csr => "CSR",
        FundingSource.ZakatInfaq => "Zakat/infak",
        _ => "Lainnya",
    };

}
