using SkiaSharp;
using Wahana.Web.Domain;
using Wahana.Web.Features.Services;

namespace Wahana.Tests.Features.Services;

/// <summary>How values are read (Rupiah.TryParse and the form's reading of it) and how photos are cleaned, without the app.</summary>
public sealed class ServiceValueAndPhotoUnitTests
{
    [Theory]
    [InlineData("150.000", 150_000)]
    [InlineData("150000", 150_000)]
    [InlineData("Rp 150.000", 150_000)]
    [InlineData("Rp150.000", 150_000)]
    [InlineData("rp. 1.500.000", 1_500_000)]
    [InlineData(" 150 000 ", 150_000)]
    [InlineData("0", 0)]
    [InlineData("100.000.001", 100_000_001)]
    public void Rupiah_TryParse_reads_what_people_type(string text, long expected)
    {
        Assert.True(Rupiah.TryParse(text, out var amount));
        Assert.Equal(expected, amount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("abc")]
    [InlineData("150,50")]
    [InlineData("-150000")]
    [InlineData("1e6")]
    [InlineData("150.000 rupiah")]
    [InlineData("1234567890123456")]
    public void Rupiah_TryParse_refuses_the_rest(string? text)
    {
        Assert.False(Rupiah.TryParse(text, out var amount));
        Assert.Equal(0, amount);
    }

    [Fact]
    public void Rupiah_Format_groups_thousands_with_dots() =>
        Assert.Equal(("Rp 150.000", "Rp 0", "Rp 100.000.000"), (Rupiah.Format(150_000), Rupiah.Format(0), Rupiah.Format(100_000_000)));

    [Theory]
    [InlineData("150.000", 150_000L, null)]
    [InlineData("", 0L, null)]
    [InlineData("-5.000", -5_000L, null)]
    [InlineData("lima ribu", null, Rupiah.ParseMessage)]
    [InlineData("12,5", null, Rupiah.ParseMessage)]
    public void The_form_reads_blank_as_zero_and_keeps_a_minus_for_the_rule(string text, long? expected, string? message)
    {
        var errors = new List<RuleViolation>();
        var value = ServiceEditor.ReadValue(new ServiceInput { Value = text }, errors);
        Assert.Equal(expected, value);
        Assert.Equal(message, errors.SingleOrDefault()?.Message);
    }

    [Fact]
    public void The_API_must_send_a_value_and_a_whole_number()
    {
        var errors = new List<RuleViolation>();
        Assert.Null(ServiceEditor.ReadValue(new ServiceInput(), errors));
        Assert.Equal("Value", errors.Single().Field);
        errors.Clear();
        Assert.Null(ServiceEditor.ReadValue(new ServiceInput { ValueUnreadable = true }, errors));
        Assert.Equal(Rupiah.ParseMessage, errors.Single().Message);
        errors.Clear();
        Assert.Equal(250_000, ServiceEditor.ReadValue(new ServiceInput { ValueRupiah = 250_000 }, errors));
        Assert.Empty(errors);
    }

    [Fact]
    public void A_phone_photo_loses_its_GPS_is_turned_upright_and_shrunk()
    {
        // 2400×1200 stored sideways: orientation 6 says "turn 90° clockwise to show", so it is shown 1200×2400.
        var original = TestPhotos.JpegWithGps(2400, 1200, orientation: 6);
        Assert.True(TestPhotos.Contains(original, TestPhotos.GpsMarker) && TestPhotos.Contains(original, "Exif\0\0"u8));
        Assert.Equal(SKEncodedOrigin.RightTop, TestPhotos.Read(original).Origin);

        var processed = ServicePhotos.Process(original);

        Assert.Null(processed.Error);
        var jpeg = processed.Jpeg!;
        var (width, height, origin, format) = TestPhotos.Read(jpeg);
        Assert.Equal((800, 1600, SKEncodedOrigin.TopLeft, SKEncodedImageFormat.Jpeg), (width, height, origin, format));
        Assert.False(TestPhotos.Contains(jpeg, TestPhotos.GpsMarker));
        Assert.False(TestPhotos.Contains(jpeg, "Exif\0\0"u8));
        // Turned clockwise: the left (red) half of the stored picture is now on top, the blue half at the bottom.
        var top = TestPhotos.ColorAt(jpeg, 400, 200);
        var bottom = TestPhotos.ColorAt(jpeg, 400, 1400);
        Assert.True(top.Red > 200 && top.Blue < 60, $"top {top}");
        Assert.True(bottom.Blue > 200 && bottom.Red < 60, $"bottom {bottom}");
    }

    [Fact]
    public void A_small_PNG_keeps_its_size_and_becomes_a_JPEG()
    {
        var processed = ServicePhotos.Process(TestPhotos.Png(300, 200));
        Assert.Null(processed.Error);
        Assert.Equal((300, 200, SKEncodedImageFormat.Jpeg), (TestPhotos.Read(processed.Jpeg!).Width, TestPhotos.Read(processed.Jpeg!).Height, TestPhotos.Read(processed.Jpeg!).Format));
    }

    [Fact]
    public void Text_named_jpg_or_a_truncated_header_is_refused()
    {
        Assert.Equal(ServicePhotos.NotAnImageMessage, ServicePhotos.Process("ini bukan foto, hanya teks"u8.ToArray()).Error);
        var truncated = ServicePhotos.Process([0xFF, 0xD8, 0xFF, 0xE0, 0, 0]);
        Assert.Null(truncated.Jpeg);
        Assert.NotNull(truncated.Error);
    }

    [Theory]
    [InlineData("2026-1", 2026, 1)]
    [InlineData("2025-2", 2025, 2)]
    [InlineData(" 2025-2 ", 2025, 2)]
    public void A_semester_is_written_year_dash_half(string text, int year, int half)
    {
        var semester = Semester.Parse(text);
        Assert.Equal(new Semester(year, half), semester);
        Assert.Equal(text.Trim(), semester.ToString());
    }

    [Theory]
    [InlineData("2026-3")]
    [InlineData("2026")]
    [InlineData("26-1")]
    [InlineData("abcd-1")]
    public void Other_semester_texts_are_refused(string text) => Assert.Null(Semester.Parse(text));
}
