using Wahana.Web.Domain;

namespace Wahana.Web.Features.Regions;

/// <summary>The options of one region select (the register's filters, the WKSBM form's location).</summary>
public sealed record RegionOptions(string Placeholder, IReadOnlyList<Region> Choices, string? Selected)
{
    /// <summary>Also empty the kalurahan select (htmx out-of-band), when the kabupaten/kota changed.</summary>
    public bool ResetVillages { get; init; }

    public static RegionOptions Regencies(string? selected) =>
        new("Semua kabupaten/kota", RegionCatalog.Instance.Regencies, selected);

    public static RegionOptions Districts(string? regencyCode, string? selected) =>
        new("Semua kapanewon/kemantren", regencyCode is null ? [] : RegionCatalog.Instance.ChildrenOf(regencyCode), selected);

    public static RegionOptions Villages(string? districtCode, string? selected) =>
        new("Semua kalurahan/kelurahan", districtCode is null ? [] : RegionCatalog.Instance.ChildrenOf(districtCode), selected);

    /// <summary>The children of a kabupaten/kota or kapanewon, to choose one from (the WKSBM form).</summary>
    public static RegionOptions ChildrenOf(string? parent) =>
        new("— pilih —", RegionCatalog.Instance.Find(parent) is { Level: RegionLevel.Kabupaten or RegionLevel.Kecamatan }
            ? RegionCatalog.Instance.ChildrenOf(parent!) : [], null);
}
