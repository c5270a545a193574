using System.Text;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.BeneficiaryImport;

/// <summary>A column of the import sheet: its header, whether the file must have it, what goes in it and an example.</summary>
public sealed record ImportColumn(string Header, bool Required, string Description, string Example);

/// <summary>The columns of the beneficiary import, in the template's order.</summary>
public static class ImportColumns
{
    public const string Name = "nama";
    public const string Nik = "nik";
    public const string NoNikReason = "alasan_tanpa_nik";
    public const string Kk = "no_kk";
    public const string Sex = "jenis_kelamin";
    public const string BirthPlace = "tempat_lahir";
    public const string BirthDate = "tanggal_lahir";
    public const string Village = "kode_kalurahan";
    public const string Hamlet = "padukuhan";
    public const string Rt = "rt";
    public const string Rw = "rw";
    public const string Address = "alamat";
    public const string Phone = "telepon";
    public const string Desil = "desil";
    public const string Categories = "kategori";
    public const string ConsentOn = "tanggal_persetujuan";
    public const string ConsentBy = "pemberi_persetujuan";
    public const string ConsentByGuardian = "persetujuan_wali";
    public const string RegisteredOn = "tanggal_terdaftar";

    /// <summary>Columns of our own error file, ignored when that file is corrected and imported again.</summary>
    public const string RowColumn = "baris";
    public const string ErrorColumn = "kesalahan";

    public static readonly IReadOnlyList<ImportColumn> All =
    [
        new(Name, true, "Nama lengkap sesuai KTP/KK, paling banyak 200 karakter. Wajib.", "Sri Rahayu"),
        new(Nik, true, "NIK 16 digit. Kosongkan bila orang ini belum punya NIK, lalu isi alasan_tanpa_nik. Format kolom sebagai Teks agar Excel tidak mengubah digit terakhir.", "3402154708900001"),
        new(NoNikReason, true, "Wajib bila NIK kosong: mengapa belum ada NIK (mis. anak jalanan tanpa dokumen). Orang tanpa NIK ditandai untuk ditindaklanjuti dengan Dukcapil.", ""),
        new(Kk, false, "Nomor Kartu Keluarga 16 digit, bila ada. Format kolom sebagai Teks.", "3402150101100003"),
        new(Sex, true, "L (laki-laki) atau P (perempuan). Wajib; harus cocok dengan NIK.", "P"),
        new(BirthPlace, false, "Kota/kabupaten tempat lahir, paling banyak 100 karakter.", "Bantul"),
        new(BirthDate, true, "Tanggal lahir: TTTT-BB-HH (1990-08-07), HH-BB-TTTT (07-08-1990) atau sel tanggal Excel. Wajib; harus cocok dengan NIK.", "1990-08-07"),
        new(Village, true, "Kode kalurahan/kelurahan Kemendagri tempat tinggal (mis. 34.02.15.2003), atau namanya bila nama itu hanya ada satu di kabupaten/kota WKSBM. Pengurus WKSBM: kalurahan di kapanewon WKSBM-nya; petugas: di kabupaten/kota WKSBM tujuan.", "34.02.15.2003"),
        new(Hamlet, false, "Padukuhan/dusun atau RW, paling banyak 100 karakter.", "Druwo"),
        new(Rt, false, "Nomor RT, angka paling banyak 3 digit.", "004"),
        new(Rw, false, "Nomor RW, angka paling banyak 3 digit.", "012"),
        new(Address, false, "Alamat, paling banyak 500 karakter.", "Padukuhan Druwo RT 004/RW 012"),
        new(Phone, false, "Nomor telepon 8-15 digit, boleh diawali +.", "081234567890"),
        new(Desil, false, "Desil DTSEN 1-10, bila diketahui.", "2"),
        new(Categories, true, "Kode kategori PPKS (lihat daftar di bawah), dipisah titik koma bila lebih dari satu. Wajib minimal satu.", "prse;fakir-miskin"),
        new(ConsentOn, true, "Tanggal persetujuan pengolahan data (format seperti tanggal_lahir). Wajib.", "2025-07-01"),
        new(ConsentBy, true, "Siapa yang memberi persetujuan: orang itu sendiri atau nama orang tua/wali. Wajib.", "Sri Rahayu"),
        new(ConsentByGuardian, false, "ya bila persetujuan diberikan orang tua/wali (wajib ya untuk anak di bawah 18 tahun), tidak bila oleh orang itu sendiri. Kosong berarti tidak.", "tidak"),
        new(RegisteredOn, false, "Tanggal terdaftar di WKSBM (format seperti tanggal_lahir). Kosong berarti hari impor.", "2025-07-01"),
    ];

    public static IEnumerable<string> RequiredHeaders => All.Where(c => c.Required).Select(c => c.Header);

    /// <summary>"Tanggal Lahir" → "tanggal_lahir": the header as we compare it.</summary>
    public static string Normalize(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return "";
        }
        var text = new StringBuilder(header.Length);
        foreach (var c in header.Trim().ToLowerInvariant())
        {
            var mapped = char.IsLetterOrDigit(c) ? c : '_';
            if (mapped == '_' && (text.Length == 0 || text[^1] == '_'))
            {
                continue;
            }
            text.Append(mapped);
        }
        return text.ToString().TrimEnd('_');
    }

    /// <summary>
    /// Maps the file's headers to our columns (header → column position), or says in Indonesian what is wrong:
    /// columns missing, unknown or given twice.
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
            var header = Normalize(headers[i]);
            if (header.Length == 0 || header is RowColumn or ErrorColumn)
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
        if (missing.Count > 0)
        {
            problems.Add($"Kolom wajib tidak ada: {string.Join(", ", missing)}.");
        }
        if (unknown.Count > 0)
        {
            problems.Add($"Kolom tidak dikenal: {string.Join(", ", unknown)}.");
        }
        if (twice.Count > 0)
        {
            problems.Add($"Kolom muncul dua kali: {string.Join(", ", twice)}.");
        }
        if (problems.Count > 0)
        {
            problems.Add("Pakai judul kolom dari templat (unduh di halaman ini).");
            return (null, string.Join(" ", problems));
        }
        return (map, null);
    }

    /// <summary>The 26 PPKS categories by slug, for the template's guide and the import.</summary>
    public static IReadOnlyList<PpksCategory> CategoryList => PpksCategory.All;
}
