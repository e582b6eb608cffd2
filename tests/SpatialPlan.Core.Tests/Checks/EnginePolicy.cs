using SpatialPlan.Core.Checks;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>
/// A small policy written for the engine's tests, independent of the committed gis-data/policy.json (which the
/// policy author rewrites from the legal texts): three kinds, a red line with a major list, a levelled wetland, a
/// farmland coverage, an urban boundary (contain) and a showcase belt as guidance. Each situation gets its own rule
/// text, so a test can tell which rule decided.
/// </summary>
internal static class EnginePolicy
{
    public const string Urban = "urban-construction";
    public const string Road = "linear-infrastructure";
    public const string Crop = "cropping";

    public static CheckPolicy Policy { get; } = CheckPolicy.Parse(Json, "engine-policy.json");

    public static string Json => """
    {
      "version": 2, "policyVersion": "engine-test-1", "tolerances": {"sliverM2": 1.0},
      "documents": [{"id": "D1", "titleZh": "《测试法》", "titleEn": "Test Law", "readAt": "tests"},
                    {"id": "D2", "titleZh": "《测试通知》", "titleEn": "Test Notice", "readAt": "tests"}],
      "authorities": [{"id": "state-council", "nameZh": "国务院", "nameEn": "State Council"},
                      {"id": "regional-government", "nameZh": "自治区人民政府", "nameEn": "Regional government"},
                      {"id": "forestry-grassland", "nameZh": "林业和草原主管部门", "nameEn": "Forestry"}],
      "kinds": [
        {"id": "urban-construction", "group": "construction", "nameZh": "城镇建设", "nameEn": "Urban", "aliases": ["urban"]},
        {"id": "linear-infrastructure", "group": "infrastructure", "nameZh": "线性基础设施", "nameEn": "Linear", "aliases": ["linear"]},
        {"id": "cropping", "group": "agriculture", "nameZh": "农业种植", "nameEn": "Cropping", "aliases": []}],
      "ambiguousKinds": {"agriculture": ["cropping"], "other": ["*"]},
      "majorCategories": [
        {"id": "farmland-transport", "list": "farmland", "nameZh": "交通类", "nameEn": "Transport", "basis": {"doc": "D2", "article": "一（三）", "verified": true}},
        {"id": "redline-transport-water", "list": "redline", "nameZh": "国家级规划交通水利", "nameEn": "Transport/water", "basis": {"doc": "D2", "article": "三", "verified": false}},
        {"id": "wetland-national-major", "list": "wetland", "nameZh": "国家重大项目", "nameEn": "National major", "basis": {"doc": "D1", "article": "第十九条", "verified": true}}],
      "notChecked": [{"category": "forest", "nameZh": "林地", "reason": "无林地图层"},
                     {"category": "wetland", "nameZh": "湿地", "reason": "只有在没有湿地图层时才列出"}],
      "guidance": {"showcase-belt": {"noteZh": "规划衔接，非管控", "noteEn": "Guidance, not control", "proximityM": 0}},
      "zones": {
        "ecological-redline": {
          "mode": "avoid", "proximityM": 500, "majorList": "redline", "levels": null,
          "basis": [{"doc": "D2", "article": "第一部分", "paraphraseZh": "红线内禁止开发性建设", "verified": true}],
          "rules": [
            {"situation": "inside-major", "kinds": "*", "verdict": "approval-required", "ruleZh": "R-红线-重大",
             "conditions": [{"authority": "state-council", "requirementZh": "须报国务院批准", "basis": {"doc": "D2", "article": "第二部分"}}]},
            {"situation": "inside", "kinds": ["linear-infrastructure"], "verdict": "approval-required", "ruleZh": "R-红线-线性",
             "conditions": [{"authority": "regional-government", "requirementZh": "须自治区人民政府出具认定意见"}]},
            {"situation": "inside", "kinds": "*", "verdict": "prohibited", "inPrinciple": true, "ruleZh": "R-红线-占用",
             "basis": [{"doc": "D2", "article": "第一部分第（一）项"}]},
            {"situation": "sliver", "kinds": "*", "verdict": "advisory", "ruleZh": "R-红线-微小"},
            {"situation": "touches", "kinds": "*", "verdict": "advisory", "ruleZh": "R-红线-相邻"},
            {"situation": "near", "kinds": "*", "verdict": "advisory", "ruleZh": "R-红线-邻近"},
            {"situation": "none", "kinds": "*", "verdict": "clear", "ruleZh": "R-红线-无"}]
        },
        "wetland": {
          "mode": "avoid", "proximityM": 300, "majorList": "wetland",
          "levels": [{"id": "national-important", "nameZh": "国家重要湿地", "nameEn": "National"},
                     {"id": "general", "nameZh": "一般湿地", "nameEn": "General"}],
          "basis": [{"doc": "D1", "article": "第十九条"}],
          "rules": [
            {"situation": "inside-major", "kinds": "*", "verdict": "approval-required", "ruleZh": "R-湿地-重大",
             "conditions": [{"authority": "forestry-grassland", "requirementZh": "须征求林草主管部门意见"}]},
            {"situation": "inside", "kinds": "*", "levels": ["national-important"], "verdict": "prohibited", "ruleZh": "R-湿地-国家重要"},
            {"situation": "inside", "kinds": "*", "levels": ["general"], "verdict": "approval-required", "ruleZh": "R-湿地-一般",
             "conditions": [{"authority": "forestry-grassland", "requirementZh": "须征求林草主管部门意见"},
                            {"authority": "regional-government", "requirementZh": "须缴纳湿地恢复费"}]},
            {"situation": ["sliver", "touches", "near"], "kinds": "*", "verdict": "advisory", "ruleZh": "R-湿地-邻近"},
            {"situation": "none", "kinds": "*", "verdict": "clear", "ruleZh": "R-湿地-无"}]
        },
        "permanent-farmland": {
          "mode": "avoid", "proximityM": 200, "majorList": "farmland", "featuresDisjoint": true, "levels": null, "basis": [],
          "rules": [
            {"situation": ["inside", "inside-major"], "kinds": ["cropping"], "verdict": "clear", "ruleZh": "R-农田-种植"},
            {"situation": "inside-major", "kinds": "*", "verdict": "approval-required", "ruleZh": "R-农田-重大",
             "conditions": [{"authority": "state-council", "requirementZh": "须报国务院批准（不可避让论证、补划方案）"}]},
            {"situation": "inside", "kinds": "*", "verdict": "prohibited", "ruleZh": "R-农田-占用"},
            {"situation": "sliver", "kinds": "*", "verdict": "advisory", "ruleZh": "R-农田-微小"},
            {"situation": ["touches", "near", "none"], "kinds": "*", "verdict": "clear", "ruleZh": "R-农田-相邻或无"}]
        },
        "urban-boundary": {
          "mode": "contain", "proximityM": 0, "levels": null, "basis": [],
          "rules": [
            {"situation": "outside", "kinds": ["urban-construction"], "verdict": "prohibited", "ruleZh": "R-边界-外"},
            {"situation": "outside", "kinds": "*", "verdict": "clear", "ruleZh": "R-边界-外-不约束"},
            {"situation": "outside-sliver", "kinds": "*", "verdict": "advisory", "ruleZh": "R-边界-外-微小"},
            {"situation": "within", "kinds": "*", "verdict": "clear", "ruleZh": "R-边界-内"}]
        }
      }
    }
    """;
}
