using SkiaSharp;

namespace SpatialPlan.Rendering.Text;

/// <summary>
/// The CJK font pair (Noto Sans SC Regular and Bold) the renderer draws every text with. The files are
/// copied by the build from the npm package into <c>fonts/</c> next to this assembly. They are loaded by
/// path, because <c>SKTypeface.FromFamilyName</c> silently falls back to a Latin font (Chinese becomes boxes).
/// </summary>
public sealed class FontSet : IDisposable
{
    public const string RegularFileName = "NotoSansSC-Regular.ttf";
    public const string BoldFileName = "NotoSansSC-Bold.ttf";

    private static readonly Lazy<FontSet> s_default = new(() => Load(DefaultDirectory));

    private FontSet(string regularPath, string boldPath)
    {
        RegularPath = regularPath;
        BoldPath = boldPath;
        RegularData = File.ReadAllBytes(regularPath);
        BoldData = File.ReadAllBytes(boldPath);
        Regular = FromBytes(RegularData, regularPath);
        Bold = FromBytes(BoldData, boldPath);
    }

    /// <summary>The fonts next to the SpatialPlan.Rendering assembly, loaded once per process.</summary>
    public static FontSet Default => s_default.Value;

    /// <summary>
    /// <c>fonts/</c> beside the SpatialPlan.Rendering assembly (the build puts the TTFs there); in the Native AOT CLI,
    /// whose assemblies have no file (their location is empty), beside the executable.
    /// </summary>
    public static string DefaultDirectory =>
        Path.Combine(typeof(FontSet).Assembly.Location is { Length: > 0 } location ? Path.GetDirectoryName(location)! : AppContext.BaseDirectory, "fonts");

    public string RegularPath { get; }

    public string BoldPath { get; }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    internal byte[] RegularData { get; }

    internal byte[] BoldData { get; }

    /// <summary>Loads the two TTFs from <paramref name="directory"/>.</summary>
    /// <exception cref="FileNotFoundException">A font file is missing (the message says how to fix it).</exception>
    public static FontSet Load(string directory)
    {
        string regular = Path.Combine(directory, RegularFileName);
        string bold = Path.Combine(directory, BoldFileName);
        foreach (var path in new[] { regular, bold })
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"找不到中文字体 {path}。该字体在构建 SpatialPlan.Rendering 时由 npm 包 @expo-google-fonts/noto-sans-sc 复制到输出目录；"
                    + "请重新构建（dotnet build），并确认 npm 可用。 / The CJK font is missing; rebuild so that the build copies it "
                    + "from the npm package into bin/…/fonts (npm must be available).",
                    path);
            }
        }

        return new FontSet(regular, bold);
    }

    public void Dispose()
    {
        Regular.Dispose();
        Bold.Dispose();
    }

    private static SKTypeface FromBytes(byte[] data, string path)
    {
        using var skData = SKData.CreateCopy(data);
        return SKTypeface.FromData(skData)
            ?? throw new InvalidDataException($"字体无法加载：{path} / Skia cannot load the font {path}.");
    }
}
