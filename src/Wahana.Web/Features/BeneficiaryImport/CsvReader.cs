using System.Text;
using Sylvan.Data.Csv;

namespace Wahana.Web.Features.BeneficiaryImport;

/// <summary>
/// Streams a CSV file with Sylvan: the delimiter (comma, semicolon as Indonesian Excel writes it, tab) is detected
/// from the header; UTF-8 (with or without a byte-order mark), or Windows Latin when the bytes are not UTF-8.
/// Row numbers are record numbers, as a spreadsheet program shows them.
/// </summary>
public sealed class CsvReader : SourceReader
{
    private readonly string _path;
    private readonly Encoding _encoding;
    private IReadOnlyList<string>? _headers;

    public CsvReader(string path)
    {
        _path = path;
        _encoding = SpreadsheetSniffer.IsUtf8(path) ? new UTF8Encoding(false) : Encoding.Latin1;
    }

    public override IReadOnlyList<string> Headers => _headers ??= ReadHeaders();

    public override IEnumerable<SourceRow> Rows()
    {
        using var csv = Open();
        if (!csv.Read())
        {
            yield break;
        }
        while (csv.Read())
        {
            var cells = new Cell[csv.RowFieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                var value = csv.GetString(i);
                cells[i] = value.Length == 0 ? Cell.Empty : new Cell(CellKind.Text, value);
            }
            yield return new SourceRow(csv.RowNumber, cells);
        }
    }

    /// <summary>Counts the data rows that are not blank, reading the file once without keeping any of it.</summary>
    public int CountDataRows()
    {
        using var csv = Open();
        if (!csv.Read())
        {
            return 0;
        }
        var count = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.RowFieldCount; i++)
            {
                if (!string.IsNullOrWhiteSpace(csv.GetString(i)))
                {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    private List<string> ReadHeaders()
    {
        using var csv = Open();
        if (!csv.Read())
        {
            return [];
        }
        var headers = new List<string>(csv.RowFieldCount);
        for (var i = 0; i < csv.RowFieldCount; i++)
        {
            headers.Add(csv.GetString(i));
        }
        return headers;
    }

    private CsvDataReader Open()
    {
        var text = new StreamReader(_path, _encoding, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
        return CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = false, OwnsReader = true, MaxBufferSize = 1 << 22 });
    }
}
