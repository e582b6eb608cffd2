using SpatialPlan.Core.Layers;

namespace SpatialPlan.Rendering.Sheets;

/// <summary>A short Chinese credit for a layer's data, for the sheet's 数据来源 line.</summary>
internal static class SourceCredit
{
    public const string Schematic = "依据规划纲要文本绘制的示意图层（SpatialPlan）";

    public const string SchematicEn = "schematic layers drawn from the plan text (SpatialPlan)";

    private static readonly char[] s_stops = ['（', '(', '，', '；', '。', ','];

    /// <summary>Schematic layers share one credit; a real layer is credited with the head of its
    /// provenanceZh ("真实数据：HydroLAKES v1.0（…）" → "HydroLAKES v1.0"), else its source.</summary>
    public static string Of(LayerDefinition layer)
    {
        if (layer.Schematic)
        {
            return Schematic;
        }

        var text = layer.ProvenanceZh;
        foreach (var prefix in new[] { "真实数据：", "真实数据:", "示意数据：" })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = text[prefix.Length..];
            }
        }

        int stop = text.IndexOfAny(s_stops);
        text = (stop > 0 ? text[..stop] : text).Trim();
        return text.Length > 0 ? text : layer.Source;
    }

    /// <summary>The English credit: the shared schematic credit, else the head of provenanceEn, else the source.</summary>
    public static string OfEn(LayerDefinition layer)
    {
        if (layer.Schematic)
        {
            return SchematicEn;
        }

        var text = layer.ProvenanceEn;
        foreach (var prefix in new[] { "Real data: ", "Real: ", "Real:" })
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                text = text[prefix.Length..];
            }
        }

        int stop = text.IndexOfAny(['(', ';', ',']);
        text = (stop > 0 ? text[..stop] : text).Trim();
        return text.Length > 0 ? text : layer.Source;
    }
}
