using Wahana.Web.Domain;

namespace Wahana.Tests.Domain;

/// <summary>Whole rupiah, shown as "Rp 1.500.000".</summary>
public sealed class RupiahTests
{
    [Theory]
    [InlineData(1_500_000, "Rp 1.500.000")]
    [InlineData(0, "Rp 0")]
    [InlineData(999, "Rp 999")]
    [InlineData(1_000, "Rp 1.000")]
    [InlineData(250_000, "Rp 250.000")]
    [InlineData(12_345_678_901, "Rp 12.345.678.901")]
    [InlineData(-25_000, "-Rp 25.000")]
    public void Format_uses_dots_for_thousands_and_no_decimals(long amount, string expected)
    {
        Assert.Equal(expected, Rupiah.Format(amount));
    }

    [Fact]
    public void Format_does_not_depend_on_the_thread_culture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
            Assert.Equal("Rp 1.500.000", Rupiah.Format(1_500_000));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }
}
