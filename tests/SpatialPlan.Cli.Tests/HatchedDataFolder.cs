using System.Globalization;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;

namespace SpatialPlan.Cli.Tests;

/// <summary>
/// A data folder with one hatched layer: a 30 km × 30 km red-line square around EPSG:4545 (435000, 4525000), the
/// kind of large hatched polygon that, seen through a frame of a few metres, once had the hatch painter draw ten
/// million lines over its whole bounds and abort the process in native code.
/// </summary>
internal sealed class HatchedDataFolder : IDisposable
{
    public const double CentreX = 435000, CentreY = 4525000;

    public HatchedDataFolder()
    {
        Root = Directory.CreateTempSubdirectory("spatialplan-hatched-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, "layers"));
        var ring = string.Join(",", new[] { (-1, -1), (1, -1), (1, 1), (-1, 1), (-1, -1) }.Select(c =>
        {
            var p = CrsTransformer.Transform(new Coordinate(CentreX + (c.Item1 * 15000), CentreY + (c.Item2 * 15000)), Epsg.GaussKruger108, Epsg.Cgcs2000);
            return string.Create(CultureInfo.InvariantCulture, $"[{p.X:0.0000000},{p.Y:0.0000000}]");
        }));
        File.WriteAllText(Path.Combine(Root, "layers", "red.geojson"),
            $$$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"r1","name":"红线"},"geometry":{"type":"Polygon","coordinates":[[{{{ring}}}]]}}]}""");
        File.WriteAllText(Path.Combine(Root, "catalog.json"), """
            {"titleZh":"测试","titleEn":"Test","crs":"EPSG:4490",
             "groups":[{"id":"control-lines","titleZh":"三条控制线","titleEn":"Control lines"}],
             "layers":[{"id":"red","titleZh":"生态保护红线","titleEn":"Red line","group":"control-lines","category":"ecological-redline",
                        "file":"layers/red.geojson","style":"red","schematic":true}]}
            """);
        File.WriteAllText(Path.Combine(Root, "styles.json"), """
            {"red": {"fill": "rgba(220,30,30,0.25)", "stroke": "#c81e1e", "strokeWidth": 1.5, "strokeDash": [6, 3],
                     "hatch": {"angle": 45, "spacing": 6, "color": "rgba(200,30,30,0.6)", "width": 1},
                     "legendZh": "生态保护红线", "legendEn": "Red line", "label": null, "point": null, "zIndex": 30}}
            """);
    }

    public string Root { get; }

    /// <summary>A lon/lat box <paramref name="sizeM"/> metres across around the square's centre, as <c>--bbox</c> takes it.</summary>
    public static string Bbox(double sizeM)
    {
        var min = CrsTransformer.Transform(new Coordinate(CentreX - (sizeM / 2), CentreY - (sizeM / 2)), Epsg.GaussKruger108, Epsg.Cgcs2000);
        var max = CrsTransformer.Transform(new Coordinate(CentreX + (sizeM / 2), CentreY + (sizeM / 2)), Epsg.GaussKruger108, Epsg.Cgcs2000);
        return string.Create(CultureInfo.InvariantCulture, $"{min.X:R},{min.Y:R},{max.X:R},{max.Y:R}");
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
