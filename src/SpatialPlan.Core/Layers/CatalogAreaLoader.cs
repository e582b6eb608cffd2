using System.Globalization;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Layers.Sources;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Layers;

/// <summary>
/// Resolves a catalog's data area (<see cref="LayerCatalog.DataArea"/>). With an <c>area</c> entry: the area layer's
/// features are the boundary, read in lon/lat; the working CRS is <c>area.workingCrs</c> when declared, else the zone of
/// the boundary's centre. Without one (older or test folders) there is no boundary: the working CRS is the catalog's
/// top-level <c>crs</c> when that is a Gauss-Kruger zone without prefix ("near" then means within that zone's strip), else
/// the zone of the centre of all layers' extent ("near" means near that extent; every layer file is read once for it,
/// so declare <c>area</c> for large data; a GeoPackage or PostGIS layer gives its extent without being read).
/// An area layer in a GeoPackage or PostGIS table is read through its source, in lon/lat.
/// </summary>
internal static class CatalogAreaLoader
{
    public const string UnnamedZh = "数据区";
    public const string UnnamedEn = "the data area";

    public static DataArea Load(LayerCatalog catalog)
    {
        if (catalog.Area is { } area)
        {
            return FromAreaLayer(catalog, area);
        }

        if (GaussKrugerZone.Parse(catalog.Crs) is { } zone && !GaussKrugerZone.IsZoned(zone.Epsg) &&
            string.Equals(zone.Name, catalog.Crs.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return DataArea.WithoutBoundary(UnnamedZh, UnnamedEn, zone,
                $"catalog.json 未指定 area，按其 crs 声明的 {zone.Name} 作为工作坐标系（no area; the catalog's crs is a working CRS）");
        }

        return FromLayersExtent(catalog);
    }

    private static DataArea FromAreaLayer(LayerCatalog catalog, CatalogArea area)
    {
        var definition = catalog.Get(area.Layer);
        var declared = area.WorkingCrs is null ? null : GaussKrugerZone.Parse(area.WorkingCrs);
        var where = AreaWhere(catalog, definition);
        var reading = declared is null
            ? DataArea.China
            : DataArea.WithoutBoundary(UnnamedZh, UnnamedEn, declared, "catalog.json area.workingCrs");
        var load = Read(catalog, definition, reading, where, "或在 catalog.json 的 area 中写明 workingCrs（EPSG:4534–4554 之一），不带带号的高斯-克吕格坐标按它读取。");
        var parts = load.Select(f => f.Geometry).Where(g => g is IPolygonal && !g.IsEmpty).ToList();
        if (parts.Count == 0)
        {
            throw new InputException($"数据区图层 {area.Layer} 没有面要素，不能作为数据区的边界（the area layer has no polygons）。",
                "area.layer 须指向行政区界等面图层（catalog.json 的 area）。", where);
        }

        var boundary = parts.Count == 1 ? parts[0] : parts[0].Factory.BuildGeometry(parts);
        var names = Names(load, "name");
        var namesEn = Names(load, "nameEn");
        var nameZh = Text(area.NameZh) ?? (names.Length > 0 ? names : definition.TitleZh);
        var nameEn = Text(area.NameEn) ?? (namesEn.Length > 0 ? namesEn : definition.TitleEn);
        return DataArea.FromBoundary(nameZh, nameEn, boundary, declared, where);
    }

    private static DataArea FromLayersExtent(LayerCatalog catalog)
    {
        var extent = new Envelope();
        foreach (var definition in catalog.Layers)
        {
            const string fix = "或在 catalog.json 中写明 area（含 workingCrs）。";
            if (definition.SourceType != LayerSourceSpec.GeoJsonType)
            {
                // An indexed layer knows its extent (GeoPackage: gpkg_contents; PostGIS: ST_Extent): no feature is read.
                using var source = OpenInLonLat(catalog, definition, fix);
                extent.ExpandToInclude(source.Extent);
                continue;
            }

            var where = LayerSources.Where(catalog, definition);
            GeoJsonLayerSource.RefuseTooLarge(definition, where, catalog.FullPath(definition));
            foreach (var feature in Read(catalog, definition, DataArea.China, where, fix))
            {
                extent.ExpandToInclude(feature.Geometry.EnvelopeInternal);
            }
        }

        var zone = extent.IsNull ? null : GaussKrugerZone.ForLongitude(extent.Centre.X);
        if (zone is null)
        {
            throw new InputException("catalog.json 没有 area，且无法从图层范围推出工作坐标系（no area and no layer extent in China）。",
                "在 catalog.json 中写明 area：{\"layer\": 行政区界图层 id, \"workingCrs\": \"EPSG:4534–4554 之一\"}。", LayerCatalog.FileName);
        }

        return DataArea.WithoutBoundary(UnnamedZh, UnnamedEn, zone, string.Create(CultureInfo.InvariantCulture,
            $"catalog.json 未指定 area，由各图层范围中心经度 {extent.Centre.X:0.###}°E 推出 {zone.Name}（derived from the layers' extent）"), extent);
    }

    /// <summary>A layer's features in lon/lat (EPSG:4490): a GeoJSON file through the upload reader, an indexed layer through its source.</summary>
    private static IReadOnlyList<IFeature> Read(LayerCatalog catalog, LayerDefinition definition, DataArea area, string where, string extraFix)
    {
        if (definition.SourceType != LayerSourceSpec.GeoJsonType)
        {
            using var source = OpenInLonLat(catalog, definition, extraFix);
            return [.. source.All().Select(f => (IFeature)new Feature(f.Geometry, f.Attributes))];
        }

        var options = new ReadOptions { Area = area, RequireEveryFeatureNearArea = false, Limits = Limits.InputLimits.DataLayer };
        try
        {
            return FeatureFileReader.Read(catalog.FullPath(definition), options).Features;
        }
        catch (InputException e)
        {
            throw new InputException(e.Problem, $"{e.Fix}{extraFix}", where, e.FeatureIndex, e);
        }
    }

    /// <summary>Opens an indexed layer's source giving lon/lat geometries (the working CRS is not known yet: it comes from the area).</summary>
    private static ILayerSource OpenInLonLat(LayerCatalog catalog, LayerDefinition definition, string extraFix)
    {
        try
        {
            return LayerSources.Open(catalog, definition, Epsg.Cgcs2000);
        }
        catch (InputException e)
        {
            throw new InputException(e.Problem, $"{e.Fix}{extraFix}", e.File, e.FeatureIndex, e);
        }
    }

    private static string Names(IReadOnlyList<IFeature> load, string key) => string.Join("、", load
        .Select(f => f.Attributes is { } a && a.Exists(key) ? a[key]?.ToString()?.Trim() : null)
        .OfType<string>().Where(n => n.Length > 0).Distinct());

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string AreaWhere(LayerCatalog catalog, LayerDefinition definition) =>
        $"{definition.SourceSpec?.Describe() ?? definition.File}（catalog.json area.layer：{definition.Id}，layers[{catalog.Layers.ToList().IndexOf(definition)}]）";
}
