using System.IO.Compression;
using System.Text;

namespace Wahana.Web.Features.BeneficiaryImport;

/// <summary>
/// Tells an xlsx workbook or a CSV text from anything else by the file's content, whatever its name says: an .exe
/// renamed .xlsx is refused, a CSV saved under .xlsx is read as CSV.
/// </summary>
public static class SpreadsheetSniffer
{
    private const int SampleSize = 64 * 1024;

    /// <summary>The format of the file, or null with the reason in Indonesian when it is no spreadsheet we read.</summary>
    public static (SourceFormat? Format, string? Problem) Detect(string path)
    {
        var sample = Sample(path);
        if (sample.Length == 0)
        {
            return (null, "Berkas kosong (0 byte).");
        }
        if (sample is [0x50, 0x4B, 0x03, 0x04, ..])
        {
            return IsWorkbook(path)
                ? (SourceFormat.Xlsx, null)
                : (null, "Berkas ini arsip zip, tetapi bukan buku kerja Excel (.xlsx).");
        }
        if (sample is [0xD0, 0xCF, 0x11, 0xE0, ..])
        {
            return (null, "Format Excel lama (.xls) tidak didukung. Buka berkas di Excel lalu simpan sebagai .xlsx (Excel Workbook) atau CSV.");
        }
        return IsText(sample)
            ? (SourceFormat.Csv, null)
            : (null, "Berkas ini bukan lembar kerja: unggah berkas Excel (.xlsx) atau CSV.");
    }

    /// <summary>True when the file's first 64 KB are valid UTF-8 (a character cut at the end of the sample allowed).</summary>
    public static bool IsUtf8(string path)
    {
        var sample = Sample(path);
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        try
        {
            var chars = new char[sample.Length + 1];
            decoder.Convert(sample, chars, flush: false, out _, out _, out _);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool IsWorkbook(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            return XlsxReader.LooksLikeWorkbook(zip);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return false;
        }
    }

    /// <summary>Text has no NUL bytes and hardly any control characters other than tab, line feed and carriage return.</summary>
    private static bool IsText(byte[] sample)
    {
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return false;
            }
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C))
            {
                control++;
            }
        }
        return control * 100 < sample.Length;
    }

    private static byte[] Sample(string path)
    {
        using var file = File.OpenRead(path);
        var buffer = new byte[Math.Min(SampleSize, file.Length)];
        file.ReadExactly(buffer);
        return buffer;
    }
}
