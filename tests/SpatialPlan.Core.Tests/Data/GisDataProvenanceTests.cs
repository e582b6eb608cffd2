using System.Text.Json;

namespace SpatialPlan.Core.Tests.Data;

/// <summary>Data honesty and the catalog/sample contract of docs/architecture.md and docs/rules-model.md, on the committed gis-data.</summary>
public class GisDataProvenanceTests
{
    private static readonly string[] Categories =
    [
        "ecological-redline", "permanent-farmland", "urban-boundary", "wetland", "nature-reserve", "general-farmland",
        "water-management", "desertification-closure", "showcase-belt", "town-structure", "base",
    ];

    /// <summary>The level ids and names of docs/rules-model.md §3, written from the document, not from the generator.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> LevelsByLayer = new()
    {
        ["wetlands"] = new()
        {
            ["national-important"] = "国家重要湿地", ["regional-important"] = "自治区（省级）重要湿地", ["general"] = "一般湿地",
        },
        ["nature-reserves"] = new() { ["core"] = "核心保护区", ["general-control"] = "一般控制区" },
        ["water-management"] = new()
        {
            ["river"] = "河道（河湖）管理范围", ["canal"] = "灌区渠沟管理范围", ["floodplain"] = "黄河滩区",
        },
    };

    /// <summary>The layers issue 7 adds, one per new zone category.</summary>
    private static readonly (string Layer, string Category)[] NewZoneLayers =
    [
        ("nature-reserves", "nature-reserve"), ("general-farmland", "general-farmland"), ("water-management", "water-management"),
        ("desertification-closures", "desertification-closure"),
    ];

    private static readonly string[] Kinds =
    [
        "urban-construction", "industrial-park", "scattered-urban", "rural-revival", "energy", "linear-infrastructure",
        "point-infrastructure", "cropping", "facility-agriculture", "orchard-fishpond", "ecological-restoration",
        "tourism-facility", "monitoring-relief", "archaeology", "geological-survey", "special-use", "temporary-use",
    ];

    private static readonly string[] MajorCategories =
    [
        "farmland-central", "farmland-military", "farmland-transport", "farmland-energy", "farmland-water", "farmland-ndrc",
        "redline-central", "redline-military", "redline-transport-water", "redline-grid", "redline-energy-mining", "redline-ndrc-infrastructure",
        "redline-land-guarantee",
        "wetland-national-major", "wetland-disaster", "wetland-water-works", "wetland-protection",
    ];

    [Fact]
    public void EverySchematicFeatureSaysSoAndCitesASeedLine()
    {
        using var catalog = GisDataFiles.Json("catalog.json");
        var missing = new List<string>();
        foreach (var layer in catalog.RootElement.GetProperty("layers").EnumerateArray())
        {
            if (!layer.GetProperty("schematic").GetBoolean())
            {
                continue;
            }

            var id = layer.GetProperty("id").GetString()!;
            foreach (var f in GisDataFiles.Layer(id))
            {
                var real = GisDataFiles.Attr(f, "schematic") is false && id == "towns" && GisDataFiles.Attr(f, "id") is "shanba";
                var honest = GisDataFiles.Attr(f, "schematic") is true
                             && GisDataFiles.Attr(f, "basis") is string basis && basis.Contains("seed line", StringComparison.Ordinal)
                             && GisDataFiles.Attr(f, "source") is "SpatialPlan schematic reading of the plan";
                if (!real && !honest)
                {
                    missing.Add($"{id}:{GisDataFiles.Attr(f, "id")}");
                }
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void EveryFeatureOfTheNewZoneLayersHasIdNamesAndProvenance()
    {
        var bad = new List<string>();
        foreach (var (layer, _) in NewZoneLayers)
        {
            var features = GisDataFiles.Layer(layer);
            Assert.NotEmpty(features);
            foreach (var f in features)
            {
                var ok = GisDataFiles.Attr(f, "id") is string id && id.Length > 0
                         && GisDataFiles.Attr(f, "name") is string name && name.Length > 0
                         && GisDataFiles.Attr(f, "nameEn") is string nameEn && nameEn.Length > 0
                         && GisDataFiles.Attr(f, "schematic") is true
                         && GisDataFiles.Attr(f, "basis") is string basis && basis.Contains("seed line", StringComparison.Ordinal)
                         && GisDataFiles.Attr(f, "source") is string source && source.Length > 0;
                if (!ok)
                {
                    bad.Add($"{layer}:{GisDataFiles.Attr(f, "id")}");
                }
            }

            Assert.Equal(features.Count, features.Select(f => GisDataFiles.Attr(f, "id")).Distinct().Count());
        }

        Assert.Empty(bad);
    }

    [Fact]
    public void OnlyShanbaHasARealPositionAmongTheTowns()
    {
        var towns = GisDataFiles.Layer("towns");

        Assert.Equal(10, towns.Count);
        Assert.All(towns, t => Assert.Equal(GisDataFiles.Attr(t, "id") is not "shanba", GisDataFiles.Attr(t, "estimated")));
    }

    [Fact]
    public void TheCatalogUsesOnlyTheContractCategoriesAndAPolicyOnlyOnZoneLayers()
    {
        using var catalog = GisDataFiles.Json("catalog.json");
        using var styles = GisDataFiles.Json("styles.json");
        var groups = catalog.RootElement.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("id").GetString()).ToHashSet();
        var categories = new List<string>();
        foreach (var layer in catalog.RootElement.GetProperty("layers").EnumerateArray())
        {
            var id = layer.GetProperty("id").GetString()!;
            var category = layer.GetProperty("category").GetString()!;
            categories.Add(category);
            Assert.Contains(category, Categories);
            Assert.Contains(layer.GetProperty("group").GetString(), groups);
            // A layer names its file as "file" (GeoJSON) or "source": {"file": …} (GeoPackage; docs/data-sources.md §1).
            var file = layer.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.Object
                ? source.GetProperty("file").GetString()!
                : layer.GetProperty("file").GetString()!;
            Assert.True(File.Exists(Path.Combine(GisDataFiles.Root, file)), id);
            Assert.True(styles.RootElement.TryGetProperty(layer.GetProperty("style").GetString()!, out _), id);
            var hasPolicy = layer.TryGetProperty("policy", out var policy) && policy.ValueKind == JsonValueKind.String;
            if (category is "town-structure" or "base")
            {
                Assert.False(hasPolicy, id);
            }
            else if (hasPolicy)
            {
                // The policy keys equal the category ids (docs/rules-model.md §5).
                Assert.Equal(category, policy.GetString());
            }
        }

        foreach (var (layer, category) in NewZoneLayers)
        {
            Assert.Single(categories, category);
            Assert.Contains(catalog.RootElement.GetProperty("layers").EnumerateArray(),
                l => l.GetProperty("id").GetString() == layer && l.GetProperty("category").GetString() == category
                     && l.GetProperty("schematic").GetBoolean());
        }
    }

    [Fact]
    public void EveryLayerCarriesVersionDateAndApprovalNumberAndTheSchematicOnesLeaveThemEmpty()
    {
        using var catalog = GisDataFiles.Json("catalog.json");
        foreach (var layer in catalog.RootElement.GetProperty("layers").EnumerateArray())
        {
            var id = layer.GetProperty("id").GetString()!;
            var fields = new[] { "version", "date", "approvalNumber" }.Select(k => layer.GetProperty(k).GetString()).ToList();
            Assert.All(fields, v => Assert.NotNull(v));
            Assert.True(layer.GetProperty("provenanceZh").GetString()!.Length > 0, id);
            Assert.True(layer.GetProperty("provenanceEn").GetString()!.Length > 0, id);
            if (layer.GetProperty("schematic").GetBoolean())
            {
                Assert.All(fields, v => Assert.Equal(string.Empty, v));
            }
            else
            {
                // Real layers say which copy they are; none of them is an approved planning dataset.
                Assert.NotEqual(string.Empty, fields[0]);
                Assert.Equal(string.Empty, fields[2]);
            }
        }
    }

    [Theory]
    [InlineData("wetlands")]
    [InlineData("nature-reserves")]
    [InlineData("water-management")]
    public void EveryFeatureOfALevelledLayerCarriesAContractLevelWithItsChineseName(string layer)
    {
        var levels = LevelsByLayer[layer];
        foreach (var f in GisDataFiles.Layer(layer))
        {
            var id = GisDataFiles.Attr(f, "id");
            var level = Assert.IsType<string>(GisDataFiles.Attr(f, "level"));
            Assert.True(levels.ContainsKey(level), $"{layer}:{id} has the unknown level {level}");
            Assert.Equal(levels[level], GisDataFiles.Attr(f, "levelZh"));
        }
    }

    [Fact]
    public void WetlandsSayWhyTheyHaveTheirLevelAndNoLongerCarryTheImportantFlag()
    {
        foreach (var f in GisDataFiles.Layer("wetlands"))
        {
            Assert.False(f.Attributes.Exists("important"), $"{GisDataFiles.Attr(f, "id")} still has important");
            Assert.True(GisDataFiles.Attr(f, "levelBasis") is string basis && basis.Length > 20, $"{GisDataFiles.Attr(f, "id")}");
            // The parks are protected areas, not wetland levels: no wetland is named after one.
            Assert.DoesNotContain("公园", (string)GisDataFiles.Attr(f, "name")!, StringComparison.Ordinal);
        }

        var parks = GisDataFiles.Layer("nature-reserves").Select(f => (string)GisDataFiles.Attr(f, "name")!).Order().ToList();
        Assert.Equal(["屠申泽省级湿地公园", "沙海湖国家沙漠公园"], parks);
    }

    [Fact]
    public void WaterManagementWidthsAreStatedAsSchematicSettings()
    {
        foreach (var f in GisDataFiles.Layer("water-management"))
        {
            var id = GisDataFiles.Attr(f, "id");
            Assert.True(Convert.ToDouble(GisDataFiles.Attr(f, "widthM"), System.Globalization.CultureInfo.InvariantCulture) > 0, $"{id}");
            var basis = Assert.IsType<string>(GisDataFiles.Attr(f, "widthBasis"));
            Assert.Contains("示意", basis, StringComparison.Ordinal);
            Assert.Contains("非法定", basis, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("farmland", @"^JBNT-\d{6}$")]
    [InlineData("general-farmland", @"^YBGD-\d{6}$")]
    public void FarmlandParcelsHaveIdAreaAndLandClass(string layer, string idPattern)
    {
        var parcels = GisDataFiles.Layer(layer);
        Assert.Equal(parcels.Count, parcels.Select(f => GisDataFiles.Attr(f, "id")).Distinct().Count());
        Assert.All(parcels, f =>
        {
            Assert.Matches(idPattern, (string)GisDataFiles.Attr(f, "id")!);
            Assert.False(string.IsNullOrEmpty(GisDataFiles.Attr(f, "name") as string));
            Assert.InRange(Convert.ToDouble(GisDataFiles.Attr(f, "areaMu"), System.Globalization.CultureInfo.InvariantCulture), 5.0, 60.0);
            // 第三次全国国土调查 land classes of cultivated land (GB/T 21010-2017 0101–0103).
            Assert.Contains((string)GisDataFiles.Attr(f, "landClass")!, new[] { "水田", "水浇地", "旱地" });
        });
        // The 河套 plain is irrigated: 水浇地 dominates; 旱地 only at the desert edge.
        var irrigated = parcels.Count(f => GisDataFiles.Attr(f, "landClass") is "水浇地");
        Assert.InRange(irrigated, parcels.Count * 0.8, parcels.Count - 1);
    }

    [Fact]
    public void TheSamplesCoverEveryVerdictAndEveryInputKind()
    {
        using var index = GisDataFiles.Json("samples/projects/index.json");
        var samples = index.RootElement.EnumerateArray().ToList();

        Assert.True(samples.Count >= 14);
        Assert.All(samples, s => Assert.True(File.Exists(Path.Combine(GisDataFiles.Root, "samples", "projects",
            s.GetProperty("file").GetString()!))));
        Assert.Equal(["advisory", "approval-required", "clear", "prohibited"],
            samples.Select(s => s.GetProperty("expectedVerdict").GetString()).Distinct().Order());
        Assert.Contains(samples, s => s.GetProperty("width").ValueKind == JsonValueKind.Number);
        Assert.Contains(samples, s => s.GetProperty("radius").ValueKind == JsonValueKind.Number);
        Assert.Contains(samples, s => s.GetProperty("crs").GetString() == "EPSG:4545");
        Assert.Contains(samples, s => s.GetProperty("file").GetString()!.EndsWith(".txt", StringComparison.Ordinal));
    }

    [Fact]
    public void EverySampleHasAContractKindAndValidMajorCategoriesInTheIndexAndInItsFile()
    {
        using var index = GisDataFiles.Json("samples/projects/index.json");
        foreach (var s in index.RootElement.EnumerateArray())
        {
            var file = s.GetProperty("file").GetString()!;
            var kind = s.GetProperty("type").GetString()!;
            var majors = s.GetProperty("majors").EnumerateArray().Select(m => m.GetString()!).ToList();
            Assert.Contains(kind, Kinds);
            Assert.All(majors, m => Assert.Contains(m, MajorCategories));
            Assert.False(s.TryGetProperty("nationalMajor", out _), file);
            if (file.EndsWith(".geojson", StringComparison.Ordinal))
            {
                using var doc = GisDataFiles.Json(Path.Combine("samples", "projects", file));
                var props = doc.RootElement.GetProperty("features")[0].GetProperty("properties");
                Assert.Equal(kind, props.GetProperty("projectType").GetString());
                Assert.Equal(majors, props.GetProperty("majors").EnumerateArray().Select(m => m.GetString()!));
                Assert.False(props.TryGetProperty("nationalMajor", out _), file);
            }
        }

        var hsr = index.RootElement.EnumerateArray().Single(s => s.GetProperty("file").GetString() == "baoyin-hsr.geojson");
        Assert.Equal(["farmland-transport", "redline-transport-water"], hsr.GetProperty("majors").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void EverySampleCarriesItsOverlapFiguresAndTheyAddUp()
    {
        using var index = GisDataFiles.Json("samples/projects/index.json");
        var layerIds = new Dictionary<string, HashSet<string>>();
        foreach (var s in index.RootElement.EnumerateArray())
        {
            var file = s.GetProperty("file").GetString()!;
            var o = s.GetProperty("overlaps");
            var total = o.GetProperty("footprintAreaM2").GetDouble();
            Assert.True(total > 0, file);
            var j = o.GetProperty("jurisdiction");
            Assert.Equal(total, j.GetProperty("insideAreaM2").GetDouble() + j.GetProperty("outsideAreaM2").GetDouble(), 0.02);
            var neighbours = j.GetProperty("neighbours").EnumerateArray().Sum(n => n.GetProperty("areaM2").GetDouble());
            Assert.True(Math.Abs(neighbours - j.GetProperty("outsideAreaM2").GetDouble()) <= 0.002 * total + 1, file);
            foreach (var z in o.GetProperty("zones").EnumerateArray())
            {
                var layer = z.GetProperty("layer").GetString()!;
                var area = z.GetProperty("areaM2").GetDouble();
                Assert.InRange(area, 0.0000001, total + 0.01);
                if (!layerIds.TryGetValue(layer, out var ids))
                {
                    ids = GisDataFiles.Layer(layer).Select(f => (string)GisDataFiles.Attr(f, "id")!).ToHashSet();
                    layerIds[layer] = ids;
                }

                Assert.All(z.GetProperty("features").EnumerateArray(), f => Assert.Contains(f.GetString()!, ids));
                if (LevelsByLayer.TryGetValue(layer, out var levels))
                {
                    Assert.Contains(z.GetProperty("level").GetString()!, levels.Keys);
                }
            }
        }
    }

    [Fact]
    public void SomeSampleExercisesEachNewZoneCategoryAndTheDataArea()
    {
        using var index = GisDataFiles.Json("samples/projects/index.json");
        var samples = index.RootElement.EnumerateArray().ToList();
        var hit = samples.SelectMany(s => s.GetProperty("overlaps").GetProperty("zones").EnumerateArray())
            .Select(z => z.GetProperty("category").GetString()).ToHashSet();

        Assert.All(NewZoneLayers, l => Assert.Contains(l.Category, hit));
        Assert.Contains(samples, s => s.GetProperty("overlaps").GetProperty("jurisdiction").GetProperty("neighbours").EnumerateArray()
            .Any(n => n.GetProperty("name").GetString() == "临河区" && n.GetProperty("areaM2").GetDouble() > 100_000));
        var station = samples.Single(s => s.GetProperty("file").GetString() == "canal-pumping-station.geojson");
        Assert.Equal("canal", Assert.Single(station.GetProperty("overlaps").GetProperty("zones").EnumerateArray()).GetProperty("level").GetString());
    }
}
