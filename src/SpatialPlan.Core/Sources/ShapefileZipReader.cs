namespace SpatialPlan.Core.Sources;

/// <summary>Reads a zipped Shapefile (placeholder until milestone 2).</summary>
internal static class ShapefileZipReader
{
    public static RawFeatures Read(byte[] bytes, string file) =>
        throw new InputException("Shapefile 暂不支持（not yet supported）。", "请使用 GeoJSON。", file);
}
