using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;
using SpatialPlan.Core.Crs;

namespace SpatialPlan.Cli.Tests;

/// <summary>
/// A small data directory written to a temp folder: three zone layers (red line, farmland, urban boundary) as
/// EPSG:4490 GeoJSON made from EPSG:4545 rectangles near 陕坝镇, the data's area (a "banner" box, x 420–440 km) and
/// one neighbour east of it ("临河区", x 440–460 km), the tests' own policy.json (TestData/policy.json), and footprints.
/// </summary>
public sealed class TestDataDirectory : IDisposable
{
    private static readonly WKTReader Reader = new();

    public TestDataDirectory()
    {
        Root = Directory.CreateTempSubdirectory("spatialplan-cli-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, "layers"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "policy.json"), Path.Combine(Root, "policy.json"));
        WriteLayer("eco", Box(430000, 4527000, 431000, 4528000));
        WriteLayer("farm", Box(433000, 4527000, 434000, 4528000));
        WriteLayer("urban", Box(435000, 4527000, 437000, 4529000));
        WriteLayer("banner", Box(420000, 4500000, 440000, 4560000), "杭锦后旗");
        WriteLayer("linhe", Box(440000, 4500000, 460000, 4560000), "临河区");
        File.WriteAllText(Path.Combine(Root, "catalog.json"), """
            {"titleZh":"测试数据","titleEn":"Test data","crs":"EPSG:4490",
             "area":{"layer":"banner","neighbours":"linhe"},
             "groups":[{"id":"control-lines","titleZh":"三条控制线","titleEn":"Control lines"},{"id":"base","titleZh":"基础地理","titleEn":"Base"}],
             "layers":[
              {"id":"eco","titleZh":"生态保护红线","titleEn":"Red line","group":"control-lines","category":"ecological-redline","file":"layers/eco.geojson","style":"eco","policy":"ecological-redline","schematic":true},
              {"id":"farm","titleZh":"永久基本农田","titleEn":"Farmland","group":"control-lines","category":"permanent-farmland","file":"layers/farm.geojson","style":"farm","policy":"permanent-farmland","schematic":true},
              {"id":"urban","titleZh":"城镇开发边界","titleEn":"Urban boundary","group":"control-lines","category":"urban-boundary","file":"layers/urban.geojson","style":"urban","policy":"urban-boundary","schematic":true},
              {"id":"banner","titleZh":"旗界","titleEn":"Banner","group":"base","category":"base","file":"layers/banner.geojson","style":"banner","schematic":false,"version":"2024","date":"2024-06-30","approvalNumber":""},
              {"id":"linhe","titleZh":"周边旗县区","titleEn":"Neighbours","group":"base","category":"base","file":"layers/linhe.geojson","style":"linhe","schematic":false}
             ]}
            """);
    }

    public string Root { get; }

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Writes a footprint file (GeoJSON, EPSG:4490) from EPSG:4545 WKT and returns its path; <paramref name="kind"/> becomes its projectType.</summary>
    public string Footprint(string name, string wkt4545, string? kind = null)
    {
        var path = Path.Combine(Root, name + ".geojson");
        var attributes = new AttributesTable { { "name", name } };
        if (kind is not null)
        {
            attributes.Add("projectType", kind);
        }

        File.WriteAllText(path, Collection(new Feature(ToGeographic(wkt4545), attributes)));
        return path;
    }

    public string Write(string fileName, string content)
    {
        var path = Path.Combine(Root, fileName);
        File.WriteAllText(path, content);
        return path;
    }

    public static string Box(double x0, double y0, double x1, double y1) =>
        string.Create(CultureInfo.InvariantCulture, $"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))");

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private void WriteLayer(string id, string wkt4545, string? name = null) =>
        File.WriteAllText(Path.Combine(Root, "layers", id + ".geojson"),
            Collection(new Feature(ToGeographic(wkt4545), new AttributesTable { { "id", id + "-1" }, { "name", name ?? id + "名称" }, { "schematic", name is null } })));

    private static Geometry ToGeographic(string wkt4545) =>
        CrsTransformer.Transform(Reader.Read(wkt4545), Epsg.GaussKruger108, Epsg.Cgcs2000);

    private static string Collection(IFeature feature)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return JsonSerializer.Serialize(new FeatureCollection { feature }, options);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "gis-data", "policy.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("gis-data/policy.json not found above " + AppContext.BaseDirectory);
    }
}
