using Wahana.Web.Domain;
using Wahana.Web.Features.BeneficiaryImport;

namespace Wahana.Web.Features.ServiceImport;

/// <summary>The columns of the service import, in the template's order.</summary>
/// <remarks>
/// A person is found by NIK or, for people without NIK, by their Wahana id (the record's id, shown as "ID Wahana" on
/// the profile of a person without NIK and in the profile's address). Names are never used to find a person: two
/// people of one WKSBM may share a name, and a wrong match would put money on the wrong person.
/// </remarks>
public static class ServiceImportColumns
{
    public const string Nik = "nik";
    public const string WahanaId = "id_wahana";
    public const string Name = "nama";
    public const string Date = "tanggal";
    public const string Kind = "jenis";
    public const string Form = "bentuk";
    public const string Value = "nilai";
    public const string FundingSource = "sumber_dana";
    public const string Partner = "mitra";
    public const string Notes = "catatan";

    public const int MaxNotesLength = 1000;

    public static readonly IReadOnlyList<ImportColumn> All =
    [
        new(Nik, false, "NIK 16 digit penerima yang sudah terdaftar di WKSBM ini. Format kolom sebagai Teks agar Excel tidak mengubah digit terakhir. Isi nik atau id_wahana.", "3402154708900001"),
        new(WahanaId, false, "Untuk penerima tanpa NIK: ID Wahana yang tertera di profilnya (baris \"ID Wahana\", 36 karakter, juga bagian akhir alamat halaman profil /penerima/...). Isi nik atau id_wahana.", ""),
        new(Name, false, "Nama penerima, hanya untuk memudahkan Anda membaca berkas; tidak dipakai untuk mencari orangnya.", "Sri Rahayu"),
        new(Date, true, "Tanggal layanan: HH-BB-TTTT (15-03-2026) atau sel tanggal Excel. Tidak boleh di masa depan atau sebelum penerima terdaftar.", "15-03-2026"),
        new(Kind, true, "Jenis layanan: santunan, pemberdayaan, perlindungan atau rehabilitasi-sosial (kode atau nama, lihat daftar di bawah). Rujukan dicatat di menu Rujukan.", "santunan"),
        new(Form, true, "Bentuk layanan: kode atau nama dari daftar di bawah, mis. tunai, barang, alat-bantu.", "barang"),
        new(Value, true, "Nilai dalam rupiah tanpa desimal: 150.000 atau 150000 (sel angka juga boleh). 0 boleh kecuali untuk tunai. Paling besar Rp 100.000.000 per orang; nilai di atasnya dicatat satu per satu lewat formulir layanan.", "150.000"),
        new(FundingSource, true, "Sumber dana: kode atau nama dari daftar di bawah, mis. swadaya, dana-desa, donasi.", "swadaya"),
        new(Partner, false, "Nama mitra pemberi dana, persis seperti di daftar mitra di bawah. Wajib untuk donasi dan csr.", ""),
        new(Notes, false, "Catatan, paling banyak 1.000 karakter.", "Paket sembako semester 1"),
    ];

    /// <summary>The file must have these; and at least one of <see cref="Nik"/> and <see cref="WahanaId"/>.</summary>
    public static IEnumerable<string> RequiredHeaders => All.Where(c => c.Required).Select(c => c.Header);

    /// <summary>The position of each column in <see cref="All"/>: the order the job keeps the cells in.</summary>
    public static int IndexOf(string header)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Header == header)
            {
                return i;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(header), header, "Not a column of the service import.");
    }

    /// <summary>
    /// Maps the file's headers to our columns (header → position in the file), or says in Indonesian what is wrong:
    /// columns missing, unknown or given twice. The columns baris and kesalahan of our own error file are ignored.
    /// </summary>
    public static (Dictionary<string, int>? Map, string? Problem) MapHeaders(IReadOnlyList<string> headers)
    {
        if (headers.All(string.IsNullOrWhiteSpace))
        {
            return (null, "Berkas tidak berisi judul kolom. Baris pertama harus berisi judul kolom seperti pada templat.");
        }
        var known = All.Select(c => c.Header).ToHashSet(StringComparer.Ordinal);
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var unknown = new List<string>();
        var twice = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = ImportColumns.Normalize(headers[i]);
            if (header.Length == 0 || header is ImportColumns.RowColumn or ImportColumns.ErrorColumn)
            {
                continue;
            }
            if (!known.Contains(header))
            {
                unknown.Add(headers[i].Trim());
            }
            else if (!map.TryAdd(header, i))
            {
                twice.Add(header);
            }
        }
        var missing = RequiredHeaders.Where(h => !map.ContainsKey(h)).ToList();
        var problems = new List<string>();
        if (!map.ContainsKey(Nik) && !map.ContainsKey(WahanaId))
        {
            problems.Add("Kolom nik atau id_wahana harus ada: dengan salah satunya penerima layanan dikenali.");
        }
        if (missing.Count > 0)
        {
            problems.Add($"Kolom wajib tidak ada: {string.Join(", ", missing)}.");
        }
        if (unknown.Count > 0)
        {
            problems.Add($"Kolom tidak dikenal: {string.Join(", ", unknown.Take(10))}{(unknown.Count > 10 ? ", ..." : "")}.");
        }
        if (twice.Count > 0)
        {
            problems.Add($"Kolom muncul dua kali: {string.Join(", ", twice)}.");
        }
        if (problems.Count > 0)
        {
            problems.Add("Pakai judul kolom dari templat impor layanan (unduh di halaman ini).");
            return (null, string.Join(" ", problems));
        }
        return (map, null);
    }

    /// <summary>The kinds an import records (referrals have their own records).</summary>
    public static readonly IReadOnlyList<ServiceKind> Kinds =
        [ServiceKind.Santunan, ServiceKind.Pemberdayaan, ServiceKind.Perlindungan, ServiceKind.RehabilitasiSosial];

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
        ServiceForm.Barang => "Barang",
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
        Domain.FundingSource.Swadaya => "Swadaya",
        Domain.FundingSource.Donasi => "Donasi",
        Domain.FundingSource.DanaDesa => "Dana Desa",
        Domain.FundingSource.ApbdKabupaten => "APBD kabupaten/kota",
        Domain.FundingSource.ApbdProvinsi => "APBD provinsi",
        Domain.FundingSource.Apbn => "APBN",
        Domain.FundingSource.Csr => "CSR",
        Domain.FundingSource.ZakatInfaq => "Zakat/infak",
        _ => "Lainnya",
    };
}
