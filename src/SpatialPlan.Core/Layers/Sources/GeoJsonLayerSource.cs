using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Layers.Sources;

/// <summary>
/// A GeoJSON layer file, read whole through the same reader as uploads (CRS detection, validation, reported repairs) and
/// indexed in memory: today's behaviour, for small layers. A file too large to hold in memory is refused with a message
/// that points to <c>spatialplan import</c> (an indexed GeoPackage layer).
/// </summary>
public sealed class GeoJsonLayerSource : LayerSourceBase
{
    /// <summary>
    /// Largest GeoJSON layer file read whole: 256 MiB (about 700 000 small parcels, several GB in memory). Larger layers
    /// belong in an indexed source.
    /// </summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    private GeoJsonLayerSource(LayerData data, string where)
        : base(data.Definition, data.Source.WorkingEpsg, where)
    {
        Data = data;
    }

    /// <summary>The layer as read: EPSG:4490 features, working-CRS geometries, repairs.</summary>
    public LayerData Data { get; }

    /// <inheritdoc/>
    public override bool IsInMemory => true;

    /// <inheritdoc/>
    public override long Count => Data.Count;

    /// <inheritdoc/>
    public override Envelope Extent => Data.Source.Extent;

    /// <summary>Reads the file whole.</summary>
    /// <exception cref="InputException">The file is missing, too large, or not a usable layer; the message names file and catalog entry.</exception>
    /// <param name="definition">The catalog entry.</param>
    /// <param name="workingEpsg">The working CRS the geometries are given in.</param>
    /// <param name="where">How messages name the layer (source and catalog entry).</param>
    /// <param name="path">The GeoJSON file.</param>
    /// <param name="maxBytes">The largest file read whole.</param>
    /// <param name="area">The data area plan layers must lie near (null: anywhere in China, as with no data folder).</param>
    public static GeoJsonLayerSource Load(LayerDefinition definition, int workingEpsg, string where, string path, long maxBytes = MaxBytes, DataArea? area = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        RefuseTooLarge(definition, where, path, maxBytes);

        // Context layers (neighbours, rivers) reach far beyond the area by design; plan layers must not.
        var options = new ReadOptions
        {
            RequireEveryFeatureNearArea = definition.Category != LayerCategories.Base, Area = area, Limits = Limits.InputLimits.DataLayer,
        };
        FeatureLoadResult result;
        try
        {
            result = FeatureFileReader.Read(path, options);
        }
        catch (InputException e)
        {
            // The reader names the file and feature; a planner fixing a data folder also needs the catalog entry.
            throw new InputException(e.Problem, e.Fix, where, e.FeatureIndex, e);
        }

        RequireUniqueIds(result.Features, definition.Fields ?? FieldMap.Default, where);
        var projected = new Geometry[result.Features.Count];
        for (var i = 0; i < projected.Length; i++)
        {
            projected[i] = CrsTransformer.Transform(result.Features[i].Geometry, Epsg.Cgcs2000, workingEpsg);
        }

        return new GeoJsonLayerSource(new LayerData(definition, result.Features, projected, result.Repairs, result.SourceEpsg, workingEpsg, where), where);
    }

    /// <summary>Refuses a GeoJSON layer file larger than <paramref name="maxBytes"/>, pointing to <c>spatialplan import</c>.</summary>
    /// <exception cref="InputException">The file is too large to read whole.</exception>
    internal static void RefuseTooLarge(LayerDefinition definition, string where, string path, long maxBytes = MaxBytes)
    {
        if (new FileInfo(path) is { Exists: true } info && info.Length > maxBytes)
        {
            throw new InputException(
                $"图层文件有 {info.Length / (1024.0 * 1024):F0} MB，超过整层读入内存的上限 {maxBytes / (1024 * 1024)} MB（layer file too large for the in-memory GeoJSON source）。",
                $"用 spatialplan import {definition.SourceSpec?.File} --data <数据目录> --as {definition.Id} --category {definition.Category} --replace 导入为带空间索引的 GeoPackage 图层（核查只读取项目附近的图斑），或在 catalog.json 中把该图层的 source 指向 GeoPackage / PostGIS 表。",
                where);
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<LayerFeature> Query(Envelope envelope, CancellationToken cancellationToken = default) =>
        Data.Source.Query(envelope, cancellationToken);

    /// <inheritdoc/>
    public override IReadOnlyList<LayerFeature> Query(IReadOnlyList<Envelope> envelopes, CancellationToken cancellationToken = default) =>
        Data.Source.Query(envelopes, cancellationToken);

    /// <inheritdoc/>
    public override LayerFeature? Nearest(Geometry geometry, double maxDistance, CancellationToken cancellationToken = default) =>
        Data.Source.Nearest(geometry, maxDistance, cancellationToken);

    /// <inheritdoc/>
    public override IEnumerable<LayerFeature> All(CancellationToken cancellationToken = default) => Data.Source.All(cancellationToken);

    /// <summary>Feature ids are unique in a layer (docs/architecture.md): reports and the map name features by them.</summary>
    private static void RequireUniqueIds(IReadOnlyList<NetTopologySuite.Features.IFeature> features, FieldMap fields, string where)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < features.Count; i++)
        {
            if (features[i].Attributes is { } a && a.Exists(fields.IdField) && a[fields.IdField]?.ToString() is { Length: > 0 } id && !first.TryAdd(id, i))
            {
                throw new InputException(
                    $"要素 id “{id}” 重复：第 {first[id] + 1} 个和第 {i + 1} 个要素都用它（duplicate feature id）。",
                    "图层内每个要素的 id 必须唯一：改正其中一个，或删去重复的要素。",
                    where, i);
            }
        }
    }
}
