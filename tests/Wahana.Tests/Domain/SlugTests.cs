using Wahana.Web.Domain;

namespace Wahana.Tests.Domain;

/// <summary>The stable lower-case codes of DOMAIN.md, derived from the enum names.</summary>
public sealed class SlugTests
{
    [Fact]
    public void Service_kinds_have_the_codes_of_the_domain()
    {
        Assert.Equal(["santunan", "pemberdayaan", "perlindungan", "rehabilitasi-sosial", "rujukan"],
            Enum.GetValues<ServiceKind>().Select(Slug.Of));
    }

    [Fact]
    public void Service_forms_have_the_codes_of_the_domain()
    {
        Assert.Equal(
            ["tunai", "barang", "alat-bantu", "pelatihan", "pendampingan", "bedah-rumah", "kesehatan", "pendidikan", "lainnya"],
            Enum.GetValues<ServiceForm>().Select(Slug.Of));
    }

    [Fact]
    public void Funding_sources_have_the_codes_of_the_domain()
    {
        Assert.Equal(
            ["swadaya", "donasi", "dana-desa", "apbd-kabupaten", "apbd-provinsi", "apbn", "csr", "zakat-infaq", "lainnya"],
            Enum.GetValues<FundingSource>().Select(Slug.Of));
    }

    [Fact]
    public void Other_enums_read_as_hyphenated_lower_case()
    {
        Assert.Equal("laki-laki", Slug.Of(Sex.LakiLaki));
        Assert.Equal("perempuan", Slug.Of(Sex.Perempuan));
        Assert.Equal("tidak-aktif", Slug.Of(InstitutionStatus.TidakAktif));
        Assert.Equal("wakil-ketua", Slug.Of(BoardPosition.WakilKetua));
        Assert.Equal("perguruan-tinggi", Slug.Of(Pillar.PerguruanTinggi));
        Assert.Equal("dunia-usaha", Slug.Of(Pillar.DuniaUsaha));
    }

    [Fact]
    public void Every_code_parses_back_to_its_value()
    {
        AssertRoundTrip<Sex>();
        AssertRoundTrip<InstitutionStatus>();
        AssertRoundTrip<BoardPosition>();
        AssertRoundTrip<ServiceKind>();
        AssertRoundTrip<ServiceForm>();
        AssertRoundTrip<FundingSource>();
        AssertRoundTrip<Pillar>();
        AssertRoundTrip<RegionLevel>();
    }

    [Theory]
    [InlineData("RehabilitasiSosial")]
    [InlineData("Rehabilitasi-Sosial")]
    [InlineData("rehabilitasi sosial")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_the_exact_code_does_not_parse(string? slug)
    {
        Assert.False(Slug.TryParse<ServiceKind>(slug, out _));
    }

    [Fact]
    public void Parse_of_an_unknown_code_throws_a_format_exception_naming_it()
    {
        var error = Assert.Throws<FormatException>(() => Slug.Parse<FundingSource>("hibah"));
        Assert.Contains("hibah", error.Message, StringComparison.Ordinal);
    }

    private static void AssertRoundTrip<TEnum>() where TEnum : struct, Enum
    {
        var codes = Enum.GetValues<TEnum>().Select(Slug.Of).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        foreach (var value in Enum.GetValues<TEnum>())
        {
            var code = Slug.Of(value);
            Assert.Matches("^[a-z]+(-[a-z]+)*$", code);
            Assert.True(Slug.TryParse<TEnum>(code, out var parsed));
            Assert.Equal(value, parsed);
            Assert.Equal(value, Slug.Parse<TEnum>(code));
        }
    }
}
