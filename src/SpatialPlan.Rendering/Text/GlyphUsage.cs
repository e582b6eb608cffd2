namespace SpatialPlan.Rendering.Text;

/// <summary>The characters a document draws (code point → glyph id), per font weight; the input of the subsetter.</summary>
internal sealed class GlyphUsage
{
    public Dictionary<int, ushort> Regular { get; } = [];

    public Dictionary<int, ushort> Bold { get; } = [];

    public Dictionary<int, ushort> For(bool bold) => bold ? Bold : Regular;
}
