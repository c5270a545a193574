using Wahana.Web.Domain;
using Wahana.Web.Domain.Matching;

namespace Wahana.Tests.Domain.Matching;

public sealed class BeneficiaryMatcherTests
{
    // Two kalurahan of Kapanewon Sewon, Bantul, that share a border, and one in Gunungkidul far away.
    private const string Village = "34.02.15.2001";
    private static readonly string Neighbour = VillageNeighbours.Instance.Of(Village)[0];
    private const string FarAway = "34.03.01.2001";

    private static PersonToMatch Person(string name, DateOnly born, string village = Village, Sex sex = Sex.Perempuan, string? nik = null) =>
        new(Guid.CreateVersion7(), PersonName.Key(name), born, sex, village, nik);

    private static readonly DateOnly Born = new(1956, 8, 17);

    [Fact]
    public void The_same_person_written_twice_scores_high_and_says_why()
    {
        var match = BeneficiaryMatcher.Compare(Person("Sri Rahayu", Born), Person("Sri Rahayu", Born, Neighbour));
        Assert.True(match.Score >= 0.99, $"score {match.Score}");
        Assert.Contains("nama sama", match.Reasons, StringComparison.Ordinal);
        Assert.Contains("tanggal lahir sama", match.Reasons, StringComparison.Ordinal);
        Assert.Contains("kalurahan bertetangga", match.Reasons, StringComparison.Ordinal);
        Assert.Contains("keduanya tanpa NIK", match.Reasons, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Rahayu Sri")]                // words in another order
    [InlineData("Sri Rahaju")]                // a typo
    [InlineData("Hj. Sri Rahayu, S.Pd.")]     // titles
    [InlineData("Sri Rahajoe")]               // the old spelling
    [InlineData("S. Rahayu")]                 // an initial
    public void Common_variants_of_a_name_still_match(string variant)
    {
        var match = BeneficiaryMatcher.Compare(Person("Sri Rahayu", Born), Person(variant, Born));
        Assert.True(match.Score >= BeneficiaryMatcher.LikelyThreshold, $"{variant}: {match.Score} ({match.Reasons})");
    }

    [Theory]
    [InlineData(1956, 8, 18, "selisih 1 hari")]
    [InlineData(1956, 8, 14, "selisih 3 hari")]
    [InlineData(1965, 8, 17, "angka tertukar")]       // 1956 → 1965
    [InlineData(1957, 8, 17, "tahun selisih satu")]
    public void Near_and_mistyped_birth_dates_still_match(int year, int month, int day, string reason)
    {
        var match = BeneficiaryMatcher.Compare(Person("Sri Rahayu", Born), Person("Sri Rahayu", new DateOnly(year, month, day)));
        Assert.True(match.Score >= BeneficiaryMatcher.LikelyThreshold, $"{match.Score} ({match.Reasons})");
        Assert.Contains(reason, match.Reasons, StringComparison.Ordinal);
    }

    [Fact]
    public void Day_and_month_swapped_still_match()
    {
        var born = new DateOnly(1956, 3, 7);
        var match = BeneficiaryMatcher.Compare(Person("Sri Rahayu", born), Person("Sri Rahayu", new DateOnly(1956, 7, 3)));
        Assert.True(match.Score >= BeneficiaryMatcher.LikelyThreshold, $"{match.Score} ({match.Reasons})");
        Assert.Contains(new DateOnly(1956, 7, 3), BeneficiaryMatcher.CandidateBirthDates(born));
    }

    [Fact]
    public void Twin_brothers_with_one_surname_are_not_a_match()
    {
        // Born on one day in one kalurahan, both without NIK: only the first name tells them apart, and it does.
        var match = BeneficiaryMatcher.Compare(Person("Agus Santoso", Born, sex: Sex.LakiLaki), Person("Budi Santoso", Born, sex: Sex.LakiLaki));
        Assert.True(match.Score < BeneficiaryMatcher.LikelyThreshold / 2, $"{match.Score} ({match.Reasons})");
        Assert.Contains("nama berbeda", match.Reasons, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_name_with_another_birth_date_far_away_is_not_a_match()
    {
        var match = BeneficiaryMatcher.Compare(Person("Sri Rahayu", Born), Person("Sri Rahayu", new DateOnly(1978, 2, 3), FarAway));
        Assert.True(match.Score < 0.01, $"{match.Score} ({match.Reasons})");
        Assert.Contains("wilayah berjauhan", match.Reasons, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_different_NIKs_are_two_people_and_one_NIK_is_one_person()
    {
        var a = Person("Sri Rahayu", Born, nik: Nik.Compose("34.02.15", Born, Sex.Perempuan, 1));
        var b = Person("Sri Rahayu", Born, nik: Nik.Compose("34.02.16", Born, Sex.Perempuan, 27));
        Assert.Equal(new MatchScore(0, "NIK berbeda"), BeneficiaryMatcher.Compare(a, b));
        var c = Person("Painem", new DateOnly(1940, 1, 1), FarAway, nik: a.Nik);
        Assert.Equal(new MatchScore(1, "NIK sama"), BeneficiaryMatcher.Compare(a, c));
    }

    [Fact]
    public void A_record_without_NIK_is_compared_by_the_other_fields()
    {
        var withNik = Person("Sri Rahayu", Born, nik: Nik.Compose("34.02.15", Born, Sex.Perempuan, 1));
        var match = BeneficiaryMatcher.Compare(withNik, Person("Sri Rahayu", Born));
        Assert.True(match.Score >= 0.99, $"{match.Score}");
        Assert.Contains("NIK hanya ada di satu catatan", match.Reasons, StringComparison.Ordinal);
    }

    [Fact]
    public void The_day_and_month_of_an_estimated_birth_date_are_no_evidence()
    {
        // Two Painem "born" on 1 July of years one digit apart: nothing but the name and about the age agree.
        var a = Person("Painem", new DateOnly(1943, 7, 1), FarAway);
        var b = Person("Painem", new DateOnly(1953, 7, 1), "34.03.01.2002");
        var match = BeneficiaryMatcher.Compare(a, b);
        Assert.True(match.Score < BeneficiaryMatcher.LikelyThreshold, $"{match.Score} ({match.Reasons})");
        Assert.DoesNotContain("beda satu angka", match.Reasons, StringComparison.Ordinal);
        Assert.True(BeneficiaryMatcher.LooksEstimated(new DateOnly(1950, 12, 31)));
        Assert.False(BeneficiaryMatcher.LooksEstimated(new DateOnly(1950, 12, 30)));
    }

    [Fact]
    public void The_score_is_symmetric_and_a_common_name_weighs_less()
    {
        var a = BeneficiaryMatcher.Prepare(Person("Sri Rahayu", Born));
        var b = BeneficiaryMatcher.Prepare(Person("Sri Rahayu", Born.AddDays(2), FarAway));
        Assert.Equal(BeneficiaryMatcher.Compare(a, b), BeneficiaryMatcher.Compare(b, a));
        var common = BeneficiaryMatcher.Score(a with { NameShare = 0.01 }, b with { NameShare = 0.01 });
        Assert.True(common < BeneficiaryMatcher.Score(a, b), $"{common} vs {BeneficiaryMatcher.Score(a, b)}");
    }

    [Fact]
    public void Candidate_birth_dates_are_symmetric()
    {
        var start = new DateOnly(1930, 1, 1);
        for (var d = 0; d < 365 * 90; d += 37)
        {
            var date = start.AddDays(d);
            foreach (var other in BeneficiaryMatcher.CandidateBirthDates(date))
            {
                Assert.Contains(date, BeneficiaryMatcher.CandidateBirthDates(other));
            }
        }
    }

    [Fact]
    public void Names_are_compared_word_by_word_in_one_spelling()
    {
        Assert.Equal(1, BeneficiaryMatcher.NameSimilarity("soekarno", "sukarno"));
        Assert.Equal(1, BeneficiaryMatcher.NameSimilarity("djoko soejono", "joko suyono"));
        Assert.Equal(1, BeneficiaryMatcher.NameSimilarity("mohammad rifai", "muhammad rifai"));
        Assert.Equal(1, BeneficiaryMatcher.NameSimilarity("nur hayati", "nurhayati"));
        Assert.Equal(1, BeneficiaryMatcher.NameSimilarity("mbah tukiyem", "tukiyem"));
        Assert.True(BeneficiaryMatcher.NameSimilarity("agus santoso", "budi santoso") < 0.8);
        Assert.True(BeneficiaryMatcher.NameSimilarity("sri rahayu", "sri rahayu ningsih") is > 0.9 and < 1);
        Assert.Equal(["wdst", "jsmn"], MatchName.Of("widiastuti jasmin").BlockingKeys());
    }

    [Fact]
    public void Neighbouring_kalurahan_come_from_the_boundaries_and_are_mutual()
    {
        var neighbours = VillageNeighbours.Instance.Of(Village);
        Assert.InRange(neighbours.Count, 2, 12);
        Assert.DoesNotContain(Village, neighbours);
        Assert.All(neighbours, n => Assert.True(VillageNeighbours.Instance.AreNeighbours(n, Village)));
        Assert.False(VillageNeighbours.Instance.AreNeighbours(Village, FarAway));
        Assert.Empty(VillageNeighbours.Instance.Of("99.99.99.9999"));
    }
}
