using Wahana.Web.Domain;

namespace Wahana.Web.Data.Seeding;

/// <summary>
/// The nine indicators of institutional strength that Wahana starts with (DOMAIN.md, "Institutional strength"):
/// no official instrument exists, so these are ours; the province admin may change weights and guidance.
/// </summary>
public static class StrengthIndicators
{
    public static IReadOnlyList<AssessmentIndicator> Initial() =>
    [
        New(1, "legalitas", "Legalitas", 15,
            "Belum ada SK pengesahan.", "SK sedang diproses di kalurahan.", "Ada SK lurah, belum diperbarui sesuai kepengurusan.", "Ada SK lurah yang berlaku dan sesuai kepengurusan."),
        New(2, "struktur", "Struktur kepengurusan", 10,
            "Belum ada pengurus tetap.", "Hanya ketua dan sekretaris.", "Ketua, sekretaris, bendahara.", "Lengkap dengan seksi-seksi dan pembagian tugas tertulis."),
        New(3, "pertemuan-rutin", "Pertemuan rutin", 10,
            "Tidak ada pertemuan.", "Pertemuan tidak tentu.", "Pertemuan rutin, notulen sebagian.", "Pertemuan rutin tiap bulan dengan notulen."),
        New(4, "administrasi", "Administrasi", 10,
            "Tidak ada buku administrasi.", "Buku tamu/daftar hadir saja.", "Data PPKS dan buku kas dicatat.", "Administrasi lengkap dan rapi: data PPKS, kas, inventaris, surat."),
        New(5, "program-kerja", "Rencana program", 10,
            "Tidak ada rencana.", "Rencana lisan.", "Rencana tertulis tahunan.", "Rencana tertulis, dibahas bersama warga, dan dievaluasi."),
        New(6, "sumber-dana", "Sumber dana", 15,
            "Belum ada dana.", "Satu sumber (swadaya saja).", "Dua sumber, termasuk dana desa atau donatur.", "Tiga sumber atau lebih yang rutin."),
        New(7, "kemitraan", "Kemitraan", 10,
            "Belum bermitra.", "Bermitra dengan pemerintah kalurahan saja.", "Bermitra dengan dua pilar.", "Bermitra dengan tiga pilar atau lebih (pemerintah, masyarakat, dunia usaha, perguruan tinggi)."),
        New(8, "relawan", "Relawan", 10,
            "Tidak ada relawan aktif.", "1-2 relawan aktif.", "3-5 relawan aktif.", "Lebih dari 5 relawan aktif dan ada kaderisasi."),
        New(9, "pelaporan", "Pelaporan tepat waktu", 10,
            "Tidak melapor.", "Melapor terlambat dan tidak lengkap.", "Melapor lengkap tetapi terlambat.", "Melapor lengkap dan tepat waktu setiap semester."),
    ];

    private static AssessmentIndicator New(int id, string code, string name, int weight, string g1, string g2, string g3, string g4) => new()
    {
        Id = id,
        Code = code,
        Name = name,
        Weight = weight,
        Guidance1 = g1,
        Guidance2 = g2,
        Guidance3 = g3,
        Guidance4 = g4,
        SortOrder = id,
    };
}
