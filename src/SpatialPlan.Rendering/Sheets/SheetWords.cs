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

    public string LegendOf(LayerStyle style, string fallback) => (En ? style.LegendEn : style.LegendZh) ?? fallback;
}
