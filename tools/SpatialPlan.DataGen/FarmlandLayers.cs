using System.Globalization;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Layers.GeoPackage;
using SpatialPlan.Core.Measurement;

namespace SpatialPlan.DataGen;

/// <summary>A finished 图斑: its geometry in the local grid (for the topology rules), in the working CRS, and its properties.</summary>
public sealed record FarmParcel(Polygon Local, Geometry Gk, Props Props);

/// <summary>
/// Turns the generated parcels into the two layers (永久基本农田 <c>JBNT-</c>, 一般耕地 <c>YBGD-</c>): geometry in the working
/// CRS (<see cref="WorkingCrs"/>, EPSG:4545 for gis-data), rounded to the millimetre; <c>areaMu</c> the true (ellipsoidal) area from Core's
/// <see cref="PlanarMeasure"/>; and writes them as GeoPackage layers through Core's <see cref="GpkgLayerWriter"/>
/// (docs/data-sources.md §2), with an EPSG:4490 GeoJSON copy while Core reads catalog layers only from GeoJSON.
/// </summary>
public static class FarmlandLayers
{
    // gpkg_contents.last_change of the generated layers: fixed, so that two generations of the same seeded data are
    // byte-identical files and the data version (a hash of the layer files) does not change with every rebuild or clone.
    private const string FixedLastChange = "2026-01-01T00:00:00.000Z";

    public const string Basis = "seed lines 423, 712";

    /// <summary>
    /// The working CRS the layers are written in: the data folder's declared <c>area.workingCrs</c> (EPSG:4545 for
    /// gis-data), else the 3-degree zone of the local grid's centre, 107°E (the same, CM 108°E).
    /// </summary>
    public static GaussKrugerZone WorkingCrs { get; private set; } = GaussKrugerZone.NearestTo(LocalGrid.Lon0);

    /// <summary>Takes the working CRS from <c>&lt;dataDir&gt;/catalog.json</c>'s <c>area.workingCrs</c> when it declares one.</summary>
    public static void UseWorkingCrsOf(string dataDir)
    {
        var catalog = Path.Combine(dataDir, "catalog.json");
        if (!File.Exists(catalog))
        {
            return;
        }

        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(catalog));
        if (doc.RootElement.TryGetProperty("area", out var area) && area.TryGetProperty("workingCrs", out var crs)
            && crs.ValueKind == System.Text.Json.JsonValueKind.String)
        {
            WorkingCrs = GaussKrugerZone.Parse(crs.GetString())
                ?? throw new InvalidOperationException($"{catalog}: area.workingCrs {crs.GetString()} is not a CGCS2000 3-degree zone");
        }
    }

    private static readonly PrecisionModel Millimetre = new(1000);

    public static (List<FarmParcel> Permanent, List<FarmParcel> General) Describe(IReadOnlyList<Parcel> parcels)
    {
        var measured = parcels.AsParallel().AsOrdered().Select(p =>
        {
            var gk = ToGk(p.Geometry);
            return (Parcel: p, Gk: gk, Mu: Math.Round(AreaUnits.ToMu(PlanarMeasure.AreaM2(gk)), 2));
        }).ToList();
        var permanent = new List<FarmParcel>();
        var general = new List<FarmParcel>();
        foreach (var (p, gk, mu) in measured)
        {
            var list = p.Permanent ? permanent : general;
            var no = (list.Count + 1).ToString("D6", CultureInfo.InvariantCulture);
            var props = p.Permanent
                ? new Props().Add("id", "JBNT-" + no).Add("name", "永久基本农田图斑 " + no)
                : new Props().Add("id", "YBGD-" + no).Add("name", "一般耕地图斑 " + no).Add("nameEn", "General farmland parcel " + no);
            props.Add("areaMu", mu).Add("landClass", p.LandClass).Add("schematic", true).Add("basis", Basis)
                .Add("source", Sources.Schematic);
            list.Add(new FarmParcel(p.Geometry, gk, props));
        }

        return (permanent, general);
    }

    /// <summary>Local grid → EPSG:4490 (affine, exact) → the working CRS (Core's ProjNET transform), snapped to 1 mm.</summary>
    public static Geometry ToGk(Geometry local)
    {
        var gk = CrsTransformer.Transform(LocalGrid.Degrees(local), Epsg.Cgcs2000, WorkingCrs.Epsg);
        var area = gk.Area;
        gk.Apply(new MillimetreFilter());
        gk.GeometryChanged();
        return gk is Polygon && gk.IsValid && !gk.IsEmpty && Math.Abs(gk.Area - area) < 1e-4 * area
            ? gk
            : throw new InvalidOperationException($"a parcel is not a valid polygon at 1 mm in {WorkingCrs.Name}");
    }

    private sealed class MillimetreFilter : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                seq.SetX(i, Millimetre.MakePrecise(seq.GetX(i)));
                seq.SetY(i, Millimetre.MakePrecise(seq.GetY(i)));
            }
        }
    }

    /// <summary>Writes <c>layers/&lt;id&gt;.gpkg</c> (table <paramref name="id"/>, the working CRS, R-tree index).</summary>
    public static void WriteGpkg(string layersDir, string id, string title, IReadOnlyList<FarmParcel> parcels)
    {
        Directory.CreateDirectory(layersDir);
        var withEnglish = parcels.Count > 0 && parcels[0].Props.Any(p => p.Key == "nameEn");
        var columns = new List<GpkgColumn>
        {
            new("id", GpkgColumnType.Text), new("name", GpkgColumnType.Text), new("landClass", GpkgColumnType.Text),
            new("areaMu", GpkgColumnType.Real),
        };
        if (withEnglish)
        {
            columns.Add(new("nameEn", GpkgColumnType.Text));
        }

        columns.AddRange([new("schematic", GpkgColumnType.Boolean), new("basis", GpkgColumnType.Text), new("source", GpkgColumnType.Text)]);
        using var writer = GpkgLayerWriter.Create(Path.Combine(layersDir, id + ".gpkg"), id, WorkingCrs.Epsg,
            WorkingCrs.Wkt, WorkingCrs.RegistryName, columns, title, "POLYGON", lastChange: FixedLastChange);
        foreach (var parcel in parcels)
        {
            writer.Add(parcel.Gk, columns.Select(c => parcel.Props.First(p => p.Key == c.Name).Value).ToList());
        }

        writer.Complete();
        Console.WriteLine($"{id}.gpkg: {parcels.Count} features");
    }
}
