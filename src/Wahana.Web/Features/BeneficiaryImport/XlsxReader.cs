using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Wahana.Web.Features.BeneficiaryImport;

/// <summary>
/// Streams the first worksheet of an .xlsx file with one <see cref="XmlReader"/> pass: shared strings once into
/// memory, then one row at a time. Hand-written because the import must read 100,000 rows at well over 20,000
/// rows per second: MiniExcel's and ExcelDataReader's readers spent about 4 s of CPU on such a sheet here, this one
/// about a third of that (see docs/decisions/0008-import-audit.md). MiniExcel still writes every xlsx we produce.
/// </summary>
public sealed class XlsxReader : SourceReader
{
    /// <summary>The most a worksheet or its shared strings may unpack to: 100,000 full rows take about 150 MB.</summary>
    private const long MaxUnpackedBytes = 1L << 30;

    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly FileStream _file;
    private readonly ZipArchive _zip;
    private readonly ZipArchiveEntry _sheet;
    private readonly List<string> _sharedStrings = [];
    private readonly NameTable _names = new();
    private readonly XmlReaderSettings _settings;
    private readonly string _row, _c, _v, _is, _t, _rPh, _dimension;
    private List<string>? _headers;
    private int _headerRowNumber;
    private int? _lastDeclaredRow;

    /// <exception cref="InvalidDataException">The file is not an xlsx workbook with a worksheet.</exception>
    public XlsxReader(string path)
    {
        _row = _names.Add("row");
        _c = _names.Add("c");
        _v = _names.Add("v");
        _is = _names.Add("is");
        _t = _names.Add("t");
        _rPh = _names.Add("rPh");
        _dimension = _names.Add("dimension");
        _settings = new XmlReaderSettings
        {
            NameTable = _names,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            CloseInput = true,
        };
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            _zip = new ZipArchive(_file, ZipArchiveMode.Read, leaveOpen: false);
            _sheet = FindFirstSheet(_zip) ?? throw new InvalidDataException("The workbook has no worksheet.");
            var shared = FindPart(_zip, "xl/sharedStrings.xml");
            // A zip bomb (a small file that unpacks to gigabytes) is refused before anything is unpacked.
            if (_sheet.Length > MaxUnpackedBytes || shared?.Length > MaxUnpackedBytes)
            {
                throw new InvalidDataException("The workbook unpacks to more than an import may hold.");
            }
            if (shared is not null)
            {
                ReadSharedStrings(shared);
            }
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException or FormatException or ArgumentException)
        {
            _file.Dispose();
            throw new InvalidDataException("Not a readable xlsx workbook.", e);
        }
    }

    public override IReadOnlyList<string> Headers => _headers ??= ReadHeaders();

    public override int? DeclaredDataRows
    {
        get
        {
            _ = Headers;
            return _lastDeclaredRow is { } last && _headerRowNumber > 0 ? Math.Max(0, last - _headerRowNumber) : null;
        }
    }

    /// <summary>True when the zip holds the parts of a spreadsheet: the content types and a workbook.</summary>
    public static bool LooksLikeWorkbook(ZipArchive zip) =>
        FindPart(zip, "[Content_Types].xml") is not null && FindPart(zip, "xl/workbook.xml") is not null;

    public override IEnumerable<SourceRow> Rows()
    {
        _ = Headers;
        return AllRows().Where(r => r.Number > _headerRowNumber);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _zip.Dispose();
            _file.Dispose();
        }
        base.Dispose(disposing);
    }

    private List<string> ReadHeaders()
    {
        foreach (var row in AllRows())
        {
            if (row.IsBlank)
            {
                continue;
            }
            _headerRowNumber = row.Number;
            return [.. row.Cells.Select(c => c.Display)];
        }
        return [];
    }

    private IEnumerable<SourceRow> AllRows()
    {
        using var xml = XmlReader.Create(_sheet.Open(), _settings);
        var cells = new List<Cell>(32);
        var lastRow = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            if (ReferenceEquals(xml.LocalName, _dimension))
            {
                _lastDeclaredRow = LastRowOf(xml.GetAttribute("ref"));
                continue;
            }
            if (!ReferenceEquals(xml.LocalName, _row))
            {
                continue;
            }
            var number = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : lastRow + 1;
            lastRow = number;
            cells.Clear();
            if (!xml.IsEmptyElement)
            {
                ReadRow(xml, cells);
            }
            yield return new SourceRow(number, [.. cells]);
        }
    }

    private void ReadRow(XmlReader xml, List<Cell> cells)
    {
        var depth = xml.Depth;
        var next = 0;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element || !ReferenceEquals(xml.LocalName, _c))
            {
                continue;
            }
            var column = xml.GetAttribute("r") is { } reference ? ColumnIndex(reference) : next;
            next = column + 1;
            var type = xml.GetAttribute("t");
            var value = xml.IsEmptyElement ? null : ReadCellText(xml);
            while (cells.Count <= column)
            {
                cells.Add(Cell.Empty);
            }
            cells[column] = ToCell(type, value);
        }
    }

    /// <summary>The text of a cell's value (v) or inline string (is/t), leaving the reader on the cell's end.</summary>
    private string? ReadCellText(XmlReader xml)
    {
        var depth = xml.Depth;
        string? value = null;
        var inValue = false;
        var phonetic = 0;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element:
                    if (ReferenceEquals(xml.LocalName, _rPh))
                    {
                        phonetic += xml.IsEmptyElement ? 0 : 1;
                    }
                    else if (!xml.IsEmptyElement && (ReferenceEquals(xml.LocalName, _v) || ReferenceEquals(xml.LocalName, _t)))
                    {
                        inValue = true;
                    }
                    break;
                case XmlNodeType.EndElement:
                    if (ReferenceEquals(xml.LocalName, _rPh))
                    {
                        phonetic--;
                    }
                    else if (ReferenceEquals(xml.LocalName, _v) || ReferenceEquals(xml.LocalName, _t))
                    {
                        inValue = false;
                    }
                    break;
                case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA:
                    if (inValue && phonetic == 0)
                    {
                        value = value is null ? xml.Value : value + xml.Value;
                    }
                    break;
            }
        }
        return value;
    }

    private Cell ToCell(string? type, string? value)
    {
        if (value is null)
        {
            return Cell.Empty;
        }
        switch (type)
        {
            case "s":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _sharedStrings.Count
                    ? new Cell(CellKind.Text, _sharedStrings[index])
                    : Cell.Empty;
            case "b":
                return new Cell(CellKind.Boolean, value);
            case "str" or "inlineStr" or "e" or "d":
                return new Cell(CellKind.Text, value);
            default:
                return new Cell(CellKind.Number, value);
        }
    }

    private void ReadSharedStrings(ZipArchiveEntry entry)
    {
        using var xml = XmlReader.Create(entry.Open(), _settings);
        var si = _names.Add("si");
        var text = new System.Text.StringBuilder();
        var inString = false;
        var inText = false;
        var phonetic = 0;
        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element when ReferenceEquals(xml.LocalName, si):
                    if (xml.IsEmptyElement)
                    {
                        _sharedStrings.Add("");
                    }
                    else
                    {
                        inString = true;
                        text.Clear();
                    }
                    break;
                case XmlNodeType.Element when ReferenceEquals(xml.LocalName, _rPh):
                    phonetic += xml.IsEmptyElement ? 0 : 1;
                    break;
                case XmlNodeType.Element when ReferenceEquals(xml.LocalName, _t):
                    inText = inString && !xml.IsEmptyElement;
                    break;
                case XmlNodeType.EndElement when ReferenceEquals(xml.LocalName, _t):
                    inText = false;
                    break;
                case XmlNodeType.EndElement when ReferenceEquals(xml.LocalName, _rPh):
                    phonetic--;
                    break;
                case XmlNodeType.EndElement when ReferenceEquals(xml.LocalName, si):
                    _sharedStrings.Add(text.ToString());
                    inString = false;
                    break;
                case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA:
                    if (inText && phonetic == 0)
                    {
                        text.Append(xml.Value);
                    }
                    break;
            }
        }
    }

    /// <summary>The first worksheet in the workbook's own order (the template's "penerima"), found through its relationships.</summary>
    private ZipArchiveEntry? FindFirstSheet(ZipArchive zip)
    {
        if (!LooksLikeWorkbook(zip))
        {
            throw new InvalidDataException("Not a spreadsheet workbook.");
        }
        string? relationId = null;
        using (var workbook = XmlReader.Create(FindPart(zip, "xl/workbook.xml")!.Open(), _settings))
        {
            while (workbook.Read())
            {
                if (workbook.NodeType == XmlNodeType.Element && workbook.LocalName == "sheet")
                {
                    relationId = workbook.GetAttribute("id", RelationshipsNamespace);
                    break;
                }
            }
        }
        if (relationId is not null && FindPart(zip, "xl/_rels/workbook.xml.rels") is { } relations)
        {
            using var rels = XmlReader.Create(relations.Open(), _settings);
            while (rels.Read())
            {
                if (rels.NodeType == XmlNodeType.Element && rels.LocalName == "Relationship" && rels.GetAttribute("Id") == relationId
                    && rels.GetAttribute("Target") is { } target)
                {
                    var part = target.StartsWith('/') ? target[1..] : "xl/" + target;
                    return FindPart(zip, part);
                }
            }
        }
        return zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase)
                && e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            .OrderBy(e => e.FullName, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static ZipArchiveEntry? FindPart(ZipArchive zip, string name) =>
        zip.GetEntry(name) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>"AB12" → 27 (zero-based column of a cell reference).</summary>
    internal static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var ch in reference)
        {
            var upper = char.ToUpperInvariant(ch);
            if (upper is < 'A' or > 'Z')
            {
                break;
            }
            index = index * 26 + (upper - 'A' + 1);
        }
        return Math.Max(0, index - 1);
    }

    private static int? LastRowOf(string? reference)
    {
        if (reference is null)
        {
            return null;
        }
        var last = reference[(reference.LastIndexOf(':') + 1)..];
        var digits = new string([.. last.SkipWhile(char.IsAsciiLetter)]);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : null;
    }
}
