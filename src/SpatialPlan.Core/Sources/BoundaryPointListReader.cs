namespace SpatialPlan.Core.Sources;

/// <summary>Reads 界址点 coordinate lists (placeholder until milestone 2).</summary>
internal static class BoundaryPointListReader
{
    public static RawFeatures Read(byte[] text, string file) =>
        throw new InputException("界址点坐标表暂不支持（not yet supported）。", "请使用 GeoJSON。", file);
}
