namespace SpatialPlan.Core.Sources;

/// <summary>
/// Input a planner gave us that we cannot use. The message always says which file, which feature
/// (when known), what is wrong and how to fix it, in Chinese followed by English. Never wraps a stack trace
/// for display: callers print <see cref="Exception.Message"/> only.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(string problem, string fix, string? file = null, int? featureIndex = null, Exception? inner = null)
        : base(Compose(problem, fix, file, featureIndex), inner)
    {
        Problem = problem;
        Fix = fix;
        File = file;
        FeatureIndex = featureIndex;
    }

    /// <summary>The file name (not the full path when it came from an upload).</summary>
    public string? File { get; }

    /// <summary>Zero-based index of the offending feature, when the problem is in one feature.</summary>
    public int? FeatureIndex { get; }

    /// <summary>What is wrong, in words a planner understands.</summary>
    public string Problem { get; }

    /// <summary>How to fix it.</summary>
    public string Fix { get; }

    private static string Compose(string problem, string fix, string? file, int? featureIndex)
    {
        var where = (file, featureIndex) switch
        {
            (not null, not null) => $"{file}，第 {featureIndex + 1} 个要素（features[{featureIndex}]）：",
            (not null, null) => $"{file}：",
            (null, not null) => $"第 {featureIndex + 1} 个要素（features[{featureIndex}]）：",
            _ => string.Empty,
        };
        return $"{where}{problem} 处理办法：{fix}";
    }
}
