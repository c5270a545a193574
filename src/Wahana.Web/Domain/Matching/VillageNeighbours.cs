using System.Collections.Frozen;
using System.Text.Json;

namespace Wahana.Web.Domain.Matching;

/// <summary>
/// Which kalurahan/kelurahan of DIY share a border, read once from the boundaries shipped in the assembly
/// (Resources/Geo/kalurahan.geojson): two kalurahan are neighbours when their outlines share at least two
/// points (the polygons come from one source, so a common border has the very same vertices). People move to
/// the next village, or are known to the WKSBM there too; this is the "neighbouring kalurahan" of duplicate
/// detection, across kapanewon and kabupaten borders alike.
/// </summary>
public sealed class VillageNeighbours
{
    private static readonly Lazy<VillageNeighbours> Shipped = new(Load);

    private readonly FrozenDictionary<string, string[]> _neighbours;

    // Every DIY kalurahan by a number, for comparing millions of pairs without looking codes up: the kapanewon and
    // kabupaten/kota of each, and which border each other (one bit per pair).
    private readonly FrozenDictionary<string, int> _index;
    private readonly int[] _districtOf;
    private readonly int[] _regencyOf;
    private readonly ulong[] _borders;

    private VillageNeighbours(FrozenDictionary<string, string[]> neighbours)
    {
        _neighbours = neighbours;
        var villages = RegionCatalog.Instance.AllDiy.Where(r => r.Level == RegionLevel.Desa).Select(r => r.Code).Order(StringComparer.Ordinal).ToList();
        _index = villages.Select((code, i) => (code, i)).ToFrozenDictionary(v => v.code, v => v.i, StringComparer.Ordinal);
        var districts = villages.Select(v => v[..8]).Distinct().Select((code, i) => (code, i)).ToDictionary(d => d.code, d => d.i, StringComparer.Ordinal);
        var regencies = villages.Select(v => v[..5]).Distinct().Select((code, i) => (code, i)).ToDictionary(d => d.code, d => d.i, StringComparer.Ordinal);
        _districtOf = [.. villages.Select(v => districts[v[..8]])];
        _regencyOf = [.. villages.Select(v => regencies[v[..5]])];
        _borders = new ulong[((villages.Count * villages.Count) + 63) / 64];
        foreach (var (code, others) in neighbours)
        {
            if (_index.TryGetValue(code, out var a))
            {
                foreach (var other in others)
                {
                    if (_index.TryGetValue(other, out var b))
                    {
                        var bit = (a * villages.Count) + b;
                        _borders[bit / 64] |= 1UL << (bit % 64);
                    }
                }
            }
        }
    }

    /// <summary>The number of a DIY kalurahan (for <see cref="Compare"/>), or -1 for a code that is none.</summary>
    public int IndexOf(string villageCode) => _index.TryGetValue(villageCode, out var i) ? i : -1;

    /// <summary>How near two kalurahan are, by their numbers (<see cref="IndexOf"/>).</summary>
    public Nearness Compare(int a, int b)
    {
        if (a == b)
        {
            return Nearness.SameVillage;
        }
        var bit = (a * _districtOf.Length) + b;
        if ((_borders[bit / 64] & (1UL << (bit % 64))) != 0)
        {
            return Nearness.Neighbours;
        }
        return _districtOf[a] == _districtOf[b] ? Nearness.SameDistrict : _regencyOf[a] == _regencyOf[b] ? Nearness.SameRegency : Nearness.Elsewhere;
    }

    public static VillageNeighbours Instance => Shipped.Value;

    /// <summary>The kalurahan bordering the given one (not itself), ordered by code; empty for an unknown code.</summary>
    public IReadOnlyList<string> Of(string villageCode) =>
        _neighbours.TryGetValue(villageCode, out var codes) ? codes : [];

    public bool AreNeighbours(string a, string b) =>
        _neighbours.TryGetValue(a, out var codes) && Array.BinarySearch(codes, b, StringComparer.Ordinal) >= 0;

    private static VillageNeighbours Load()
    {
        using var stream = typeof(VillageNeighbours).Assembly.GetManifestResourceStream("Geo.kalurahan.geojson")
            ?? throw new InvalidOperationException("Geo.kalurahan.geojson is not embedded.");
        using var json = JsonDocument.Parse(stream);
        // Every vertex (as written, 5 decimals) with the kalurahan whose outline passes through it.
        var villagesAt = new Dictionary<(double, double), List<string>>();
        foreach (var feature in json.RootElement.GetProperty("features").EnumerateArray())
        {
            var code = feature.GetProperty("properties").GetProperty("code").GetString()!;
            var geometry = feature.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "MultiPolygon"
                ? geometry.GetProperty("coordinates").EnumerateArray().ToList()
                : [geometry.GetProperty("coordinates")];
            foreach (var ring in polygons.SelectMany(p => p.EnumerateArray()))
            {
                foreach (var point in ring.EnumerateArray())
                {
                    var key = (point[0].GetDouble(), point[1].GetDouble());
                    if (!villagesAt.TryGetValue(key, out var codes))
                    {
                        villagesAt[key] = codes = [];
                    }
                    if (!codes.Contains(code))
                    {
                        codes.Add(code);
                    }
                }
            }
        }
        var shared = new Dictionary<(string, string), int>();
        foreach (var codes in villagesAt.Values.Where(c => c.Count > 1))
        {
            foreach (var a in codes)
            {
                foreach (var b in codes.Where(b => string.CompareOrdinal(a, b) < 0))
                {
                    shared[(a, b)] = shared.GetValueOrDefault((a, b)) + 1;
                }
            }
        }
        var neighbours = shared.Where(s => s.Value >= 2)
            .SelectMany(s => new[] { s.Key, (s.Key.Item2, s.Key.Item1) })
            .GroupBy(p => p.Item1, p => p.Item2, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        return new VillageNeighbours(neighbours);
    }
}

/// <summary>How near two kalurahan are, nearest first.</summary>
public enum Nearness
{
    SameVillage,
    Neighbours,
    SameDistrict,
    SameRegency,
    Elsewhere,
}
