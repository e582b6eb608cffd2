using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Sources;

/// <summary>One 界址点 of a coordinate list: its name, the line it came from, and x = easting, y = northing (m).</summary>
internal sealed record BoundaryPoint(string Name, int Line, Coordinate Coordinate);
