using SpatialPlan.Core.Checks;

namespace SpatialPlan.App.Checks;

/// <summary>A footprint file as received, fully buffered (it is at most the upload limit).</summary>
/// <param name="Content">The file's bytes.</param>
/// <param name="FileName">Its name as the planner gave it; the extension decides how Core reads it.</param>
/// <param name="Given">The project settings the request gave; null values fall back to the file's own properties, then the defaults.</param>
/// <param name="DeclaredEpsg">The CRS the request declared for the file (<c>crs</c>), or null to detect it.</param>
public sealed record CheckUpload(byte[] Content, string FileName, ProjectSettings Given, int? DeclaredEpsg);
