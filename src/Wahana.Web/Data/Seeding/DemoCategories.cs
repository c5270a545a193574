using Wahana.Web.Domain;

namespace Wahana.Web.Data.Seeding;

/// <summary>The PPKS category ids the demo data uses, looked up by their stable slugs.</summary>
internal static class DemoCategories
{
    public static readonly int AnakBalitaTerlantar = Id("anak-balita-terlantar");
    public static readonly int AnakTerlantar = Id("anak-terlantar");
    public static readonly int AnakBerhadapanHukum = Id("anak-berhadapan-hukum");
    public static readonly int AnakJalanan = Id("anak-jalanan");
    public static readonly int AnakDisabilitas = Id("anak-disabilitas");
    public static readonly int AnakKorbanKekerasan = Id("anak-korban-kekerasan");
    public static readonly int AnakPerlindunganKhusus = Id("anak-perlindungan-khusus");
    public static readonly int LansiaTerlantar = Id("lansia-terlantar");
    public static readonly int PenyandangDisabilitas = Id("penyandang-disabilitas");
    public static readonly int Gelandangan = Id("gelandangan");
    public static readonly int Pengemis = Id("pengemis");
    public static readonly int Pemulung = Id("pemulung");
    public static readonly int BekasWargaBinaan = Id("bekas-warga-binaan");
    public static readonly int Odha = Id("odha");
    public static readonly int KorbanNapza = Id("korban-napza");
    public static readonly int KorbanKekerasan = Id("korban-kekerasan");
    public static readonly int PekerjaMigranBermasalah = Id("pekerja-migran-bermasalah");
    public static readonly int KorbanBencanaAlam = Id("korban-bencana-alam");
    public static readonly int KorbanBencanaSosial = Id("korban-bencana-sosial");
    public static readonly int Prse = Id("prse");
    public static readonly int FakirMiskin = Id("fakir-miskin");
    public static readonly int KeluargaBermasalahPsikologis = Id("keluarga-bermasalah-psikologis");

    /// <summary>The categories for children (1-7 in Permensos 08/2012): only people under 18 belong to them.</summary>
    public static bool IsForChildren(int categoryId) => categoryId <= AnakPerlindunganKhusus;

    public static bool Has(Beneficiary person, params ReadOnlySpan<int> categoryIds)
    {
        foreach (var category in person.Categories)
        {
            if (categoryIds.Contains(category.CategoryId))
            {
                return true;
            }
        }
        return false;
    }

    private static int Id(string slug) =>
        PpksCategory.FindBySlug(slug)?.Id ?? throw new InvalidOperationException($"Unknown PPKS category {slug}.");
}
