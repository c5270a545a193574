using System.Collections.Frozen;
using Sylvan.Data.Csv;

namespace Wahana.Web.Domain;

/// <summary>
/// The regions Wahana knows, shipped inside the assembly: every DIY region down to kalurahan
/// (Resources/ReferenceData/wilayah-diy.csv) and the kecamatan of all Indonesia
/// (wilayah-id-kecamatan.csv), the latter only to check the region part of NIK and KK numbers.
/// </summary>
public sealed class RegionCatalog
{
    public const string ProvinceCode = "34";

    private readonly FrozenDictionary<string, Region> _diy;
    private readonly FrozenDictionary<string, Region> _nationalKecamatan;
    private readonly FrozenDictionary<string, Region[]> _childrenOf;

    private RegionCatalog(IEnumerable<Region> diy, IEnumerable<Region> nationalKecamatan)
    {
        _diy = diy.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);
        _nationalKecamatan = nationalKecamatan.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);
        _childrenOf = _diy.Values
            .Where(r => r.ParentCode is not null)
            .GroupBy(r => r.ParentCode!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(r => r.Code, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    private static readonly Lazy<RegionCatalog> Shipped = new(LoadShipped);

    /// <summary>The catalog shipped with the application (read once).</summary>
    public static RegionCatalog Instance => Shipped.Value;

    public IEnumerable<Region> AllDiy => _diy.Values;

    public IReadOnlyList<Region> Regencies => ChildrenOf(ProvinceCode);

    public Region? Find(string? code) =>
        code is not null && _diy.TryGetValue(code, out var region) ? region : null;

    public IReadOnlyList<Region> ChildrenOf(string code) =>
        _childrenOf.TryGetValue(code, out var children) ? children : [];

    public bool IsDiyVillage(string? code) => Find(code)?.Level == RegionLevel.Desa;

    public bool IsDiyRegency(string? code) => Find(code)?.Level == RegionLevel.Kabupaten;

    /// <summary>True when the dotted code (e.g. 34.02.15) is a kecamatan anywhere in Indonesia.</summary>
    public bool IsKnownKecamatan(string dottedCode) =>
        _nationalKecamatan.ContainsKey(dottedCode) || Find(dottedCode)?.Level == RegionLevel.Kecamatan;

    public Region? FindKecamatan(string dottedCode) =>
        Find(dottedCode) ?? (_nationalKecamatan.TryGetValue(dottedCode, out var r) ? r : null);

    public string RegencyName(string? regencyCode) => Find(regencyCode)?.Name ?? regencyCode ?? "";

    /// <summary>"Kalurahan Bangunharjo, Kapanewon Sewon, Kabupaten Bantul".</summary>
    public string Describe(string? villageCode)
    {
        var parts = new List<string>();
        for (var region = Find(villageCode); region is not null && region.Level != RegionLevel.Provinsi; region = Find(region.ParentCode))
        {
            parts.Add(region.DisplayName);
        }
        return string.Join(", ", parts);
    }

    private static RegionCatalog LoadShipped()
    {
        var diy = Read("ReferenceData.wilayah-diy.csv");
        var national = Read("ReferenceData.wilayah-id-kecamatan.csv").Where(r => r.Level == RegionLevel.Kecamatan);
        return new RegionCatalog(diy, national);
    }

    private static List<Region> Read(string resourceName)
    {
        using var stream = typeof(RegionCatalog).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Reference data {resourceName} is not embedded.");
        using var text = new StreamReader(stream);
        using var csv = CsvDataReader.Create(text);
        int code = csv.GetOrdinal("code"), name = csv.GetOrdinal("name"), parent = csv.GetOrdinal("parent_code");
        var regions = new List<Region>();
        while (csv.Read())
        {
            var regionCode = csv.GetString(code);
            var parentCode = csv.GetString(parent);
            regions.Add(new Region
            {
                Code = regionCode,
                Level = Region.LevelOf(regionCode),
                Name = csv.GetString(name),
                ParentCode = parentCode.Length == 0 ? null : parentCode,
            });
        }
        return regions;
    }
}
