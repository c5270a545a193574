using Wahana.Web.Domain;

namespace Wahana.Tests.Domain;

/// <summary>The family card number: 16 digits, a known kecamatan first, a serial other than 0000.</summary>
public sealed class KkTests
{
    private static readonly RegionCatalog Regions = RegionCatalog.Instance;

    [Theory]
    [InlineData("3402151203150001")]
    [InlineData("3471012001100123")]
    [InlineData("3171010101010001")] // issued in Jakarta
    public void A_well_formed_KK_of_a_known_kecamatan_is_valid(string kk)
    {
        Assert.Empty(Kk.Check(kk, Regions));
        Assert.True(Kk.IsValid(kk, Regions));
    }

    [Theory]
    [InlineData(null, "wajib diisi")]
    [InlineData("", "wajib diisi")]
    [InlineData("340215120315001", "16 digit")]
    [InlineData("34021512031500011", "16 digit")]
    [InlineData("3402151203I50001", "hanya boleh berisi angka")]
    [InlineData("3402-15120315000", "hanya boleh berisi angka")]
    [InlineData("3499991203150001", "349999")]
    [InlineData("3402151203150000", "0000")]
    public void A_malformed_KK_is_rejected_with_its_reason(string? kk, string expected)
    {
        var errors = Kk.Check(kk, Regions);
        var error = Assert.Single(errors);
        Assert.Equal("Kk", error.Field);
        Assert.Contains("KK", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_KK_with_an_unknown_region_and_serial_0000_gets_both_errors()
    {
        Assert.Equal(2, Kk.Check("3499991203150000", Regions).Count);
    }

    [Fact]
    public void The_field_name_can_be_chosen()
    {
        Assert.Equal("NoKk", Assert.Single(Kk.Check("123", Regions, "NoKk")).Field);
    }
}
