using System.Text.Json;
using SpatialPlan.Core.Measurement;
using static SpatialPlan.Core.Checks.CheckReportJson;

namespace SpatialPlan.Core.Checks;

/// <summary>Writes the report JSON's sections after the zones: guidance, notChecked, jurisdiction, approvals, settings, layers.</summary>
internal static class ReportSectionsJson
{
    public static void Write(Utf8JsonWriter w, CheckReport report)
    {
        w.WriteStartArray("guidance");
        foreach (var g in report.Guidance)
        {
            w.WriteStartObject();
            w.WriteString("layerId", g.LayerId);
            w.WriteString("layerTitle", g.LayerTitleZh);
            w.WriteString("category", g.Category);
            w.WriteString("featureId", g.FeatureId);
            w.WriteString("featureName", g.FeatureName);
            WriteArea(w, "overlapArea", g.OverlapAreaM2);
            w.WriteNumber("distanceM", Math.Round(g.DistanceM, 2));
            w.WriteString("noteZh", g.NoteZh);
            w.WriteString("noteEn", g.NoteEn);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("notChecked");
        foreach (var n in report.NotChecked)
        {
            w.WriteStartObject();
            w.WriteString("category", n.Category);
            w.WriteString("nameZh", n.NameZh);
            w.WriteString("nameEn", n.NameEn);
            w.WriteString("reason", n.Reason);
            w.WriteString("reasonEn", n.ReasonEn);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteJurisdiction(w, report.Jurisdiction);
        WriteApprovals(w, report.Approvals);
        WriteSettings(w, report.Settings);
        w.WriteStartArray("layers");
        foreach (var l in report.Layers)
        {
            w.WriteStartObject();
            w.WriteString("layerId", l.LayerId);
            w.WriteString("titleZh", l.TitleZh);
            w.WriteString("titleEn", l.TitleEn);
            w.WriteString("role", l.Role);
            w.WriteBoolean("schematic", l.Schematic);
            w.WriteString("version", l.Version);
            w.WriteString("date", l.Date);
            w.WriteString("approvalNumber", l.ApprovalNumber);
            w.WriteString("source", l.Source);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteJurisdiction(Utf8JsonWriter w, JurisdictionResult? j)
    {
        if (j is null)
        {
            w.WriteNull("jurisdiction");
            return;
        }

        w.WriteStartObject("jurisdiction");
        w.WriteString("areaLayer", j.AreaLayerId);
        w.WriteString("areaName", j.AreaName);
        w.WriteNumber("insideShare", Math.Round(j.InsideShare, 6));
        w.WriteNumber("insideAreaM2", Math.Round(j.InsideAreaM2, 3));
        w.WriteNumber("outsideAreaM2", Math.Round(j.OutsideAreaM2, 3));
        w.WriteNumber("outsideAreaMu", Math.Round(AreaUnits.ToMu(j.OutsideAreaM2), 4));
        w.WriteNumber("outsideAreaHa", Math.Round(AreaUnits.ToHectares(j.OutsideAreaM2), 5));
        w.WriteStartArray("neighbours");
        foreach (var n in j.Neighbours)
        {
            w.WriteStartObject();
            w.WriteString("id", n.Id);
            w.WriteString("name", n.Name);
            w.WriteNumber("areaM2", Math.Round(n.AreaM2, 3));
            w.WriteNumber("areaMu", Math.Round(AreaUnits.ToMu(n.AreaM2), 4));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("verdict", Names.Of(j.Verdict));
        w.WriteString("verdictZh", Names.Zh(j.Verdict));
        w.WriteString("verdictEn", Names.En(j.Verdict));
        w.WriteString("figuresZh", j.FiguresZh);
        w.WriteString("figuresEn", j.FiguresEn);
        WriteNullable(w, "noteZh", j.NoteZh);
        WriteNullable(w, "noteEn", j.NoteEn);
        WriteGeometry(w, "outsideGeometry", j.OutsideGeographic);
        w.WriteEndObject();
    }

    private static void WriteApprovals(Utf8JsonWriter w, IReadOnlyList<ApprovalGroup> approvals)
    {
        w.WriteStartArray("approvals");
        foreach (var a in approvals)
        {
            w.WriteStartObject();
            w.WriteString("authority", a.Authority.Id);
            w.WriteString("authorityZh", a.Authority.NameZh);
            w.WriteString("authorityEn", a.Authority.NameEn);
            w.WriteStartArray("items");
            foreach (var i in a.Items)
            {
                w.WriteStartObject();
                w.WriteString("layerId", i.LayerId);
                w.WriteString("layerTitle", i.LayerTitleZh);
                w.WriteString("requirementZh", i.RequirementZh);
                w.WriteString("requirementEn", i.RequirementEn);
                WriteCitation(w, "basis", i.Basis);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteSettings(Utf8JsonWriter w, CheckSettings s)
    {
        w.WriteStartObject("settings");
        w.WriteNumber("sliverM2", s.SliverM2);
        w.WriteStartObject("proximityM");
        foreach (var (layer, metres) in s.ProximityM)
        {
            w.WriteNumber(layer, metres);
        }

        w.WriteEndObject();
        w.WriteString("proximityNoteZh", "邻近提示距离（系统设置，非法定）");
        WriteNullable(w, "inputFile", s.InputFile);
        WriteNullable(w, "inputSha256", s.InputSha256);
        w.WriteString("checkedAt", s.CheckedAtText);
        w.WriteString("policyVersion", s.PolicyVersion);
        WriteNullable(w, "dataVersion", s.DataVersion);
        w.WriteEndObject();
    }
}
