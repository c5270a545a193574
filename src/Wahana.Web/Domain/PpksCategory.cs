namespace Wahana.Web.Domain;

/// <summary>One of the 26 PPKS categories of Permensos 08/2012, in their order; the slug is our stable code.</summary>
public sealed class PpksCategory
{
    public int Id { get; init; }

    public required string Slug { get; init; }

    public required string Name { get; init; }

    public static readonly IReadOnlyList<PpksCategory> All =
    [
        new() { Id = 1, Slug = "anak-balita-terlantar", Name = "Anak balita terlantar" },
        new() { Id = 2, Slug = "anak-terlantar", Name = "Anak terlantar" },
        new() { Id = 3, Slug = "anak-berhadapan-hukum", Name = "Anak yang berhadapan dengan hukum" },
        new() { Id = 4, Slug = "anak-jalanan", Name = "Anak jalanan" },
        new() { Id = 5, Slug = "anak-disabilitas", Name = "Anak dengan disabilitas" },
        new() { Id = 6, Slug = "anak-korban-kekerasan", Name = "Anak yang menjadi korban tindak kekerasan" },
        new() { Id = 7, Slug = "anak-perlindungan-khusus", Name = "Anak yang memerlukan perlindungan khusus" },
        new() { Id = 8, Slug = "lansia-terlantar", Name = "Lanjut usia terlantar" },
        new() { Id = 9, Slug = "penyandang-disabilitas", Name = "Penyandang disabilitas" },
        new() { Id = 10, Slug = "tuna-susila", Name = "Tuna susila" },
        new() { Id = 11, Slug = "gelandangan", Name = "Gelandangan" },
        new() { Id = 12, Slug = "pengemis", Name = "Pengemis" },
        new() { Id = 13, Slug = "pemulung", Name = "Pemulung" },
        new() { Id = 14, Slug = "kelompok-minoritas", Name = "Kelompok minoritas" },
        new() { Id = 15, Slug = "bekas-warga-binaan", Name = "Bekas warga binaan lembaga pemasyarakatan" },
        new() { Id = 16, Slug = "odha", Name = "Orang dengan HIV/AIDS (ODHA)" },
        new() { Id = 17, Slug = "korban-napza", Name = "Korban penyalahgunaan NAPZA" },
        new() { Id = 18, Slug = "korban-trafficking", Name = "Korban trafficking" },
        new() { Id = 19, Slug = "korban-kekerasan", Name = "Korban tindak kekerasan" },
        new() { Id = 20, Slug = "pekerja-migran-bermasalah", Name = "Pekerja migran bermasalah sosial" },
        new() { Id = 21, Slug = "korban-bencana-alam", Name = "Korban bencana alam" },
        new() { Id = 22, Slug = "korban-bencana-sosial", Name = "Korban bencana sosial" },
        new() { Id = 23, Slug = "prse", Name = "Perempuan rawan sosial ekonomi" },
        new() { Id = 24, Slug = "fakir-miskin", Name = "Fakir miskin" },
        new() { Id = 25, Slug = "keluarga-bermasalah-psikologis", Name = "Keluarga bermasalah sosial psikologis" },
        new() { Id = 26, Slug = "komunitas-adat-terpencil", Name = "Komunitas adat terpencil" },
    ];

    public static PpksCategory? FindBySlug(string slug) => All.FirstOrDefault(c => c.Slug == slug);
}
