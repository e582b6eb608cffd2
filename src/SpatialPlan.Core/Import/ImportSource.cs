using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;
using SpatialPlan.Core.Layers.GeoPackage;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Import;

/// <summary>One attribute column of a source layer, under its original name.</summary>
/// <param name="Name">The name as the source spells it (e.g. <c>JBNTTBBH</c>).</param>
/// <param name="Type">What it holds, in GeoPackage terms.</param>
public sealed record SourceColumn(string Name, GpkgColumnType Type);

/// <summary>A CRS a source declares itself (a .prj, a GeoPackage srs_id, a GeoJSON <c>crs</c> member).</summary>
/// <param name="Epsg">The EPSG code it names, or null when the declaration could not be read as one.</param>
/// <param name="WhereZh">Where it was declared, in Chinese (e.g. “.prj 文件”).</param>
internal sealed record DeclaredCrs(int Epsg, string WhereZh);

/// <summary>
/// One feature of a source as it comes off the file: its position (0-based), and a way to decode it. Decoding runs on
/// the import's worker threads, so a format whose records are costly to parse (GeoJSON) parses in parallel while the
/// file itself is read in order.
/// </summary>
internal abstract class PendingRecord(long index)
{
    /// <summary>0-based position of the feature in the source.</summary>
    public long Index { get; } = index;

    /// <summary>The geometry (in the source CRS; null or empty when the source has none) and the values, one per column.</summary>
    /// <exception cref="InputException">The record cannot be read; the message names the feature.</exception>
    public abstract (Geometry? Geometry, object?[] Values) Decode();
}

/// <summary>A record that was decoded while it was read.</summary>
internal sealed class DecodedRecord(long index, Geometry? geometry, object?[] values) : PendingRecord(index)
{
    public override (Geometry? Geometry, object?[] Values) Decode() => (geometry, values);
}

/// <summary>
/// A layer file read record by record: its columns, its own CRS declaration, and its records in file order. Nothing is
/// held but the record being read (and, for GeoJSON, a short sample to learn the columns).
/// </summary>
internal interface IImportSource : IDisposable
{
    /// <summary>The source's name for messages (file name, or <c>file.gpkg:table</c>).</summary>
    string Name { get; }

    /// <summary>Format, e.g. “Shapefile”, “GeoPackage”, “GeoJSON”, “GeoJSON Lines”.</summary>
    string Format { get; }

    /// <summary>The attribute columns, in source order.</summary>
    IReadOnlyList<SourceColumn> Columns { get; }

    /// <summary>The CRS the file declares, or null when it declares none.</summary>
    DeclaredCrs? Crs { get; }

    /// <summary>The number of records when the file says so up front (Shapefile, GeoPackage), else null.</summary>
    long? Count { get; }

    /// <summary>Share of the file read so far, 0–1 (for progress when <see cref="Count"/> is unknown).</summary>
    double Progress { get; }

    /// <summary>Notes about the read, in Chinese first (e.g. properties that appeared only late in a GeoJSON file).</summary>
    IReadOnlyList<string> Notes { get; }

    /// <summary>Every record, in file order.</summary>
    /// <exception cref="InputException">The file is broken; the message says where and how to fix it.</exception>
    IEnumerable<PendingRecord> Read(CancellationToken cancellationToken);
}

/// <summary>The geometry factory of imported geometries: floating precision, OverlayNG, packed coordinates (about 40 % of the memory of coordinate objects).</summary>
internal static class ImportGeometry
{
    public static GeometryFactory Factory { get; } = new NetTopologySuite.NtsGeometryServices(
        PackedCoordinateSequenceFactory.DoubleFactory, PrecisionModel.Floating.Value, 0, GeometryOverlay.NG,
        new CoordinateEqualityComparer()).CreateGeometryFactory();
}
