namespace SpatialPlan.Core.Crs;

/// <summary>What CRS a file's coordinates are in, and whether x and y come swapped.</summary>
/// <param name="Epsg">The source CRS (one of <see cref="Crs.Epsg.Supported"/>).</param>
/// <param name="AxesSwapped">True when x holds northing/latitude and y easting/longitude (as Chinese surveyors write X/Y); swap before use.</param>
/// <param name="ReasonZh">Why, in Chinese then English, for the planner (e.g. which ranges matched).</param>
public sealed record CrsGuess(int Epsg, bool AxesSwapped, string ReasonZh);
