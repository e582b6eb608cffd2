using SpatialPlan.Core.Styles;

namespace SpatialPlan.Rendering.Sheets;

/// <summary>The fixed words a sheet prints, in Chinese or English.</summary>
internal sealed record SheetWords(SheetLanguage Language)
{
    public bool En => Language == SheetLanguage.En;

    public string Legend => En ? "Legend" : "图  例";

    public string Scale => En ? "Scale" : "比例尺";

    public string Km => En ? "km" : "千米";

    public string M => En ? "m" : "米";

    public string North => En ? "N" : "北";

    public string Schematic => En ? "SCHEMATIC" : "示意数据";

    public string SchematicNote => En ? "contains schematic layers drawn from the plan text, not official data" : "含依据规划文本绘制的示意图层，非官方数据";

    public string SchematicParagraph => En
        ? "Schematic data: the schematic layers are drawn from the plan text; they are not official vector data and cannot be the basis of an approval."
        : "示意数据：示意图层依据规划纲要文本绘制，不是官方矢量数据，不得作为审批依据。";

    public string Sources(IEnumerable<string> sources) => (En ? "Sources: " : "数据来源：") + string.Join(En ? "; " : "；", sources);

    /// <summary>The 制图单位 line; an unset unit prints a blank to fill in by hand, never a made-up name.</summary>
    public string MadeBy(DateOnly date, string? unit)
    {
        var who = string.IsNullOrWhiteSpace(unit) ? "________________" : unit.Trim();
        return En
            ? $"Date: {date:yyyy-MM-dd}    Mapped by: {who}"
            : $"制图日期：{date.Year}年{date.Month}月{date.Day}日　制图单位：{who}";
    }

    /// <summary>One layer's part of the generalisation note: how many polygons were merged and how many left out.</summary>
    public string GeneralisedLayer(string layer, int merged, int dropped) => En
        ? $"{layer}: {merged:N0} merged" + (dropped > 0 ? $", {dropped:N0} isolated ones left out" : string.Empty)
        : $"{layer}合并 {merged:N0} 个" + (dropped > 0 ? $"，零星 {dropped:N0} 个略去" : string.Empty);

    /// <summary>The legend note of a sheet whose narrow polygons were merged (issue 10): 「图斑按比例尺综合表示」 and what that means.</summary>
    public string Generalised(IEnumerable<string> layers, double narrowMm, double cellMm) => En
        ? $"Parcels generalised to the scale: parcels narrower than {narrowMm:0.##} mm on the sheet are drawn merged into filled areas on a {cellMm:0.##} mm grid ({string.Join("; ", layers)})."
        : $"图斑按比例尺综合表示：图上宽度不足 {narrowMm:0.##} 毫米的图斑按 {cellMm:0.##} 毫米网格合并为面表示（{string.Join("；", layers)}）。";

    public string LegendOf(LayerStyle style, string fallback) => (En ? style.LegendEn : style.LegendZh) ?? fallback;
}
