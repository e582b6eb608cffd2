using SpatialPlan.Core.Checks;

namespace SpatialPlan.App.Checks;

/// <summary>A footprint file as received, fully buffered (it is at most the upload limit).</summary>
/// <param name="Content">The file's bytes.</param>
/// <param name="FileName">Its name as the planner gave it; the extension decides how Core reads it.</param>
/// <param name="Options">The check's options.</param>
public sealed record CheckUpload(byte[] Content, string FileName, CheckOptions Options);
