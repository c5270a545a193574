namespace Wahana.Web.Domain;

public enum RegionLevel
{
    Provinsi,
    Kabupaten,
    Kecamatan,
    Desa,
}

/// <summary>
/// A Kemendagri region with a dotted code (34, 34.02, 34.02.15, 34.02.15.2001). Its <see cref="LevelName"/> is the
/// name DIY itself uses on screen: Kapanewon/Kemantren for kecamatan, Kalurahan/Kelurahan for desa.
/// </summary>
public sealed class Region
{
    public required string Code { get; init; }

    public required RegionLevel Level { get; init; }

    public required string Name { get; init; }

    public string? ParentCode { get; init; }

    /// <summary>The kabupaten/kota code (34.02) of this region, or null for a province.</summary>
    public string? RegencyCode => RegencyCodeOf(Code);

    public bool IsCity => Code.StartsWith("34.71", StringComparison.Ordinal) || Name.StartsWith("Kota ", StringComparison.Ordinal);

    public string LevelName => Level switch
    {
        RegionLevel.Provinsi => "Provinsi",
        RegionLevel.Kabupaten => IsCity ? "Kota" : "Kabupaten",
        RegionLevel.Kecamatan => Code.StartsWith("34.71", StringComparison.Ordinal) ? "Kemantren" : "Kapanewon",
        // A desa code whose last segment starts with 1 is an urban kelurahan (all of Kota Yogyakarta, and Wates).
        RegionLevel.Desa => Code[^4] == '1' ? "Kelurahan" : "Kalurahan",
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The name as DIY writes it: "Kapanewon Sewon", "Kalurahan Bangunharjo", "Kabupaten Bantul".</summary>
    public string DisplayName => Level is RegionLevel.Provinsi or RegionLevel.Kabupaten ? Name : $"{LevelName} {Name}";

    /// <summary>The name of a kabupaten/kota without its "Kabupaten"/"Kota" prefix: "Bantul".</summary>
    public string ShortName => Level == RegionLevel.Kabupaten
        && Name.StartsWith("Kabupaten ", StringComparison.Ordinal) ? Name["Kabupaten ".Length..] : Name;

    public static string? RegencyCodeOf(string? code) =>
        code is { Length: >= 5 } ? code[..5] : null;

    public static RegionLevel LevelOf(string code) => code.Count(c => c == '.') switch
    {
        0 => RegionLevel.Provinsi,
        1 => RegionLevel.Kabupaten,
        2 => RegionLevel.Kecamatan,
        _ => RegionLevel.Desa,
    };
}
