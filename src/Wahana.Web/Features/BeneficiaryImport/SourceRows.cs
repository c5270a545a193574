using System.Globalization;

namespace Wahana.Web.Features.BeneficiaryImport;

/// <summary>How a cell was stored: text, or a number (Excel keeps dates and numbers typed in General cells as numbers).</summary>
public enum CellKind : byte
{
    Empty,
    Text,
    Number,
    Boolean,
}

/// <summary>One cell as the file holds it, before any interpretation.</summary>
public readonly record struct Cell(CellKind Kind, string? Value)
{
    public static readonly Cell Empty = new(CellKind.Empty, null);

    public bool IsBlank => Kind == CellKind.Empty || string.IsNullOrWhiteSpace(Value);

    /// <summary>The text a person sees: numbers without exponent or decimals when they are whole.</summary>
    public string Display => Kind == CellKind.Number ? NumberText(Value) : Value ?? "";

    /// <summary>
    /// A whole number as plain digits ("3.402154708900001E+15" → "3402154708900001"); other numbers as written.
    /// </summary>
    public static string NumberText(string? value)
    {
        if (value is null)
        {
            return "";
        }
        if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number))
        {
            return number.ToString("0", CultureInfo.InvariantCulture);
        }
        return value;
    }
}

/// <summary>A data row of the uploaded sheet: its row number as the spreadsheet shows it, and its cells by column position.</summary>
public sealed record SourceRow(int Number, Cell[] Cells)
{
    public Cell this[int column] => column >= 0 && column < Cells.Length ? Cells[column] : Cell.Empty;

    public bool IsBlank => Cells.All(c => c.IsBlank);
}

/// <summary>The kinds of file an import accepts, told by their content rather than their name.</summary>
public enum SourceFormat
{
    Xlsx,
    Csv,
}

/// <summary>
/// Reads the rows of an uploaded spreadsheet one at a time (never the whole file into memory): the first row is the
/// header, every further row is data.
/// </summary>
public abstract class SourceReader : IDisposable
{
    /// <summary>The header row's cells, in column order.</summary>
    public abstract IReadOnlyList<string> Headers { get; }

    /// <summary>The number of data rows, when the file says so without being read to the end (null otherwise).</summary>
    public virtual int? DeclaredDataRows => null;

    /// <summary>The data rows after the header, blank rows included (callers skip them), in order.</summary>
    public abstract IEnumerable<SourceRow> Rows();

    public static SourceReader Open(string path, SourceFormat format) => format switch
    {
        SourceFormat.Xlsx => new XlsxReader(path),
        _ => new CsvReader(path),
    };

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
