using System.Collections.Frozen;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Wahana.Web.Infrastructure.Geo;

/// <summary>
/// The boundaries of DIY's 438 kalurahan/kelurahan, shipped inside the assembly (Resources/Geo/kalurahan.geojson,
/// see SOURCE.md there) and read once: the whole FeatureCollection as UTF-8 (and gzipped) for the coverage map,
/// and each feature by its dotted Kemendagri code (34.02.15.2001).
/// </summary>
public sealed class VillageBoundaries
{
    public const string ContentType = "application/geo+json";

    private static readonly Lazy<VillageBoundaries> Shipped = new(Load);

    private readonly FrozenDictionary<string, byte[]> _features;

    private VillageBoundaries(byte[] all, FrozenDictionary<string, byte[]> features)
    {
        All = all;
        _features = features;
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(all);
        }
        AllGzip = compressed.ToArray();
    }

    /// <summary>The boundaries shipped with the application.</summary>
    public static VillageBoundaries Instance => Shipped.Value;

    /// <summary>The FeatureCollection of every kalurahan, UTF-8 GeoJSON.</summary>
    public byte[] All { get; }

    /// <summary><see cref="All"/> compressed once with gzip.</summary>
    public byte[] AllGzip { get; }

    public IReadOnlyCollection<string> Codes => _features.Keys;

    /// <summary>One kalurahan's Feature as UTF-8 GeoJSON, or null for a code without a boundary.</summary>
    public byte[]? Feature(string code) => _features.GetValueOrDefault(code);

    private static VillageBoundaries Load()
    {
        using var stream = typeof(VillageBoundaries).Assembly.GetManifestResourceStream("Geo.kalurahan.geojson")
            ?? throw new InvalidOperationException("Geo.kalurahan.geojson is not embedded.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var all = buffer.ToArray();
        using var json = JsonDocument.Parse(all);
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToFrozenDictionary(
            f => f.GetProperty("properties").GetProperty("code").GetString()!,
            f => Encoding.UTF8.GetBytes(f.GetRawText()),
            StringComparer.Ordinal);
        return new VillageBoundaries(all, features);
    }
}
