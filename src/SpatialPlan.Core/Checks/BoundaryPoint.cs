namespace SpatialPlan.Core.Checks;

/// <summary>One 界址点 of a footprint ring in EPSG:4545, as Chinese surveyors write it.</summary>
/// <param name="Name">Point number, J1, J2, … (the ring's closing point repeats its first number).</param>
/// <param name="X">X = northing, metres (EPSG:4545's second axis).</param>
/// <param name="Y">Y = easting, metres, without a zone number (EPSG:4545's first axis; false easting 500 000 m).</param>
public sealed record BoundaryPoint(string Name, double X, double Y);
