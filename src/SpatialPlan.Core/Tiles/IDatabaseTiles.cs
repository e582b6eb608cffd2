namespace SpatialPlan.Core.Tiles;

/// <summary>
/// A layer source whose database makes its vector tiles itself (PostGIS: <c>ST_AsMVT</c> over the custom grid,
/// docs/tiles.md §7), with the same content as <see cref="TileBuilder"/> makes from the source's features.
/// </summary>
public interface IDatabaseTiles
{
    /// <summary>
    /// The tile (z, x, y) of the layer, made by the database, named <paramref name="layerName"/>; empty when nothing of the
    /// layer is in the tile; null when this source leaves the tile to the app's <see cref="TileBuilder"/>.
    /// </summary>
    /// <exception cref="Sources.InputException">The database cannot be reached or the statement failed.</exception>
    byte[]? Tile(TileGrid grid, int z, long x, long y, string layerName, TileSchema schema, CancellationToken cancellationToken = default);
}
