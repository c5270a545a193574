using Wahana.Web.Domain;

namespace Wahana.Web.Features.Institutions;

/// <summary>The options of the cascading region selects (kabupaten/kota → kapanewon → kalurahan).</summary>
public static class RegionChoices
{
    public sealed record Choice(string Code, string Label);

    public static IReadOnlyList<Choice> ChildrenOf(string? parent)
    {
        var catalog = RegionCatalog.Instance;
        if (string.IsNullOrWhiteSpace(parent) || catalog.Find(parent) is not { Level: RegionLevel.Provinsi or RegionLevel.Kabupaten or RegionLevel.Kecamatan })
        {
            return [];
        }
        return [.. catalog.ChildrenOf(parent).Select(r => new Choice(r.Code, r.DisplayName))];
    }
}
