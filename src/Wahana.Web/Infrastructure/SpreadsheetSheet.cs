using System.Data;
using System.Globalization;

namespace Wahana.Web.Infrastructure;

/// <summary>What an Excel export hands to MiniExcel: the rows, streamed, or an empty sheet that still has its headers.</summary>
public static class SpreadsheetSheet
{
    /// <summary>
    /// The rows of <paramref name="rows"/> as they come from the database reader (the caller owns and disposes the
    /// enumerator), or, when there is none, an empty sheet with the column headers: MiniExcel writes no header row for
    /// an empty sequence of dictionaries.
    /// </summary>
    public static object Of(IEnumerator<Dictionary<string, object?>> rows, IEnumerable<string> headers, string name)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.MoveNext() ? Continue(rows) : Empty(headers, name);
    }

    /// <summary>An empty sheet with only its column headers.</summary>
    public static DataTable Empty(IEnumerable<string> headers, string name)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var table = new DataTable(name) { Locale = CultureInfo.InvariantCulture };
        foreach (var header in headers)
        {
            table.Columns.Add(header);
        }
        return table;
    }

    private static IEnumerable<Dictionary<string, object?>> Continue(IEnumerator<Dictionary<string, object?>> rows)
    {
        do
        {
            yield return rows.Current;
        }
        while (rows.MoveNext());
    }
}
