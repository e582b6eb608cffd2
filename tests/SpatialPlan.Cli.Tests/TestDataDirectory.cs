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
/// EPSG:4490 GeoJSON made from EPSG:4545 rectangles near 陕坝镇, the repository's policy.json, and footprints.
/// </summary>
public sealed class TestDataDirectory : IDisposable
{
    private static readonly WKTReader Reader = new();

    public TestDataDirectory()
    {
        Root = Directory.CreateTempSubdirectory("spatialplan-cli-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, "layers"));
        File.Copy(Path.Combine(RepoRoot, "gis-data", "policy.json"), Path.Combine(Root, "policy.json"));
        WriteLayer("eco", Box(430000, 4527000, 431000, 4528000));
        WriteLayer("farm", Box(433000, 4527000, 434000, 4528000));
        WriteLayer("urban", Box(435000, 4527000, 437000, 4529000));
        File.WriteAllText(Path.Combine(Root, "catalog.json"), """
            {"titleZh":"测试数据","titleEn":"Test data","crs":"EPSG:4490",
             "groups":[{"id":"control-lines","titleZh":"三条控制线","titleEn":"Control lines"}],
             "layers":[
              {"id":"eco","titleZh":"生态保护红线","titleEn":"Red line","group":"control-lines","category":"ecological-redline","file":"layers/eco.geojson","style":"eco","policy":"ecological-redline","schematic":true},
              {"id":"farm","titleZh":"永久基本农田","titleEn":"Farmland","group":"control-lines","category":"permanent-farmland","file":"layers/farm.geojson","style":"farm","policy":"permanent-farmland","schematic":true},
              {"id":"urban","titleZh":"城镇开发边界","titleEn":"Urban boundary","group":"control-lines","category":"urban-boundary","file":"layers/urban.geojson","style":"urban","policy":"urban-boundary","schematic":true}
             ]}
            """);
    }

    public string Root { get; }

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Writes a footprint file (GeoJSON, EPSG:4490) from EPSG:4545 WKT and returns its path.</summary>
    public string Footprint(string name, string wkt4545)
    {
        var path = Path.Combine(Root, name + ".geojson");
        File.WriteAllText(path, Collection(new Feature(ToGeographic(wkt4545), new AttributesTable { { "name", name } })));
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

    private void WriteLayer(string id, string wkt4545) =>
        File.WriteAllText(Path.Combine(Root, "layers", id + ".geojson"),
            Collection(new Feature(ToGeographic(wkt4545), new AttributesTable { { "id", id + "-1" }, { "name", id + "名称" }, { "schematic", true } })));

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
