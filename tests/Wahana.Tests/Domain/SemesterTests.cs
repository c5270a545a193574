using Wahana.Web.Domain;

namespace Wahana.Tests.Domain;

/// <summary>Semester 1 is January-June, semester 2 July-December, written 2026-1.</summary>
public sealed class SemesterTests
{
    [Theory]
    [InlineData(2026, 1, 1, 2026, 1)]
    [InlineData(2026, 6, 30, 2026, 1)]
    [InlineData(2026, 7, 1, 2026, 2)]
    [InlineData(2026, 11, 29, 2026, 2)]
    [InlineData(2026, 12, 31, 2026, 2)]
    public void Of_a_date_is_its_half_year(int year, int month, int day, int semesterYear, int half)
    {
        Assert.Equal(new Semester(semesterYear, half), Semester.Of(new DateOnly(year, month, day)));
    }

    [Fact]
    public void Start_and_end_are_the_first_and_last_day_of_the_half_year()
    {
        Assert.Equal(new DateOnly(2026, 1, 1), new Semester(2026, 1).Start);
        Assert.Equal(new DateOnly(2026, 6, 30), new Semester(2026, 1).End);
        Assert.Equal(new DateOnly(2026, 7, 1), new Semester(2026, 2).Start);
        Assert.Equal(new DateOnly(2026, 12, 31), new Semester(2026, 2).End);
    }

    [Fact]
    public void Previous_and_next_cross_the_year()
    {
        Assert.Equal(new Semester(2025, 2), new Semester(2026, 1).Previous);
        Assert.Equal(new Semester(2026, 1), new Semester(2026, 2).Previous);
        Assert.Equal(new Semester(2026, 2), new Semester(2026, 1).Next);
        Assert.Equal(new Semester(2027, 1), new Semester(2026, 2).Next);
    }

    [Fact]
    public void The_two_complete_semesters_before_29_November_2026_are_2026_1_and_2025_2()
    {
        var current = Semester.Of(new DateOnly(2026, 11, 29));
        Assert.Equal("2026-2", current.ToString());
        Assert.Equal("2026-1", current.Previous.ToString());
        Assert.Equal("2025-2", current.Previous.Previous.ToString());
    }

    [Fact]
    public void Contains_includes_both_ends_and_nothing_outside()
    {
        var semester = new Semester(2026, 1);
        Assert.True(semester.Contains(new DateOnly(2026, 1, 1)));
        Assert.True(semester.Contains(new DateOnly(2026, 6, 30)));
        Assert.False(semester.Contains(new DateOnly(2025, 12, 31)));
        Assert.False(semester.Contains(new DateOnly(2026, 7, 1)));
    }

    [Fact]
    public void Every_day_of_a_year_falls_in_exactly_one_semester()
    {
        var first = new Semester(2028, 1);
        var second = new Semester(2028, 2);
        for (var day = new DateOnly(2028, 1, 1); day.Year == 2028; day = day.AddDays(1))
        {
            Assert.True(first.Contains(day) ^ second.Contains(day), day.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(first.Contains(day) ? first : second, Semester.Of(day));
        }
    }
}
