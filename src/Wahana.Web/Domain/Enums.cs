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

/// <summary>Where a beneficiary stands: still looked after, or why no longer.</summary>
public enum BeneficiaryStatus
{
    Aktif,
    Pindah,
    Meninggal,
    TidakMembutuhkan,
}

/// <summary>The decision on a pair of records that look like one person.</summary>
public enum DuplicateDecision
{
    /// <summary>Two different people; the pair is not offered again.</summary>
    BedaOrang,

    /// <summary>One person: the second record was merged into the first.</summary>
    Digabung,
}

/// <summary>A WKSBM's request to serve a person another WKSBM already holds (layanan bersama).</summary>
public enum ShareRequestStatus
{
    Diajukan,
    Diterima,
    Ditolak,
}
