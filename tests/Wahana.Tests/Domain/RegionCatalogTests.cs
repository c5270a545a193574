using Wahana.Web.Domain;

namespace Wahana.Tests.Domain;

/// <summary>The shipped DIY regions agree with the table of DOMAIN.md.</summary>
public sealed class RegionCatalogTests
{
    private static readonly RegionCatalog Regions = RegionCatalog.Instance;

    [Theory]
    [InlineData("34.01", "Kabupaten Kulon Progo", 12, 88)]
    [InlineData("34.02", "Kabupaten Bantul", 17, 75)]
    [InlineData("34.03", "Kabupaten Gunungkidul", 18, 144)]
    [InlineData("34.04", "Kabupaten Sleman", 17, 86)]
    [InlineData("34.71", "Kota Yogyakarta", 14, 45)]
    public void Each_regency_has_its_kapanewon_and_kalurahan(string code, string name, int kecamatan, int villages)
    {
        Assert.Equal(name, Regions.Find(code)?.Name);
        var districts = Regions.ChildrenOf(code);
        Assert.Equal(kecamatan, districts.Count);
        Assert.Equal(villages, districts.Sum(d => Regions.ChildrenOf(d.Code).Count));
    }

    [Fact]
    public void DIY_has_the_five_regencies_and_522_regions_in_all()
    {
        Assert.Equal(["34.01", "34.02", "34.03", "34.04", "34.71"], Regions.Regencies.Select(r => r.Code));
        Assert.Equal(522, Regions.AllDiy.Count());
    }

    [Fact]
    public void DIY_names_its_levels_its_own_way()
    {
        Assert.Equal("Kapanewon", Regions.Find("34.02.15")!.LevelName);
        Assert.Equal("Kemantren", Regions.Find("34.71.01")!.LevelName);
        Assert.Equal("Kalurahan", Regions.Find("34.02.15.2003")!.LevelName);
        Assert.Equal("Kelurahan", Regions.ChildrenOf("34.71.01")[0].LevelName);
        Assert.Equal("Kota", Regions.Find("34.71")!.LevelName);
        Assert.Equal("Kabupaten", Regions.Find("34.02")!.LevelName);
        Assert.Equal("Kalurahan Bangunharjo, Kapanewon Sewon, Kabupaten Bantul", Regions.Describe("34.02.15.2003"));
    }

    [Fact]
    public void Kecamatan_of_all_Indonesia_are_known_for_NIK_checks_but_are_not_DIY_regions()
    {
        Assert.True(Regions.IsKnownKecamatan("31.71.01"));
        Assert.Null(Regions.Find("31.71.01"));
        Assert.False(Regions.IsKnownKecamatan("34.99.99"));
        Assert.True(Regions.IsDiyVillage("34.02.15.2003"));
        Assert.False(Regions.IsDiyVillage("34.02.15"));
        Assert.True(Regions.IsDiyRegency("34.71"));
        Assert.False(Regions.IsDiyRegency("31.71"));
    }
}
