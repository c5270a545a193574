using System.Text;

namespace Wahana.Web.Features.BeneficiaryImport;

/// <summary>
/// The job's own copy of the uploaded rows, in the template's column order, in a compact binary file: the dry run
/// writes it while reading the upload (which is then deleted), the commit and the error file read it back
/// without parsing the spreadsheet a second time.
/// </summary>
public static class RowSpill
{
    public static Writer Create(string path, Dictionary<string, int> sourceColumns) => new(path, sourceColumns);

    /// <summary>The rows, each with its cells in <see cref="ImportColumns.All"/> order.</summary>
    public static IEnumerable<SourceRow> Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new BinaryReader(file, Encoding.UTF8);
        var columns = ImportColumns.All.Count;
        while (file.Position < file.Length)
        {
            var number = reader.ReadInt32();
            var cells = new Cell[columns];
            for (var i = 0; i < columns; i++)
            {
                var kind = (CellKind)reader.ReadByte();
                cells[i] = kind == CellKind.Empty ? Cell.Empty : new Cell(kind, reader.ReadString());
            }
            yield return new SourceRow(number, cells);
        }
    }

    public sealed class Writer : IDisposable
    {
        private readonly BinaryWriter _writer;
        private readonly int[] _positions;

        internal Writer(string path, Dictionary<string, int> sourceColumns)
        {
            _writer = new BinaryWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16), Encoding.UTF8);
            _positions = [.. ImportColumns.All.Select(c => sourceColumns.GetValueOrDefault(c.Header, -1))];
        }

        public void Write(SourceRow row)
        {
            _writer.Write(row.Number);
            foreach (var position in _positions)
            {
                var cell = position < 0 ? Cell.Empty : row[position];
                if (cell.Kind == CellKind.Empty || cell.Value is null)
                {
                    _writer.Write((byte)CellKind.Empty);
                }
                else
                {
                    _writer.Write((byte)cell.Kind);
                    _writer.Write(cell.Value);
                }
            }
        }

        public void Dispose() => _writer.Dispose();
    }
}
