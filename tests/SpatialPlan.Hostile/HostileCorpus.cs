using System.Globalization;
using System.Text;

namespace SpatialPlan.Hostile;

/// <summary>
/// Generates the hostile-input corpus of issue 12 at test time (nothing is committed but this generator): malformed and
/// malicious GeoJSON, 界址点 lists and zipped Shapefiles, one class per problem the issue lists. Seeded, so every run
/// makes the same bytes. <see cref="Default"/> is fast to make and to run (the default <c>dotnet test</c>);
/// <see cref="Large"/> holds the gigabyte bombs and the 17 MB feature flood (<c>Category=HostileLarge</c>).
/// </summary>
public static class HostileCorpus
{
    private const string Seed = "HostileCorpus/1";

    // A 1 km² square in the west of the banner (lon/lat), and the 殡仪馆 界址点 list (X = northing, Y = zone-prefixed easting).
    private static readonly double[][] Square = [[107.10, 40.80], [107.11, 40.80], [107.11, 40.81], [107.10, 40.81], [107.10, 40.80]];
    private const string Jzd = "J1,4511488.384,36415402.449\nJ2,4511704.102,36415359.078\nJ3,4511763.119,36415653.742\nJ4,4511547.403,36415697.122\n";

    private static readonly Lazy<IReadOnlyList<HostileInput>> _default = new(() => [.. Generate().Where(i => !i.Large)]);

    /// <summary>Every input of the default run (well over 300), made once per process.</summary>
    public static IReadOnlyList<HostileInput> Default() => _default.Value;

    /// <summary>The large inputs (zip bombs of a gigabyte, 100 000 features) and the slow ones (accepted inputs at each budget).</summary>
    public static IEnumerable<HostileInput> Large()
    {
        foreach (var input in Generate().Where(i => i.Large))
        {
            yield return input;
        }

        yield return new HostileInput("large/prj-1GB", "zip-bomb", "prj-bomb.zip",
            ZipBytes.WithBomb("site.prj", 1L << 30, (byte)' ', [.. ShpEntries(Polygon(Square)).Where(e => e.Name != "site.prj")])) { Large = true };
        yield return new HostileInput("large/cpg-1GB", "zip-bomb", "cpg-bomb.zip",
            ZipBytes.WithBomb("site.cpg", 1L << 30, (byte)'9', [.. ShpEntries(Polygon(Square)).Where(e => e.Name != "site.cpg")])) { Large = true };
        yield return new HostileInput("large/shp-1GB", "zip-bomb", "shp-bomb.zip",
            ZipBytes.WithBomb("site.shp", 1L << 30, 0, ("site.dbf", new ShapefileBytes(ShapefileBytes.Polygon, Polygon(Square)).Dbf()))) { Large = true };
        yield return new HostileInput("large/100000-features-17MB", "performance", "flood.geojson", Utf8(ManySquares(100_000))) { Large = true };
        yield return new HostileInput("large/45MB-shp-in-a-small-zip", "zip-bomb", "dense.zip", ZipBytes.Shapefile(new ShapefileBytes(ShapefileBytes.Polygon, DenseRing(2_800_000)))) { Large = true };
    }

    private static IEnumerable<HostileInput> Generate()
    {
        var random = new Random(Seed.Aggregate(17, (h, c) => (h * 31) + c));
        foreach (var i in GeoJsonSyntax(random)) yield return i;
        foreach (var i in GeoJsonStructure()) yield return i;
        foreach (var i in Encodings()) yield return i;
        foreach (var i in Depth()) yield return i;
        foreach (var i in Surrogates()) yield return i;
        foreach (var i in EpsgCodes()) yield return i;
        foreach (var i in NonFinite()) yield return i;
        foreach (var i in ThreeAndFourD()) yield return i;
        foreach (var i in BoundaryPoints()) yield return i;
        foreach (var i in Footprints()) yield return i;
        foreach (var i in WidthsAndRadii()) yield return i;
        foreach (var i in Budgets()) yield return i;
        foreach (var i in ShapefileHeaders()) yield return i;
        foreach (var i in ZipProblems()) yield return i;
        foreach (var i in ShapefileMutations(random)) yield return i;
    }

    // ---- GeoJSON -------------------------------------------------------------------------------------------------

    private static IEnumerable<HostileInput> GeoJsonSyntax(Random random)
    {
        var good = Utf8(Feature(PolygonJson(Square), "{\"name\":\"地块\",\"projectName\":\"测试\"}"));
        yield return new HostileInput("geojson/good", "baseline", "good.geojson", good);
        for (var k = 1; k <= 24; k++)
        {
            var cut = good.Length * k / 25;
            yield return new HostileInput($"geojson/truncated-{cut}", "syntax", "cut.geojson", good[..cut]);
        }

        for (var k = 0; k < 24; k++)
        {
            var bytes = (byte[])good.Clone();
            var at = random.Next(bytes.Length);
            bytes[at] = (byte)"{}[],:\"\\0x-e.\u0001 "[random.Next(15)];
            yield return new HostileInput($"geojson/flip-{k}-at-{at}", "syntax", "flip.geojson", bytes);
        }

        foreach (var (name, text) in new[]
        {
            ("empty", string.Empty), ("blank", "   \n\t "), ("null", "null"), ("number", "42"), ("string", "\"FeatureCollection\""),
            ("array", "[]"), ("nul-bytes", "{\"type\":\0}"), ("comments-only", "// nothing\n/* here */"), ("trailing-garbage", Feature(PolygonJson(Square)) + "}}}"),
            ("html", "<html><body>404</body></html>"),
        })
        {
            yield return new HostileInput($"geojson/{name}", "syntax", name + ".geojson", Utf8(text));
        }
    }

    private static IEnumerable<HostileInput> GeoJsonStructure()
    {
        var ring = Coordinates(Square);
        foreach (var (name, json) in new[]
        {
            ("no-type", "{\"features\":[]}"),
            ("type-lowercase", "{\"type\":\"featurecollection\",\"features\":[]}"),
            ("no-features", "{\"type\":\"FeatureCollection\"}"),
            ("features-object", "{\"type\":\"FeatureCollection\",\"features\":{}}"),
            ("features-empty", "{\"type\":\"FeatureCollection\",\"features\":[]}"),
            ("feature-null", "{\"type\":\"FeatureCollection\",\"features\":[null]}"),
            ("feature-no-geometry", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{}}]}"),
            ("geometry-null", Feature("null")),
            ("geometry-string", Feature("\"POLYGON((1 2,3 4))\"")),
            ("geometry-unknown-type", Feature($"{{\"type\":\"Polygn\",\"coordinates\":[{ring}]}}")),
            ("geometry-no-coordinates", Feature("{\"type\":\"Polygon\"}")),
            ("geometry-empty-coordinates", Feature("{\"type\":\"Polygon\",\"coordinates\":[]}")),
            ("geometry-empty-ring", Feature("{\"type\":\"Polygon\",\"coordinates\":[[]]}")),
            ("ring-unclosed", Feature("{\"type\":\"Polygon\",\"coordinates\":[[[107.1,40.8],[107.11,40.8],[107.11,40.81],[107.1,40.81]]]}")),
            ("ring-three-positions", Feature("{\"type\":\"Polygon\",\"coordinates\":[[[107.1,40.8],[107.11,40.8],[107.1,40.8]]]}")),
            ("nesting-too-shallow", Feature($"{{\"type\":\"Polygon\",\"coordinates\":{ring}}}")),
            ("nesting-too-deep", Feature($"{{\"type\":\"Polygon\",\"coordinates\":[[{ring}]]}}")),
            ("coordinate-strings", Feature("{\"type\":\"Point\",\"coordinates\":[\"107.1\",\"40.8\"]}")),
            ("coordinate-one-value", Feature("{\"type\":\"Point\",\"coordinates\":[107.1]}")),
            ("coordinate-object", Feature("{\"type\":\"Point\",\"coordinates\":{\"x\":107.1,\"y\":40.8}}")),
            ("coordinate-bool", Feature("{\"type\":\"Point\",\"coordinates\":[true,false]}")),
            ("coordinate-null", Feature("{\"type\":\"Point\",\"coordinates\":[null,40.8]}")),
            ("collection-empty", Feature("{\"type\":\"GeometryCollection\",\"geometries\":[]}")),
            ("collection-nested", Feature($"{{\"type\":\"GeometryCollection\",\"geometries\":[{{\"type\":\"GeometryCollection\",\"geometries\":[{PolygonJson(Square)}]}}]}}")),
            ("bow-tie", Feature("{\"type\":\"Polygon\",\"coordinates\":[[[107.1,40.8],[107.11,40.81],[107.11,40.8],[107.1,40.81],[107.1,40.8]]]}")),
            ("hole-outside-shell", Feature($"{{\"type\":\"Polygon\",\"coordinates\":[{ring},[[107.2,40.9],[107.21,40.9],[107.21,40.91],[107.2,40.9]]]}}")),
            ("mixed-kinds", Collection(PolygonJson(Square), "{\"type\":\"Point\",\"coordinates\":[107.1,40.8]}")),
            ("line-without-width", Feature("{\"type\":\"LineString\",\"coordinates\":[[107.1,40.8],[107.2,40.85]]}")),
            ("point-without-radius", Feature("{\"type\":\"Point\",\"coordinates\":[107.1,40.8]}")),
            ("properties-array", Feature(PolygonJson(Square), "[1,2,3]")),
            ("properties-huge-string", Feature(PolygonJson(Square), "{\"name\":\"" + new string('地', 200_000) + "\"}")),
            ("project-type-bad", Feature(PolygonJson(Square), "{\"projectType\":\"factory\"}")),
            ("project-type-number", Feature(PolygonJson(Square), "{\"projectType\":7}")),
            ("width-property-string", Feature("{\"type\":\"LineString\",\"coordinates\":[[107.1,40.8],[107.2,40.85]]}", "{\"widthM\":\"wide\"}")),
            ("width-property-huge", Feature("{\"type\":\"LineString\",\"coordinates\":[[107.1,40.8],[107.2,40.85]]}", "{\"widthM\":1e308}")),
            ("radius-property-negative", Feature("{\"type\":\"Point\",\"coordinates\":[107.1,40.8]}", "{\"radiusM\":-60}")),
            ("duplicate-keys", "{\"type\":\"Point\",\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}"),
            ("bare-geometry", PolygonJson(Square)),
            ("bare-feature", "{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + PolygonJson(Square) + "}"),
        })
        {
            yield return new HostileInput($"geojson/{name}", "structure", name + ".geojson", Utf8(json));
        }
    }

    private static IEnumerable<HostileInput> Encodings()
    {
        var json = Feature(PolygonJson(Square), "{\"name\":\"陕坝镇地块\"}");
        byte[] bom = [0xEF, 0xBB, 0xBF];
        yield return new HostileInput("bom/geojson", "bom", "bom.geojson", [.. bom, .. Utf8(json)]);
        yield return new HostileInput("bom/geojson-twice", "bom", "bom2.geojson", [.. bom, .. bom, .. Utf8(json)]);
        yield return new HostileInput("bom/geojson-utf16", "bom", "utf16.geojson", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(json)]);
        yield return new HostileInput("bom/geojson-gbk", "bom", "gbk.geojson", Gbk(json));
        yield return new HostileInput("bom/jzd", "bom", "bom.txt", [.. bom, .. Utf8("点号,X,Y\n" + Jzd)]);
        yield return new HostileInput("bom/jzd-utf16le", "bom", "utf16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("点号,X,Y\n" + Jzd)]);
        yield return new HostileInput("bom/jzd-utf16be", "bom", "utf16be.txt", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Jzd)]);
        yield return new HostileInput("bom/jzd-gbk", "bom", "gbk.txt", Gbk("# 殡仪馆 界址点\n点号,X,Y\n" + Jzd));
        yield return new HostileInput("bom/jzd-crlf", "bom", "crlf.csv", Utf8(Jzd.Replace("\n", "\r\n", StringComparison.Ordinal)));
        yield return new HostileInput("bom/jzd-cr-only", "bom", "cr.txt", Utf8(Jzd.Replace('\n', '\r')));
        yield return new HostileInput("bom/binary-as-txt", "bom", "image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);
    }

    private static IEnumerable<HostileInput> Depth()
    {
        foreach (var depth in new[] { 60, 65, 100, 1_000, 100_000 })
        {
            var nested = new string('[', depth) + new string(']', depth);
            yield return new HostileInput($"depth/property-{depth}", "depth", "deep.geojson", Utf8(Feature(PolygonJson(Square), $"{{\"x\":{nested}}}")));
        }

        yield return new HostileInput("depth/objects-5000", "depth", "deep-objects.geojson",
            Utf8(Feature(PolygonJson(Square), string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000))));
        yield return new HostileInput("depth/coordinates-200", "depth", "deep-coords.geojson",
            Utf8(Feature("{\"type\":\"Polygon\",\"coordinates\":" + new string('[', 200) + "107.1,40.8" + new string(']', 200) + "}")));
        yield return new HostileInput("depth/unclosed-100000", "depth", "deep-open.geojson", Utf8(new string('[', 100_000)));
    }

    private static IEnumerable<HostileInput> Surrogates()
    {
        foreach (var (name, escape) in new[] { ("high", "\\ud800"), ("low", "\\udc00"), ("high-then-text", "\\ud83dx"), ("reversed-pair", "\\ude00\\ud83d"), ("valid-pair", "\\ud83d\\ude00") })
        {
            yield return new HostileInput($"surrogate/name-{name}", "surrogate", "s.geojson", Utf8(Feature(PolygonJson(Square), $"{{\"name\":\"地块{escape}\"}}")));
        }

        yield return new HostileInput("surrogate/property-key", "surrogate", "key.geojson", Utf8(Feature(PolygonJson(Square), "{\"\\ud800\":1}")));
        yield return new HostileInput("surrogate/project-name", "surrogate", "pn.geojson", Utf8(Feature(PolygonJson(Square), "{\"projectName\":\"\\udfff\"}")));
        yield return new HostileInput("surrogate/type", "surrogate", "type.geojson", Utf8("{\"type\":\"\\ud800\",\"features\":[]}"));
        yield return new HostileInput("surrogate/crs-name", "surrogate", "crs.geojson", Utf8(WithCrs("urn:ogc:def:crs:EPSG::\\ud800")));
        yield return new HostileInput("surrogate/id", "surrogate", "id.geojson",
            Utf8("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"\\ud800\",\"properties\":{},\"geometry\":" + PolygonJson(Square) + "}]}"));
        yield return new HostileInput("surrogate/invalid-utf8", "surrogate", "bad-utf8.geojson",
            [.. Utf8(Feature(PolygonJson(Square), "{\"name\":\"")), 0xED, 0xA0, 0x80, .. Utf8("\"}}]}")]);
    }

    private static IEnumerable<HostileInput> EpsgCodes()
    {
        foreach (var code in new[] { "urn:ogc:def:crs:EPSG::99999999999999999999", "EPSG:2147483648", "EPSG:4294967296", "EPSG:-4490",
                     "EPSG:0", "EPSG:9999", "EPSG:4490.5", "urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4545", "EPSG:", "CGCS2000", "" })
        {
            yield return new HostileInput($"epsg/{code}", "epsg", "crs.geojson", Utf8(WithCrs(code)));
        }

        foreach (var option in new[] { "EPSG:99999999999", "EPSG:2147483648", "EPSG:-1", "4545", "EPSG:4490 " })
        {
            yield return new HostileInput($"epsg/option-{option}", "epsg", "opt.geojson", Utf8(Feature(PolygonJson(Square)))) { Crs = option };
        }

        yield return new HostileInput("epsg/prj-long-authority", "epsg", "long-authority.zip", ZipBytes.Shapefile(new ShapefileBytes(ShapefileBytes.Polygon, Polygon(Square)),
            "GEOGCS[\"x\",DATUM[\"D\",SPHEROID[\"s\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],UNIT[\"Degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"99999999999999999999\"]]"));
        yield return new HostileInput("epsg/prj-garbage", "epsg", "garbage-prj.zip", ZipBytes.Shapefile(new ShapefileBytes(ShapefileBytes.Polygon, Polygon(Square)), "PROJCS[[[[[[[["));
    }

    private static IEnumerable<HostileInput> NonFinite()
    {
        foreach (var bad in new[] { "1e400", "-1e400", "1e-400", "-1e-400", "1e308", "4.9e-324", "NaN", "Infinity", "-Infinity", "0e999999999" })
        {
            var ring = $"[[107.10,40.80],[107.11,40.80],[{bad},40.81],[107.10,40.80]]";
            yield return new HostileInput($"nan-inf/geojson-x-{bad}", "nan-inf", "n.geojson", Utf8(Feature($"{{\"type\":\"Polygon\",\"coordinates\":[{ring}]}}")));
            yield return new HostileInput($"nan-inf/geojson-point-{bad}", "nan-inf", "p.geojson", Utf8(Feature($"{{\"type\":\"Point\",\"coordinates\":[107.1,{bad}]}}"))) { Radius = "50" };
        }

        foreach (var bad in new[] { "NaN", "nan", "Infinity", "-Infinity", "∞", "1e400", "1e-400", "0x10", "4511488.384.5", "--4511488" })
        {
            yield return new HostileInput($"nan-inf/jzd-x-{bad}", "nan-inf", "n.txt", Utf8($"J1,4511488.384,36415402.449\nJ2,{bad},36415359.078\nJ3,4511763.119,36415653.742\n"));
            yield return new HostileInput($"nan-inf/jzd-y-{bad}", "nan-inf", "n.txt", Utf8($"J1,4511488.384,36415402.449\nJ2,4511704.102,{bad}\nJ3,4511763.119,36415653.742\n"));
        }

        foreach (var bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, double.MaxValue, -0.0 })
        {
            var name = bad.ToString("R", CultureInfo.InvariantCulture);
            yield return new HostileInput($"nan-inf/shp-y-{name}", "nan-inf", "n.zip", ZipBytes.Shapefile(new ShapefileBytes(ShapefileBytes.Polygon,
                RawShape.Ring([107.2, 40.8], [107.2, bad], [107.21, 40.81], [107.2, 40.8]))));
            yield return new HostileInput($"nan-inf/shp-point-x-{name}", "nan-inf", "np.zip",
                ZipBytes.Shapefile(new ShapefileBytes(ShapefileBytes.Point, new RawShape([[[bad, 40.8]]])))) { Radius = "50" };
        }
    }

    private static IEnumerable<HostileInput> ThreeAndFourD()
    {
        foreach (var (suffix, extra) in new[] { ("z", new[] { 1050.5 }), ("zm", new[] { 1050.5, 7.0 }), ("z-nan-like", new[] { -1e38 }) })
        {
            var ring = Square.Select(p => p.Concat(extra).ToArray()).ToArray();
            yield return new HostileInput($"3d/polygon-{suffix}", "3d-4d", "z.geojson", Utf8(Feature(PolygonJson(ring))));
            yield return new HostileInput($"3d/line-{suffix}", "3d-4d", "z-line.geojson",
                Utf8(Feature($"{{\"type\":\"LineString\",\"coordinates\":{Coordinates([[107.1, 40.8, .. extra], [107.2, 40.85, .. extra]])}}}"))) { Width = "30" };
            yield return new HostileInput($"3d/point-{suffix}", "3d-4d", "z-point.geojson",
                Utf8(Feature($"{{\"type\":\"Point\",\"coordinates\":{Coordinates([[107.1, 40.8, .. extra]])[1..^1]}}}"))) { Radius = "60" };
        }

        yield return new HostileInput("3d/mixed-2d-3d", "3d-4d", "mixed.geojson",
            Utf8(Feature("{\"type\":\"Polygon\",\"coordinates\":[[[107.10,40.80,5],[107.11,40.80],[107.11,40.81,7,8],[107.10,40.80]]]}")));
        yield return new HostileInput("3d/five-ordinates", "3d-4d", "five.geojson",
            Utf8(Feature("{\"type\":\"Polygon\",\"coordinates\":[[[107.10,40.80,1,2,3],[107.11,40.80,1,2,3],[107.11,40.81,1,2,3],[107.10,40.80,1,2,3]]]}")));
        // Over farmland in the real data (industrial-park-expansion): the case that crashed OverlayNG's elevation model.
        double[][] farm = [[107.055, 40.86, 1050], [107.065, 40.86, 1050], [107.065, 40.868, 1051], [107.055, 40.868, 1052], [107.055, 40.86, 1050]];
        yield return new HostileInput("3d/over-farmland", "3d-4d", "farm-z.geojson", Utf8(Feature(PolygonJson(farm))));
        foreach (var type in new[] { ShapefileBytes.PolygonZ, ShapefileBytes.PolygonM })
        {
            var ring = RawShape.Ring([107.1, 40.8, 1050, 1], [107.1, 40.81, 1051, 2], [107.11, 40.81, 1052, 3], [107.1, 40.8, 1050, 1]);
            yield return new HostileInput($"3d/shp-type-{type}", "3d-4d", "z.zip", ZipBytes.Shapefile(new ShapefileBytes(type, ring)));
        }

        yield return new HostileInput("3d/shp-pointz", "3d-4d", "pz.zip", ZipBytes.Shapefile(new ShapefileBytes(ShapefileBytes.PointZ, new RawShape([[[107.1, 40.8, 1050, 0]]])))) { Radius = "60" };
        yield return new HostileInput("3d/shp-polylinez", "3d-4d", "lz.zip",
            ZipBytes.Shapefile(new ShapefileBytes(ShapefileBytes.PolyLineZ, new RawShape([[[107.1, 40.8, 1050, 0], [107.2, 40.85, 1060, 0]]])))) { Width = "30" };
        yield return new HostileInput("3d/shp-multipointm", "3d-4d", "mm.zip",
            ZipBytes.Shapefile(new ShapefileBytes(ShapefileBytes.MultiPointM, new RawShape([[[107.1, 40.8, 1], [107.11, 40.81, 2]]])))) { Radius = "60" };
    }

    // ---- 界址点 -------------------------------------------------------------------------------------------------

    private static IEnumerable<HostileInput> BoundaryPoints()
    {
        string Swap(string list) => string.Join('\n', list.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(',')).Select(f => $"{f[0]},{f[2]},{f[1]}")) + "\n";
        string Unzoned(string list) => list.Replace(",36", ",", StringComparison.Ordinal);
        foreach (var (name, text) in new[]
        {
            ("good", Jzd), ("swapped-zoned", Swap(Jzd)), ("swapped-unzoned", Swap(Unzoned(Jzd))), ("unzoned", Unzoned(Jzd)),
            ("zone-37", Jzd.Replace(",36", ",37", StringComparison.Ordinal)), ("zone-35", Jzd.Replace(",36", ",35", StringComparison.Ordinal)),
            ("mixed-prefix", Jzd.Replace("J2,4511704.102,36415359.078", "J2,4511704.102,415359.078", StringComparison.Ordinal)),
            ("decimal-comma-semicolon", Jzd.Replace('.', ',').Replace(",4511", ";4511", StringComparison.Ordinal).Replace(",3641", ";3641", StringComparison.Ordinal)),
            ("decimal-comma-tab", string.Join('\n', Jzd.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => string.Join('\t', l.Split(',')).Replace('.', ',')))),
            ("decimal-comma-comma", Jzd.Replace('.', ',')),
            ("decimal-comma-quoted", string.Join('\n', Jzd.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).Select(f => $"{f[0]},\"{f[1].Replace('.', ',')}\",\"{f[2].Replace('.', ',')}\""))),
            ("decimal-comma-two-columns", string.Join('\n', Jzd.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).Select(f => $"{f[1].Replace('.', ',')} {f[2].Split('.')[0]}"))),
            ("thousands-separators", "J1;4,511,488.384;36,415,402.449\nJ2;4,511,704.102;36,415,359.078\nJ3;4,511,763.119;36,415,653.742\n"),
            ("collinear", "J1,4511488.384,36415402.449\nJ2,4511588.384,36415502.449\nJ3,4511688.384,36415602.449\n"),
            ("repeated", "J1,4511488.384,36415402.449\nJ2,4511488.384,36415402.449\nJ3,4511704.102,36415359.078\nJ4,4511704.102,36415359.078\n"),
            ("all-same", "J1,4511488.384,36415402.449\nJ1,4511488.384,36415402.449\nJ1,4511488.384,36415402.449\n"),
            ("two-points", "J1,4511488.384,36415402.449\nJ2,4511704.102,36415359.078\n"),
            ("header-only", "点号,X,Y\n"), ("comments-only", "# 殡仪馆\n# 没有坐标\n"),
            ("rings", "J1,1,4511488.384,36415402.449\nJ2,1,4511704.102,36415359.078\nJ3,1,4511763.119,36415653.742\nK1,2,4512488.384,36416402.449\nK2,2,4512704.102,36416359.078\nK3,2,4512763.119,36416653.742\n"),
            ("six-columns", "J1,4511488.384,36415402.449,12.3,边长,备注\n"),
            ("far-beijing", "J1,4419000.0,39447000.0\nJ2,4419100.0,39447000.0\nJ3,4419100.0,39447100.0\n"),
            ("zeros", "J1,0,0\nJ2,0,0\nJ3,0,0\n"),
            ("negative", "J1,-4511488.384,-36415402.449\nJ2,-4511704.102,-36415359.078\nJ3,-4511763.119,-36415653.742\n"),
            ("huge", "J1,1e15,1e15\nJ2,2e15,1e15\nJ3,2e15,2e15\n"),
            ("self-intersecting", "J1,4511488.384,36415402.449\nJ2,4511763.119,36415653.742\nJ3,4511704.102,36415359.078\nJ4,4511547.403,36415697.122\n"),
            ("blank-line-splits-ring", "J1,4511488.384,36415402.449\nJ2,4511704.102,36415359.078\n\nJ3,4511763.119,36415653.742\nJ4,4511547.403,36415697.122\n"),
            ("very-long-line", "J1," + new string('9', 100_000) + ",36415402.449\n"),
            ("control-chars", "J1\u0007,4511488.384,36415402.449\nJ2,4511704.102,36415359.078\u001b\nJ3,4511763.119,36415653.742\n"),
        })
        {
            yield return new HostileInput($"jzd/{name}", "jzd", name + ".txt", Utf8(text));
        }

        var many = new StringBuilder();
        for (var i = 0; i < 30_000; i++)
        {
            many.Append(CultureInfo.InvariantCulture, $"J{i},{4511488.384 + (i % 100)},{36415402.449 + (i / 100)}\n");
            if (i % 3 == 2)
            {
                many.Append('\n');
            }
        }

        yield return new HostileInput("jzd/10000-rings", "budget", "rings.txt", Utf8(many.ToString()));
    }

    // ---- footprints ------------------------------------------------------------------------------------------------

    private static IEnumerable<HostileInput> Footprints()
    {
        foreach (var km in new[] { 5, 20, 24, 26, 50, 500 })
        {
            var east = 107.39 + (km / 84.2);
            yield return new HostileInput($"footprint/beyond-{km}km", "footprint-far", "far.geojson",
                Utf8(Feature(PolygonJson(Box(107.30, 40.80, east, 40.82)))));
        }

        foreach (var (name, box) in new[]
        {
            ("china", Box(73.5, 18.2, 134.8, 53.5)), ("east-hemisphere", Box(0, -90, 180, 90)), ("north-hemisphere", Box(-180, 0, 180, 90)),
            ("north-east-quarter", Box(0, 0, 180, 90)), ("globe", Box(-180, -90, 180, 90)), ("inner-mongolia", Box(97.2, 37.4, 126.1, 53.4)),
            ("null-island", Box(0, 0, 0.01, 0.01)), ("tiny-box-far-north", Box(107.1, 89.9, 107.2, 90)),
        })
        {
            yield return new HostileInput($"footprint/{name}", "footprint-far", name + ".geojson", Utf8(Feature(PolygonJson(box))));
        }

        yield return new HostileInput("footprint/pole-to-pole", "footprint-far", "pole.geojson",
            Utf8(Feature("{\"type\":\"LineString\",\"coordinates\":[[107.1,-90],[107.1,90]]}"))) { Width = "30" };
        yield return new HostileInput("footprint/equator-line", "footprint-far", "equator.geojson",
            Utf8(Feature("{\"type\":\"LineString\",\"coordinates\":[[-179,0],[179,0]]}"))) { Width = "30" };
        yield return new HostileInput("footprint/antimeridian-polygon", "antimeridian", "dateline.geojson",
            Utf8(Feature("{\"type\":\"Polygon\",\"coordinates\":[[[179.9,40.8],[-179.9,40.8],[-179.9,40.9],[179.9,40.9],[179.9,40.8]]]}")));
        yield return new HostileInput("footprint/antimeridian-line", "antimeridian", "dateline-line.geojson",
            Utf8(Feature("{\"type\":\"LineString\",\"coordinates\":[[179.5,40.8],[-179.5,40.8]]}"))) { Width = "30" };
        yield return new HostileInput("footprint/antimeridian-with-banner", "antimeridian", "dateline-banner.geojson",
            Utf8(Collection(PolygonJson(Square), "{\"type\":\"Polygon\",\"coordinates\":[[[179.9,40.8],[-179.9,40.8],[-179.9,40.9],[179.9,40.9],[179.9,40.8]]]}")));
        yield return new HostileInput("footprint/lat-lon-swapped", "footprint-far", "latlon.geojson",
            Utf8(Feature(PolygonJson([.. Square.Select(p => new[] { p[1], p[0] })]))));
        yield return new HostileInput("footprint/collinear-lonlat", "zero-area", "collinear.geojson",
            Utf8(Feature("{\"type\":\"Polygon\",\"coordinates\":[[[107.1,40.8],[107.11,40.81],[107.12,40.82],[107.1,40.8]]]}")));
        yield return new HostileInput("footprint/repeated-points", "zero-area", "repeated.geojson",
            Utf8(Feature("{\"type\":\"Polygon\",\"coordinates\":[[[107.1,40.8],[107.1,40.8],[107.1,40.8],[107.1,40.8]]]}")));
        yield return new HostileInput("footprint/back-and-forth", "zero-area", "spike.geojson",
            Utf8(Feature("{\"type\":\"Polygon\",\"coordinates\":[[[107.1,40.8],[107.11,40.8],[107.1,40.8],[107.11,40.8],[107.1,40.8]]]}")));
        yield return new HostileInput("footprint/sub-square-metre", "zero-area", "tiny.geojson", Utf8(Feature(PolygonJson(Box(107.1, 40.8, 107.100001, 40.800001)))));
        yield return new HostileInput("footprint/underflow", "zero-area", "underflow.geojson",
            Utf8(Feature("{\"type\":\"Polygon\",\"coordinates\":[[[107.1,40.8],[107.11,40.8],[107.11,1e-400],[107.1,40.8]]]}")));
        yield return new HostileInput("footprint/gk-far-easting", "footprint-far", "gk.geojson", Utf8(Feature(PolygonJson(Box(900000, 4500000, 900100, 4500100)))));
        yield return new HostileInput("footprint/gk-good", "baseline", "gk-good.geojson", Utf8(Feature(PolygonJson(Box(420000, 4520000, 420100, 4520100)))));
        yield return new HostileInput("footprint/web-mercator", "baseline", "merc.geojson", Utf8(Feature(PolygonJson(Box(11922000, 4983000, 11923000, 4984000)))));
    }

    private static IEnumerable<HostileInput> WidthsAndRadii()
    {
        var line = Utf8(Feature("{\"type\":\"LineString\",\"coordinates\":[[107.10,40.89],[107.13,40.89]]}"));
        var point = Utf8(Feature("{\"type\":\"Point\",\"coordinates\":[107.10,40.89]}"));
        foreach (var value in new[] { "0", "-5", "0.1", "0.5", "30", "2000", "2000.1", "1e308", "1e-300", "NaN", "Infinity", "30,5", "abc", "5000", "5001" })
        {
            yield return new HostileInput($"width/{value}", "width-radius", "line.geojson", line) { Width = value };
            yield return new HostileInput($"radius/{value}", "width-radius", "point.geojson", point) { Radius = value };
        }
    }

    private static IEnumerable<HostileInput> Budgets()
    {
        yield return new HostileInput("budget/1001-features", "budget", "features.geojson", Utf8(ManySquares(1_001)));
        yield return new HostileInput("budget/1000-features", "budget", "features-ok.geojson", Utf8(ManySquares(1_000))) { Large = true };
        yield return new HostileInput("budget/501-points-radius", "budget", "points.geojson", Utf8(Feature(MultiPoint(501)))) { Radius = "60" };
        yield return new HostileInput("budget/500-points-radius", "budget", "points-ok.geojson", Utf8(Feature(MultiPoint(500)))) { Radius = "60", Large = true };
        yield return new HostileInput("budget/20000-points-radius", "budget", "points-20k.geojson", Utf8(Feature(MultiPoint(20_000)))) { Radius = "60" };
        yield return new HostileInput("budget/300000-vertices", "budget", "dense.geojson", Utf8(Feature(PolygonJson(Circle(300_000)))));
        yield return new HostileInput("budget/50000-vertex-polygon", "budget", "dense-ok.geojson", Utf8(Feature(PolygonJson(Circle(49_000))))) { Large = true };
        yield return new HostileInput("budget/50000-vertex-line", "budget", "dense-line.geojson",
            Utf8(Feature($"{{\"type\":\"LineString\",\"coordinates\":{Coordinates(Circle(49_000)[..^1])}}}"))) { Width = "30", Large = true };
        yield return new HostileInput("budget/30000-part-multipolygon", "budget", "parts.geojson",
            Utf8(Feature("{\"type\":\"MultiPolygon\",\"coordinates\":[" + string.Join(",", Enumerable.Range(0, 30_000).Select(i =>
                "[" + Coordinates(Box(107.0 + (i % 200 * 0.001), 40.7 + (i / 200 * 0.001), 107.0005 + (i % 200 * 0.001), 40.7005 + (i / 200 * 0.001))) + "]")) + "]}")));
        yield return new HostileInput("budget/shp-6000-records", "budget", "many.zip",
            ZipBytes.Shapefile(new ShapefileBytes(ShapefileBytes.Polygon, [.. Enumerable.Range(0, 6_000).Select(i => Polygon(Box(107.0 + (i % 100 * 0.001), 40.7 + (i / 100 * 0.001), 107.0005 + (i % 100 * 0.001), 40.7005 + (i / 100 * 0.001))))])));
        yield return new HostileInput("budget/shp-300000-vertices", "budget", "dense.zip", ZipBytes.Shapefile(new ShapefileBytes(ShapefileBytes.Polygon, DenseRing(300_000))));
        yield return new HostileInput("budget/large-upload-8MB", "budget", "padded.geojson", Utf8(Feature(PolygonJson(Square), "{\"pad\":\"" + new string('x', 8 << 20) + "\"}")));
    }

    // ---- Shapefiles and zips --------------------------------------------------------------------------------------

    private static IEnumerable<HostileInput> ShapefileHeaders()
    {
        var square = Polygon(Square);
        var honest = new ShapefileBytes(ShapefileBytes.Polygon, square);
        yield return new HostileInput("shp/good", "baseline", "good.zip", ZipBytes.Shapefile(honest));
        yield return new HostileInput("shp/good-no-prj", "baseline", "noprj.zip", ZipBytes.Shapefile(honest, prj: null));
        yield return new HostileInput("shp/good-gbk-cpg", "baseline", "gbk.zip", ZipBytes.Shapefile(honest, cpg: "GBK"));
        yield return new HostileInput("shp/odd-cpg", "baseline", "oddcpg.zip", ZipBytes.Shapefile(honest, cpg: "x-klingon-99"));
        foreach (var parts in new[] { int.MaxValue, 1_000_000, 6, 0, -1, int.MinValue })
        {
            yield return new HostileInput($"shp/numParts-{parts}", "shp-header", "parts.zip", ZipBytes.Shapefile(new ShapefileBytes(ShapefileBytes.Polygon, square) { LyingNumParts = parts }));
        }

        foreach (var points in new[] { int.MaxValue, 50_000_000, 1_000_000, 4, 0, -1 })
        {
            yield return new HostileInput($"shp/numPoints-{points}", "shp-header", "points.zip", ZipBytes.Shapefile(new ShapefileBytes(ShapefileBytes.Polygon, square) { LyingNumPoints = points }));
        }

        foreach (var words in new[] { int.MaxValue, int.MinValue, 0, 1, 2, 3, 40, 1_000_000 })
        {
            yield return new HostileInput($"shp/contentLength-{words}", "shp-header", "content.zip", ZipBytes.Shapefile(new ShapefileBytes(ShapefileBytes.Polygon, square) { LyingContentLengthWords = words }));
        }

        foreach (var words in new[] { int.MaxValue, 0, 49, 50, 60, -1 })
        {
            yield return new HostileInput($"shp/fileLength-{words}", "shp-header", "length.zip", ZipBytes.Shapefile(new ShapefileBytes(ShapefileBytes.Polygon, square) { LyingFileLengthWords = words }));
        }

        foreach (var count in new uint[] { uint.MaxValue, int.MaxValue, 0u, 2u })
        {
            yield return new HostileInput($"shp/dbf-records-{count}", "shp-header", "dbf.zip", ZipBytes.Shapefile(new ShapefileBytes(ShapefileBytes.Polygon, square) { LyingDbfRecordCount = count }));
        }

        var full = honest.Shp().Length;
        foreach (var cut in new[] { 0, 50, 99, 100, 104, 108, 120, 152, 160, 200, full - 1 })
        {
            yield return new HostileInput($"shp/truncated-{cut}", "shp-stale", "cut.zip", ZipBytes.Shapefile(new ShapefileBytes(ShapefileBytes.Polygon, square) { TruncateShpTo = cut }));
        }

        yield return new HostileInput("shp/multipatch", "shp-header", "patch.zip", Retyped(honest, 31));
        yield return new HostileInput("shp/record-type-mismatch", "shp-header", "mismatch.zip", RecordRetyped(honest, ShapefileBytes.PolyLine));
        yield return new HostileInput("shp/null-shapes-only", "shp-header", "null.zip", RecordRetyped(honest, 0));
        yield return new HostileInput("shp/unknown-type", "shp-header", "unknown.zip", Retyped(honest, 77));
    }

    private static IEnumerable<HostileInput> ZipProblems()
    {
        var honest = new ShapefileBytes(ShapefileBytes.Polygon, Polygon(Square));
        var good = ZipBytes.Shapefile(honest);
        foreach (var entry in new[] { "site.shp", "site.dbf", "site.prj", "site.cpg", "site.shx" })
        {
            yield return new HostileInput($"zip/corrupt-{entry}", "corrupt-deflate", "corrupt.zip", ZipBytes.CorruptEntry(good, entry));
        }

        foreach (var (entry, fill) in new[] { ("site.prj", (byte)' '), ("site.cpg", (byte)'9'), ("site.shx", (byte)0) })
        {
            yield return new HostileInput($"zip/bomb-{entry}-64MB", "zip-bomb", "bomb.zip",
                ZipBytes.WithBomb(entry, 64L << 20, fill, [.. ShpEntries(Polygon(Square)).Where(e => e.Name != entry)]));
        }

        yield return new HostileInput("zip/bomb-shp-60MB", "zip-bomb", "bomb.zip", ZipBytes.WithBomb("site.shp", 60L << 20, 0, ("site.dbf", honest.Dbf())));
        yield return new HostileInput("zip/bomb-dbf-60MB", "zip-bomb", "bomb.zip", ZipBytes.WithBomb("site.dbf", 60L << 20, (byte)' ', ("site.shp", honest.Shp())));
        yield return new HostileInput("zip/70000-entries", "zip-bomb", "many.zip", ZipBytes.ManyEntries(70_000));
        yield return new HostileInput("zip/100-entries", "zip-bomb", "hundred.zip", ZipBytes.ManyEntries(100));
        yield return new HostileInput("zip/duplicate-prj-bomb-second", "zip-bomb", "dup.zip", ZipBytes.WithBomb("site.prj", 16L << 20, (byte)' ', ShpEntries(Polygon(Square))));
        yield return new HostileInput("zip/empty", "zip", "empty.zip", ZipBytes.Zip());
        yield return new HostileInput("zip/not-a-zip", "zip", "notzip.zip", Utf8("PK this is not a zip"));
        yield return new HostileInput("zip/geojson-inside", "zip", "geo.zip", ZipBytes.Zip(("site.geojson", Utf8(Feature(PolygonJson(Square))))));
        yield return new HostileInput("zip/no-dbf", "zip", "nodbf.zip", ZipBytes.Zip(("site.shp", honest.Shp()), ("site.shx", honest.Shx())));
        yield return new HostileInput("zip/two-shp", "zip", "two.zip", ZipBytes.Zip(("a.shp", honest.Shp()), ("a.dbf", honest.Dbf()), ("b.shp", honest.Shp()), ("b.dbf", honest.Dbf())));
        yield return new HostileInput("zip/zip-slip-names", "zip", "slip.zip", ZipBytes.Zip(("../../etc/site.shp", honest.Shp()), ("../../etc/site.dbf", honest.Dbf())));
        yield return new HostileInput("zip/nested-folder", "baseline", "folder.zip", ZipBytes.Zip(("a/b/site.shp", honest.Shp()), ("a/b/site.dbf", honest.Dbf()), ("a/b/site.prj", Utf8(ZipBytes.Cgcs2000Prj))));
        yield return new HostileInput("zip/truncated-archive", "zip", "cut.zip", good[..(good.Length / 2)]);
        yield return new HostileInput("zip/garbage-tail", "zip", "tail.zip", [.. good, .. new byte[70_000]]);
        yield return new HostileInput("zip/renamed-geojson", "zip", "renamed.geojson", good);
    }

    private static IEnumerable<HostileInput> ShapefileMutations(Random random)
    {
        var honest = new ShapefileBytes(ShapefileBytes.Polygon, Polygon(Square), Polygon(Box(107.2, 40.9, 107.21, 40.91)));
        var shp = honest.Shp();
        for (var k = 0; k < 40; k++)
        {
            var mutated = (byte[])shp.Clone();
            var at = random.Next(mutated.Length);
            var value = (byte)random.Next(256);
            mutated[at] = value;
            yield return new HostileInput($"shp-mutation/{k}-byte-{at}={value}", "shp-random", "mutated.zip",
                ZipBytes.Zip(("site.shp", mutated), ("site.dbf", honest.Dbf()), ("site.prj", Utf8(ZipBytes.Cgcs2000Prj))));
        }

        var dbf = honest.Dbf();
        for (var k = 0; k < 10; k++)
        {
            var mutated = (byte[])dbf.Clone();
            var at = random.Next(Math.Min(mutated.Length, 64));
            mutated[at] = (byte)random.Next(256);
            yield return new HostileInput($"dbf-mutation/{k}-byte-{at}", "shp-random", "mutated-dbf.zip",
                ZipBytes.Zip(("site.shp", shp), ("site.dbf", mutated), ("site.prj", Utf8(ZipBytes.Cgcs2000Prj))));
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Gbk(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(text);
    }

    private static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Coordinates(double[][] positions) =>
        "[" + string.Join(",", positions.Select(p => "[" + string.Join(",", p.Select(Number)) + "]")) + "]";

    private static string PolygonJson(double[][] ring) => $"{{\"type\":\"Polygon\",\"coordinates\":[{Coordinates(ring)}]}}";

    private static string Feature(string geometry, string properties = "{}") =>
        $"{{\"type\":\"FeatureCollection\",\"features\":[{{\"type\":\"Feature\",\"properties\":{properties},\"geometry\":{geometry}}}]}}";

    private static string Collection(params string[] geometries) =>
        "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", geometries.Select(g => $"{{\"type\":\"Feature\",\"properties\":{{}},\"geometry\":{g}}}")) + "]}";

    private static string WithCrs(string name) =>
        "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"" + name + "\"}},\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + PolygonJson(Square) + "}]}";

    private static double[][] Box(double x0, double y0, double x1, double y1) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

    private static double[][] Circle(int n) => [.. Enumerable.Range(0, n + 1).Select(i =>
        new[] { Math.Round(107.1 + (0.01 * Math.Cos(2 * Math.PI * (i % n) / n)), 9), Math.Round(40.8 + (0.01 * Math.Sin(2 * Math.PI * (i % n) / n)), 9) })];

    private static string MultiPoint(int n) =>
        "{\"type\":\"MultiPoint\",\"coordinates\":" + Coordinates([.. Enumerable.Range(0, n).Select(i => new[] { 107.0 + (i % 200 * 0.001), 40.8 + (i / 200 * 0.001) })]) + "}";

    private static string ManySquares(int n)
    {
        var sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (var i = 0; i < n; i++)
        {
            var x = 107.0 + (i % 300 * 0.001);
            var y = 40.7 + (i / 300 * 0.001);
            sb.Append(i == 0 ? string.Empty : ",").Append("{\"type\":\"Feature\",\"properties\":{\"id\":").Append(i).Append(",\"name\":\"地块").Append(i)
                .Append("\"},\"geometry\":").Append(PolygonJson(Box(x, y, x + 0.0005, y + 0.0005))).Append('}');
        }

        return sb.Append("]}").ToString();
    }

    private static RawShape Polygon(double[][] ring) => RawShape.Ring(ring);

    private static RawShape DenseRing(int n) => RawShape.Ring(Circle(n));

    private static (string Name, byte[] Content)[] ShpEntries(RawShape shape)
    {
        var shp = new ShapefileBytes(ShapefileBytes.Polygon, shape);
        return [("site.shp", shp.Shp()), ("site.shx", shp.Shx()), ("site.dbf", shp.Dbf()), ("site.prj", Utf8(ZipBytes.Cgcs2000Prj)), ("site.cpg", Utf8("UTF-8"))];
    }

    /// <summary>The shapefile with its header's shape type changed.</summary>
    private static byte[] Retyped(ShapefileBytes shp, int type)
    {
        var bytes = shp.Shp();
        BitConverter.TryWriteBytes(bytes.AsSpan(32), type);
        return ZipBytes.Zip(("site.shp", bytes), ("site.dbf", shp.Dbf()), ("site.prj", Utf8(ZipBytes.Cgcs2000Prj)));
    }

    /// <summary>The shapefile with its first record's shape type changed.</summary>
    private static byte[] RecordRetyped(ShapefileBytes shp, int type)
    {
        var bytes = shp.Shp();
        BitConverter.TryWriteBytes(bytes.AsSpan(108), type);
        return ZipBytes.Zip(("site.shp", bytes), ("site.dbf", shp.Dbf()), ("site.prj", Utf8(ZipBytes.Cgcs2000Prj)));
    }
}
