using Microsoft.Extensions.Options;
using SkiaSharp;
using Wahana.Web.Infrastructure.Storage;

namespace Wahana.Web.Features.Services;

/// <summary>
/// The proof photos of services (foto bukti). An upload must be a JPEG or PNG by its content (not its name); it is
/// decoded, turned upright by its EXIF orientation, shrunk to at most <see cref="MaxSide"/> pixels on its long
/// side and encoded afresh as JPEG, so no metadata of the original (GPS position, camera, time) is kept. Files
/// live outside wwwroot, beside the WKSBM documents, under a name of their own; pages serve them within scope.
/// </summary>
public sealed class ServicePhotos(IOptions<StorageOptions> options, IHostEnvironment environment)
{
    public const int MaxSide = 1600;

    public const long MaxUploadBytes = 10 * 1024 * 1024;

    /// <summary>Larger pictures are refused before decoding (a small file can claim a huge size).</summary>
    public const long MaxPixels = 50_000_000;

    public const int JpegQuality = 82;

    public const string NotAnImageMessage = "Foto harus berupa gambar JPEG atau PNG (jenis berkas diperiksa dari isinya, bukan dari namanya).";

    private readonly string _root = Path.Combine(Path.GetFullPath(options.Value.DocumentsPath
        ?? Path.Combine(environment.ContentRootPath, "data", "documents")), "foto-layanan");

    /// <summary>The photo as it is kept (JPEG bytes), or the message for the user.</summary>
    public sealed record Processed(byte[]? Jpeg, string? Error);

    public static async Task<Processed> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length == 0)
        {
            return new(null, "Berkas foto kosong.");
        }
        if (file.Length > MaxUploadBytes)
        {
            return new(null, $"Foto terlalu besar ({file.Length / 1024.0 / 1024.0:0.0} MB); paling besar 10 MB.");
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return Process(buffer.ToArray());
    }

    /// <summary>Checks, orients, shrinks and re-encodes a photo.</summary>
    public static Processed Process(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (DocumentStore.SniffContentType(content.AsSpan(0, Math.Min(content.Length, 16))) is not ("image/jpeg" or "image/png"))
        {
            return new(null, NotAnImageMessage);
        }
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png))
        {
            return new(null, NotAnImageMessage);
        }
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > MaxPixels)
        {
            return new(null, "Ukuran gambar terlalu besar untuk diolah; kirim foto dengan resolusi lebih kecil.");
        }
        using var decoded = new SKBitmap(new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return new(null, "Foto tidak dapat dibaca; berkasnya mungkin rusak.");
        }
        using var upright = Orient(decoded, codec.EncodedOrigin);
        var source = upright ?? decoded;
        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(source.Width, source.Height));
        var width = Math.Max(1, (int)Math.Round(source.Width * scale));
        var height = Math.Max(1, (int)Math.Round(source.Height * scale));
        // Drawn onto white: a transparent PNG becomes a JPEG without black corners.
        using var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(target))
        {
            canvas.Clear(SKColors.White);
            using var image = SKImage.FromBitmap(source);
            canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }
        using var pixmap = target.PeekPixels();
        using var encoded = pixmap.Encode(new SKJpegEncoderOptions(JpegQuality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore));
        return encoded is null ? new(null, "Foto tidak dapat diolah.") : new(encoded.ToArray(), null);
    }

    /// <summary>The picture turned as its EXIF orientation says, or null when it is upright already.</summary>
    private static SKBitmap? Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return null;
        }
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var rotated = new SKBitmap(new SKImageInfo(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height,
            bitmap.ColorType, bitmap.AlphaType));
        using var canvas = new SKCanvas(rotated);
        float w = bitmap.Width, h = bitmap.Height;
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: // mirrored horizontally
                canvas.Scale(-1, 1, w / 2, 0);
                break;
            case SKEncodedOrigin.BottomRight: // turned 180°
                canvas.RotateDegrees(180, w / 2, h / 2);
                break;
            case SKEncodedOrigin.BottomLeft: // mirrored vertically
                canvas.Scale(1, -1, 0, h / 2);
                break;
            case SKEncodedOrigin.LeftTop: // transposed
                canvas.RotateDegrees(90);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.RightTop: // turned 90° clockwise
                canvas.Translate(h, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightBottom: // transverse
                canvas.Translate(h, w);
                canvas.RotateDegrees(90);
                canvas.Scale(-1, 1);
                break;
            case SKEncodedOrigin.LeftBottom: // turned 90° counter-clockwise
                canvas.Translate(0, w);
                canvas.RotateDegrees(270);
                break;
        }
        canvas.DrawBitmap(bitmap, 0, 0, SKSamplingOptions.Default);
        return rotated;
    }

    /// <summary>Stores a processed photo and returns its file name.</summary>
    public async Task<string> SaveAsync(byte[] jpeg, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_root);
        var name = $"{Guid.CreateVersion7():N}.jpg";
        await File.WriteAllBytesAsync(Path.Combine(_root, name), jpeg, cancellationToken);
        return name;
    }

    public Stream? Open(string? fileName) =>
        IsOwnName(fileName) && File.Exists(Path.Combine(_root, fileName!)) ? File.OpenRead(Path.Combine(_root, fileName!)) : null;

    public void Delete(string? fileName)
    {
        if (IsOwnName(fileName))
        {
            File.Delete(Path.Combine(_root, fileName!));
        }
    }

    /// <summary>Only names this store gave out ("{32 hex}.jpg"), so a stored value can never reach another path.</summary>
    private static bool IsOwnName(string? fileName) =>
        fileName is { Length: 36 } && fileName.EndsWith(".jpg", StringComparison.Ordinal) && fileName[..32].All(char.IsAsciiHexDigitLower);
}
