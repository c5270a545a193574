using Wahana.Web.Domain.Matching;

namespace Wahana.Tests.Domain.Matching;

public sealed class JaroWinklerTests
{
    [Theory]
    // Winkler's published examples.
    [InlineData("MARTHA", "MARHTA", 0.961)]
    [InlineData("DIXON", "DICKSONX", 0.813)]
    [InlineData("DWAYNE", "DUANE", 0.840)]
    [InlineData("JELLYFISH", "SMELLYFISH", 0.896)]
    public void Known_values(string a, string b, double expected)
    {
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), 3);
        Assert.Equal(expected, JaroWinkler.Similarity(b, a), 3);
    }

    [Fact]
    public void Equal_strings_score_one_and_strings_without_a_common_letter_zero()
    {
        Assert.Equal(1, JaroWinkler.Similarity("sri rahayu", "sri rahayu"));
        Assert.Equal(1, JaroWinkler.Similarity("", ""));
        Assert.Equal(0, JaroWinkler.Similarity("abc", "xyz"));
        Assert.Equal(0, JaroWinkler.Similarity("abc", ""));
    }

    [Fact]
    public void A_shared_start_counts_more_than_a_shared_end()
    {
        Assert.True(JaroWinkler.Similarity("sukarno", "sukarni") > JaroWinkler.Similarity("sukarno", "tukarno"));
    }
}
