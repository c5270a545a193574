using System.Buffers.Binary;
using SkiaSharp;

namespace Wahana.Tests.Features.Services;

/// <summary>Real pictures for the photo tests: a JPEG carrying EXIF orientation and a GPS position, as a phone writes it.</summary>
internal static class TestPhotos
{
    /// <summary>The latitude written into the GPS block: 7° 48' S (Yogyakarta).</summary>
    public static readonly byte[] GpsMarker = "GPS-UJI-7-48-S"u8.ToArray();

    /// <summary>
    /// A <paramref name="width"/>×<paramref name="height"/> JPEG (left half red, right half blue) with an APP1 EXIF
    /// segment: IFD0 with Orientation and a GPS IFD (latitude ref, latitude, and a processing-method text marker).
    /// </summary>
    public static byte[] JpegWithGps(int width, int height, ushort orientation)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var red = new SKPaint { Color = SKColors.Red };
            using var blue = new SKPaint { Color = SKColors.Blue };
            canvas.DrawRect(0, 0, width / 2f, height, red);
            canvas.DrawRect(width / 2f, 0, width / 2f, height, blue);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        var jpeg = data.ToArray();
        var exif = Exif(orientation);
        var segment = new byte[4 + exif.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(exif.Length + 2));
        exif.CopyTo(segment, 4);
        // Right after the start-of-image marker, where cameras put it.
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    public static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.Green);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static byte[] Exif(ushort orientation)
    {
        // "Exif\0\0", then a little-endian TIFF: header (8), IFD0 at 8 (2 entries), GPS IFD at 38 (3 entries), data after.
        var tiff = new byte[8 + 30 + 42 + 24 + GpsMarker.Length + 8];
        var t = tiff.AsSpan();
        "II"u8.CopyTo(t);
        BinaryPrimitives.WriteUInt16LittleEndian(t[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(t[4..], 8);
        var ifd0 = 8;
        BinaryPrimitives.WriteUInt16LittleEndian(t[ifd0..], 2);
        Entry(t[(ifd0 + 2)..], 0x0112, 3, 1, orientation);
        var gps = ifd0 + 30;
        Entry(t[(ifd0 + 14)..], 0x8825, 4, 1, (uint)gps);
        BinaryPrimitives.WriteUInt32LittleEndian(t[(ifd0 + 26)..], 0);
        var rationals = gps + 42;
        var marker = rationals + 24;
        BinaryPrimitives.WriteUInt16LittleEndian(t[gps..], 3);
        Entry(t[(gps + 2)..], 0x0001, 2, 2, 'S');
        Entry(t[(gps + 14)..], 0x0002, 5, 3, (uint)rationals);
        Entry(t[(gps + 26)..], 0x001B, 7, (uint)GpsMarker.Length, (uint)marker);
        BinaryPrimitives.WriteUInt32LittleEndian(t[(gps + 38)..], 0);
        uint[] latitude = [7, 1, 48, 1, 0, 1];
        for (var i = 0; i < latitude.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(t[(rationals + 4 * i)..], latitude[i]);
        }
        GpsMarker.CopyTo(t[marker..]);
        return [.. "Exif\0\0"u8, .. tiff];
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(at[8..], value);
    }

    public static bool Contains(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>The size and EXIF orientation of an encoded picture.</summary>
    public static (int Width, int Height, SKEncodedOrigin Origin, SKEncodedImageFormat Format) Read(byte[] content)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        Assert.NotNull(codec);
        return (codec.Info.Width, codec.Info.Height, codec.EncodedOrigin, codec.EncodedFormat);
    }

    /// <summary>The colour at a point of the decoded picture.</summary>
    public static SKColor ColorAt(byte[] content, int x, int y)
    {
        using var bitmap = SKBitmap.Decode(content);
        return bitmap.GetPixel(x, y);
    }
}
