using System.Globalization;
using SpatialPlan.Core.Limits;

namespace SpatialPlan.Core.Sources;

/// <summary>
/// Counts features, parts and vertices while a reader walks a file, and refuses the file the moment a count passes its
/// <see cref="InputLimits"/> budget, before the geometries are built. Also checks the cancellation token.
/// </summary>
internal sealed class InputBudget(InputLimits limits, string file, CancellationToken cancellationToken, long? maxBytes = null)
{
    /// <summary>The expanded-size cap of a .shp/.dbf: the limits' entry budget, or the caller's smaller byte limit (<see cref="ReadOptions.MaxBytes"/>).</summary>
    public long EntryBytes => Math.Min(limits.MaxEntryBytes, maxBytes ?? long.MaxValue);

    /// <summary>The expanded-size cap of a .prj/.cpg.</summary>
    public long SidecarBytes => Math.Min(limits.MaxSidecarBytes, EntryBytes);

    private long _parts;
    private long _vertices;

    public InputLimits Limits => limits;

    public CancellationToken CancellationToken => cancellationToken;

    public string File => file;

    /// <summary>Refuses a file whose feature count is known up front (GeoJSON array length, Shapefile record count).</summary>
    public void Features(long count)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (count > limits.MaxFeatures)
        {
            throw new InputException(
                string.Create(CultureInfo.InvariantCulture, $"文件有 {count} 个要素，超过上限 {limits.MaxFeatures} 个（too many features: {count} > {limits.MaxFeatures}）。"),
                "项目用地范围通常只有几个到几百个要素：请只导出本项目的要素（不要整个图层），或在 GIS 软件中合并地块后再上传。", file);
        }
    }

    /// <summary>Adds parts (rings, lines, points of a multi-geometry).</summary>
    public void Parts(long count, int? featureIndex = null)
    {
        _parts += count;
        if (_parts > limits.MaxParts || count > limits.MaxParts)
        {
            throw new InputException(
                string.Create(CultureInfo.InvariantCulture, $"文件中的几何部分（环、线、点）已有 {_parts} 个，超过上限 {limits.MaxParts} 个（too many parts: {_parts} > {limits.MaxParts}）。"),
                "请只导出本项目的要素，或在 GIS 软件中合并、简化后再上传。", file, featureIndex);
        }
    }

    /// <summary>Adds vertices.</summary>
    public void Vertices(long count, int? featureIndex = null)
    {
        _vertices += count;
        if ((_vertices & 0xFFF) < count)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (_vertices > limits.MaxVertices || count > limits.MaxVertices)
        {
            throw new InputException(
                string.Create(CultureInfo.InvariantCulture, $"文件的顶点数已有 {_vertices} 个，超过上限 {limits.MaxVertices} 个（too many vertices: {_vertices} > {limits.MaxVertices}）。"),
                "请在 GIS 软件中简化（抽稀）几何后再上传，例如按 0.1 米容差简化；或只导出本项目的要素。", file, featureIndex);
        }
    }
}
