using System.Globalization;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Reports;

/// <summary>
/// The office letterhead (kop surat) of a printed report: the government, the office, its address, and where and by
/// whom its documents are signed. The province's Dinas Sosial for province-wide papers, a kabupaten/kota's own Dinas
/// Sosial for its recap. Addresses can be set in configuration (<see cref="LetterheadOptions"/>).
/// </summary>
public sealed record Letterhead(string Government, string Office, string Address, string Place, string HeadTitle)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    // The seats of the offices; the addresses are defaults that configuration may correct.
    private static readonly Dictionary<string, (string Address, string Place)> Defaults = new(StringComparer.Ordinal)
    {
        [RegionCatalog.ProvinceCode] = ("Jalan Janti, Banguntapan, Bantul, Daerah Istimewa Yogyakarta 55198", "Yogyakarta"),
        ["34.01"] = ("Wates, Kabupaten Kulon Progo, Daerah Istimewa Yogyakarta", "Wates"),
        ["34.02"] = ("Bantul, Kabupaten Bantul, Daerah Istimewa Yogyakarta", "Bantul"),
        ["34.03"] = ("Wonosari, Kabupaten Gunungkidul, Daerah Istimewa Yogyakarta", "Wonosari"),
        ["34.04"] = ("Beran, Tridadi, Kabupaten Sleman, Daerah Istimewa Yogyakarta", "Sleman"),
        ["34.71"] = ("Jalan Kenari No. 56, Kota Yogyakarta, Daerah Istimewa Yogyakarta", "Yogyakarta"),
    };

    /// <summary>The province's Dinas Sosial (<paramref name="regencyCode"/> null) or the kabupaten/kota's.</summary>
    public static Letterhead For(string? regencyCode, LetterheadOptions? options = null)
    {
        var code = regencyCode is not null && RegionCatalog.Instance.IsDiyRegency(regencyCode) ? regencyCode : RegionCatalog.ProvinceCode;
        var (address, place) = Defaults[code];
        if (options?.Offices.GetValueOrDefault(code.Replace(".", "", StringComparison.Ordinal)) is { } configured)
        {
            address = string.IsNullOrWhiteSpace(configured.Address) ? address : configured.Address;
            place = string.IsNullOrWhiteSpace(configured.Place) ? place : configured.Place;
        }
        if (code == RegionCatalog.ProvinceCode)
        {
            return new Letterhead("PEMERINTAH DAERAH DAERAH ISTIMEWA YOGYAKARTA", "DINAS SOSIAL", address, place,
                "Kepala Dinas Sosial Daerah Istimewa Yogyakarta");
        }
        var regency = RegionCatalog.Instance.RegencyName(code);
        return new Letterhead("PEMERINTAH " + regency.ToUpper(Indonesian), "DINAS SOSIAL", address, place, "Kepala Dinas Sosial " + regency);
    }

    /// <summary>"15 Juli 2026".</summary>
    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", Indonesian);
}

/// <summary>
/// Configuration section Wahana:Letterhead: corrections of the offices' addresses, keyed by region code without dots
/// ("34" the province, "3402" Bantul), e.g. <c>Wahana__Letterhead__Offices__3402__Address</c>.
/// </summary>
public sealed class LetterheadOptions
{
    public const string Section = "Wahana:Letterhead";

    public Dictionary<string, LetterheadOffice> Offices { get; init; } = new(StringComparer.Ordinal);
}

public sealed class LetterheadOffice
{
    public string? Address { get; set; }

    public string? Place { get; set; }
}

/// <summary>
/// A signature block: "Bantul, 20 Juli 2026" / an opening ("Mengetahui,") / the title / room to sign / the name
/// (or a dotted line to write it) / an identifier line such as the NIP.
/// </summary>
public sealed record SignatureBlock(string Place, DateOnly Date, string Title, string? Name = null, string? Identifier = null, string? Opening = null);
