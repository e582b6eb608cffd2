using System.Buffers;
using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Tiles;

/// <summary>
/// Writes one Mapbox Vector Tile (MVT spec 2.1, protobuf) with one layer: features added in the working CRS are moved into
/// the tile's integer grid (<see cref="Extent"/> units across the tile, y down), repeated points are dropped, rings that
/// collapse are left out, and polygon rings are wound as the spec wants (exterior clockwise on screen: positive area by
/// the surveyor's formula in tile coordinates; holes the other way). Keys and values are shared through the layer's
/// tables. Hand-written because NetTopologySuite.IO.VectorTiles.Mapbox only places tiles in the Web Mercator grid;
/// tested by decoding with GDAL's MVT driver (an independent reader).
/// </summary>
public sealed class MvtWriter
{
    /// <summary>Tile units across a tile (the spec's default, 4096).</summary>
    public const uint DefaultExtent = 4096;

    private const int MoveTo = 1, LineTo = 2, ClosePath = 7;
    private const int GeomPoint = 1, GeomLine = 2, GeomPolygon = 3;

    private readonly string _name;
    private readonly Envelope _tile;
    private readonly double _scale;
    private readonly List<byte[]> _features = [];
    private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
    private readonly List<string> _keyList = [];
    private readonly Dictionary<(int Kind, string Text), int> _values = [];
    private readonly List<(int Kind, string Text, object Value)> _valueList = [];

    /// <param name="layerName">The MVT layer's name.</param>
    /// <param name="tile">The tile's extent in the working CRS.</param>
    /// <param name="extent">Tile units across the tile.</param>
    public MvtWriter(string layerName, Envelope tile, uint extent = DefaultExtent)
    {
        ArgumentNullException.ThrowIfNull(tile);
        _name = layerName;
        _tile = tile;
        Extent = extent;
        _scale = extent / tile.Width;
    }

    /// <summary>Tile units across the tile.</summary>
    public uint Extent { get; }

    /// <summary>Features written so far.</summary>
    public int Count => _features.Count;

    /// <summary>
    /// Adds a feature; returns false when nothing of its geometry is left in tile units (a ring or line that collapses).
    /// A geometry collection is written as one feature per kind of part.
    /// </summary>
    public bool Add(Geometry geometry, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(properties);
        var props = properties.Where(p => p.Value is not null).ToList();
        var added = false;
        foreach (var (type, commands) in Encode(geometry))
        {
            if (commands.Count == 0)
            {
                continue;
            }

            var tags = new List<uint>(props.Count * 2);
            foreach (var (key, value) in props)
            {
                tags.Add((uint)KeyIndex(key));
                tags.Add((uint)ValueIndex(value!));
            }

            var feature = new ProtoBuffer();
            if (tags.Count > 0)
            {
                feature.Packed(2, tags);
            }

            feature.Varint(3, (ulong)type);
            feature.Packed(4, commands);
            _features.Add(feature.ToArray());
            added = true;
        }

        return added;
    }

    /// <summary>The tile: one layer (version 2) with every feature added; an empty array when none was.</summary>
    public byte[] ToArray()
    {
        if (_features.Count == 0)
        {
            return [];
        }

        var layer = new ProtoBuffer();
        layer.Varint(15, 2);
        layer.String(1, _name);
        foreach (var f in _features)
        {
            layer.Bytes(2, f);
        }

        foreach (var k in _keyList)
        {
            layer.String(3, k);
        }

        foreach (var (kind, text, value) in _valueList)
        {
            var v = new ProtoBuffer();
            switch (kind)
            {
                case 1:
                    v.String(1, text);
                    break;
                case 3:
                    v.Double(3, (double)value);
                    break;
                case 4:
                    v.Varint(4, unchecked((ulong)(long)value));
                    break;
                case 7:
                    v.Varint(7, (bool)value ? 1UL : 0UL);
                    break;
            }

            layer.Bytes(4, v.ToArray());
        }

        layer.Varint(5, Extent);
        var tile = new ProtoBuffer();
        tile.Bytes(3, layer.ToArray());
        return tile.ToArray();
    }

    private int KeyIndex(string key)
    {
        if (!_keys.TryGetValue(key, out var i))
        {
            i = _keyList.Count;
            _keys[key] = i;
            _keyList.Add(key);
        }

        return i;
    }

    private int ValueIndex(object value)
    {
        // Most values are strings (ids, classes): looked up without building the entry.
        if (value is string text && _values.TryGetValue((1, text), out var known))
        {
            return known;
        }

        (int Kind, string Text, object Value) entry = value switch
        {
            string s => (1, s, s),
            bool b => (7, b ? "true" : "false", b),
            sbyte or byte or short or ushort or int or uint or long => (4, Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), Convert.ToInt64(value, CultureInfo.InvariantCulture)),
            float or double or decimal => Number(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
            _ => (1, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
        };
        if (!_values.TryGetValue((entry.Kind, entry.Text), out var i))
        {
            i = _valueList.Count;
            _values[(entry.Kind, entry.Text)] = i;
            _valueList.Add(entry);
        }

        return i;
    }

    private static (int, string, object) Number(double d) => (3, d.ToString("R", CultureInfo.InvariantCulture), d);

    private IEnumerable<(int Type, List<uint> Commands)> Encode(Geometry geometry)
    {
        var points = new List<uint>();
        var lines = new List<uint>();
        var polygons = new List<uint>();
        long cx = 0, cy = 0;
        long px = 0, py = 0, lx = 0, ly = 0;
        var pointList = new List<(long X, long Y)>();
        Walk(geometry);
        if (pointList.Count > 0)
        {
            points.Add(Command(MoveTo, pointList.Count));
            foreach (var (x, y) in pointList)
            {
                points.Add(ZigZag(x - px));
                points.Add(ZigZag(y - py));
                (px, py) = (x, y);
            }
        }

        if (pointList.Count > 0)
        {
            yield return (GeomPoint, points);
        }

        if (lines.Count > 0)
        {
            yield return (GeomLine, lines);
        }

        if (polygons.Count > 0)
        {
            yield return (GeomPolygon, polygons);
        }

        void Walk(Geometry g)
        {
            switch (g)
            {
                case Point p when !p.IsEmpty:
                    pointList.Add(ToTile(p.Coordinate));
                    break;
                case LineString l when l is not LinearRing:
                    WriteLine(l.CoordinateSequence);
                    break;
                case Polygon poly:
                    WritePolygon(poly);
                    break;
                case GeometryCollection c:
                    for (var i = 0; i < c.NumGeometries; i++)
                    {
                        Walk(c.GetGeometryN(i));
                    }

                    break;
            }
        }

        void WriteLine(CoordinateSequence seq)
        {
            var path = Path(seq, closed: false);
            if (path.Count < 2)
            {
                return;
            }

            lines.Add(Command(MoveTo, 1));
            lines.Add(ZigZag(path[0].X - lx));
            lines.Add(ZigZag(path[0].Y - ly));
            lines.Add(Command(LineTo, path.Count - 1));
            for (var i = 1; i < path.Count; i++)
            {
                lines.Add(ZigZag(path[i].X - path[i - 1].X));
                lines.Add(ZigZag(path[i].Y - path[i - 1].Y));
            }

            (lx, ly) = path[^1];
        }

        void WritePolygon(Polygon poly)
        {
            if (!WriteRing(poly.ExteriorRing.CoordinateSequence, exterior: true))
            {
                return;
            }

            for (var i = 0; i < poly.NumInteriorRings; i++)
            {
                WriteRing(poly.GetInteriorRingN(i).CoordinateSequence, exterior: false);
            }
        }

        bool WriteRing(CoordinateSequence seq, bool exterior)
        {
            var ring = Path(seq, closed: true);
            if (ring.Count < 3)
            {
                return false;
            }

            var area = SignedArea(ring);
            if (area == 0)
            {
                return false;
            }

            if ((area > 0) != exterior)
            {
                ring.Reverse();
            }

            polygons.Add(Command(MoveTo, 1));
            polygons.Add(ZigZag(ring[0].X - cx));
            polygons.Add(ZigZag(ring[0].Y - cy));
            polygons.Add(Command(LineTo, ring.Count - 1));
            for (var i = 1; i < ring.Count; i++)
            {
                polygons.Add(ZigZag(ring[i].X - ring[i - 1].X));
                polygons.Add(ZigZag(ring[i].Y - ring[i - 1].Y));
            }

            polygons.Add(Command(ClosePath, 1));
            (cx, cy) = ring[^1];
            return true;
        }
    }

    /// <summary>The sequence in tile units without repeated points (and, for a ring, without its closing point).</summary>
    private List<(long X, long Y)> Path(CoordinateSequence seq, bool closed)
    {
        var path = new List<(long X, long Y)>(seq.Count);
        for (var i = 0; i < seq.Count; i++)
        {
            var p = ToTile(seq.GetX(i), seq.GetY(i));
            if (path.Count == 0 || path[^1] != p)
            {
                path.Add(p);
            }
        }

        if (closed)
        {
            while (path.Count > 1 && path[^1] == path[0])
            {
                path.RemoveAt(path.Count - 1);
            }
        }

        return path;
    }

    private (long X, long Y) ToTile(Coordinate c) => ToTile(c.X, c.Y);

    private (long X, long Y) ToTile(double x, double y) =>
        ((long)Math.Round((x - _tile.MinX) * _scale), (long)Math.Round((_tile.MaxY - y) * _scale));

    /// <summary>Twice the area by the surveyor's formula in tile units (y down): positive for a clockwise ring on screen.</summary>
    private static double SignedArea(List<(long X, long Y)> ring)
    {
        double sum = 0;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            sum += ((double)ring[j].X * ring[i].Y) - ((double)ring[i].X * ring[j].Y);
        }

        return sum;
    }

    private static uint Command(int id, int count) => (uint)((id & 0x7) | (count << 3));

    private static uint ZigZag(long n) => (uint)((n << 1) ^ (n >> 63));

    /// <summary>The few protobuf writes the tile needs: varints, length-delimited fields and packed varints.</summary>
    private sealed class ProtoBuffer
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(256);

        public void Varint(int field, ulong value)
        {
            Raw((ulong)((field << 3) | 0));
            Raw(value);
        }

        public void Double(int field, double value)
        {
            Raw((ulong)((field << 3) | 1));
            System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(_buffer.GetSpan(8), value);
            _buffer.Advance(8);
        }

        public void String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public void Bytes(int field, ReadOnlySpan<byte> value)
        {
            Raw((ulong)((field << 3) | 2));
            Raw((ulong)value.Length);
            _buffer.Write(value);
        }

        public void Packed(int field, List<uint> values)
        {
            var inner = new ProtoBuffer();
            foreach (var v in values)
            {
                inner.Raw(v);
            }

            Bytes(field, inner._buffer.WrittenSpan);
        }

        public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

        private void Raw(ulong value)
        {
            var span = _buffer.GetSpan(10);
            var n = 0;
            while (value >= 0x80)
            {
                span[n++] = (byte)(value | 0x80);
                value >>= 7;
            }

            span[n++] = (byte)value;
            _buffer.Advance(n);
        }
    }
}
