namespace Wahana.Web.Domain;

public enum Sex
{
    LakiLaki,
    Perempuan,
}

public enum InstitutionStatus
{
    Aktif,
    Pembentukan,
    TidakAktif,
}

public enum BoardPosition
{
    Ketua,
    WakilKetua,
    Sekretaris,
    Bendahara,
    Seksi,
    Anggota,
}

public enum ServiceKind
{
    Santunan,
    Pemberdayaan,
    Perlindungan,
    RehabilitasiSosial,
    Rujukan,
}

public enum ServiceForm
{
    Tunai,
    Barang,
    AlatBantu,
    Pelatihan,
    Pendampingan,
    BedahRumah,
    Kesehatan,
    Pendidikan,
    Lainnya,
}

public enum FundingSource
{
    Swadaya,
    Donasi,
    DanaDesa,
    ApbdKabupaten,
    ApbdProvinsi,
    Apbn,
    Csr,
    ZakatInfaq,
    Lainnya,
}

public enum Pillar
{
    Pemerintah,
    Masyarakat,
    DuniaUsaha,
    PerguruanTinggi,
}

/// <summary>The roles of Wahana's users; each carries one kind of scope (see <see cref="AccessScope"/>).</summary>
public enum WahanaRole
{
    AdminProvinsi,
    PetugasKabupaten,
    PengurusWksbm,
    Relawan,
    Forum,
    Mitra,
}
