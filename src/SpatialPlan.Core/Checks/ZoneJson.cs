using System.Text.Json;
using static SpatialPlan.Core.Checks.CheckReportJson;

namespace SpatialPlan.Core.Checks;

/// <summary>Writes one zone result of the report JSON (docs/rules-model.md §6, <c>zones[]</c>).</summary>
internal static class ZoneJson
{
    public static void Write(Utf8JsonWriter w, ZoneResult z)
    {
        w.WriteStartObject();
        w.WriteString("layerId", z.LayerId);
        w.WriteString("layerTitle", z.LayerTitleZh);
        w.WriteString("layerTitleEn", z.LayerTitleEn);
        w.WriteString("category", z.Category);
        w.WriteString("mode", Names.Of(z.Mode));
        w.WriteString("situation", Names.Of(z.Situation));
        w.WriteString("relation", Names.RelationOf(z.Situation));
        w.WriteString("relationZh", z.RelationZh);
        w.WriteString("relationEn", z.RelationEn);
        w.WriteString("figuresZh", z.FiguresZh);
        w.WriteString("figuresEn", z.FiguresEn);
        WriteArea(w, "overlapArea", z.OverlapAreaM2);
        w.WriteNumber("overlapPercent", Math.Round(z.OverlapPercent, 4));
        if (z.InsideAreaM2 is { } inside && z.OutsideAreaM2 is { } outside)
        {
            WriteArea(w, "insideArea", inside);
            w.WriteNumber("insidePercent", Math.Round(z.InsidePercent ?? 0, 4));
            WriteArea(w, "outsideArea", outside);
            w.WriteNumber("outsidePercent", Math.Round(z.OutsidePercent ?? 0, 4));
        }

        w.WriteStartArray("levels");
        foreach (var l in z.Levels)
        {
            w.WriteStartObject();
            w.WriteString("level", l.Level);
            w.WriteString("levelZh", l.LevelZh);
            w.WriteString("levelEn", l.LevelEn);
            WriteArea(w, "area", l.AreaM2);
            w.WriteString("situation", Names.Of(l.Situation));
            w.WriteString("verdict", Names.Of(l.Verdict));
            w.WriteString("verdictZh", Names.Zh(l.Verdict, l.InPrinciple));
            w.WriteString("verdictEn", Names.En(l.Verdict, l.InPrinciple));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteFeatures(w, z);
        WriteNumber(w, "distanceM", z.DistanceM is { } d ? Math.Round(d, 2) : null);
        WriteNullable(w, "distanceZh", z.DistanceM is { } dz and > 0
            ? $"{(z.Mode == ZoneMode.Contain ? "距最近边界" : "距最近要素")} {Figures.Metres(dz)}" : null);
        w.WriteNumber("proximityM", z.ProximityM);
        WriteGeometry(w, "overlapGeometry", z.HighlightGeographic);
        w.WriteString("verdict", Names.Of(z.Verdict));
        w.WriteString("verdictZh", z.VerdictZh);
        w.WriteString("verdictEn", z.VerdictEn);
        w.WriteBoolean("inPrinciple", z.InPrinciple);
        w.WriteNumber("ruleIndex", z.RuleIndex);
        w.WriteString("rule", z.RuleZh);
        w.WriteString("ruleEn", z.RuleEn);
        WriteConditions(w, "conditions", z.Conditions);
        w.WriteStartArray("basis");
        foreach (var b in z.Basis)
        {
            WriteCitation(w, null, b);
        }

        w.WriteEndArray();
        w.WriteString("basisText", z.BasisText);
        w.WriteString("basisTextEn", z.BasisTextEn);
        w.WriteBoolean("schematic", z.Schematic);
        w.WriteEndObject();
    }

    public static void WriteConditions(Utf8JsonWriter w, string name, IEnumerable<PolicyCondition> conditions)
    {
        w.WriteStartArray(name);
        foreach (var c in conditions)
        {
            w.WriteStartObject();
            w.WriteString("authority", c.Authority.Id);
            w.WriteString("authorityZh", c.Authority.NameZh);
            w.WriteString("authorityEn", c.Authority.NameEn);
            w.WriteString("requirementZh", c.RequirementZh);
            w.WriteString("requirementEn", c.RequirementEn);
            WriteCitation(w, "basis", c.Basis);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteFeatures(Utf8JsonWriter w, ZoneResult z)
    {
        w.WriteStartArray("features");
        foreach (var f in z.Features)
        {
            w.WriteStartObject();
            w.WriteString("id", f.Id);
            w.WriteString("name", f.Name);
            w.WriteString("level", f.Level);
            w.WriteString("landClass", f.LandClass);
            WriteArea(w, "overlapArea", f.OverlapAreaM2);
            WriteNumber(w, "featureAreaM2", f.FeatureAreaM2 is { } fa ? Math.Round(fa, 3) : null);
            WriteNumber(w, "featureSharePercent", f.SharePercent is { } share ? Math.Round(share, 4) : null);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("nearbyFeatures");
        foreach (var n in z.NearbyFeatures)
        {
            w.WriteStartObject();
            w.WriteString("id", n.Id);
            w.WriteString("name", n.Name);
            w.WriteString("level", n.Level);
            w.WriteNumber("distanceM", Math.Round(n.DistanceM, 2));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
