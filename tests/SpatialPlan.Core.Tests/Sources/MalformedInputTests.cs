using System.Text;
using SpatialPlan.Core.Sources;
using SpatialPlan.Core.Tests.TestData;
using static SpatialPlan.Core.Tests.Sources.ReadHelper;

namespace SpatialPlan.Core.Tests.Sources;

/// <summary>Every refusal names the file, the feature (when there is one), what is wrong and how to fix it.</summary>
public class MalformedInputTests
{
    private const string Good = "[[107.10,40.80],[107.11,40.80],[107.11,40.81],[107.10,40.80]]";

    private static string Feature(string geometry) =>
        $"{{\"type\":\"FeatureCollection\",\"features\":[{{\"type\":\"Feature\",\"properties\":{{}},\"geometry\":{geometry}}}]}}";

    private static void AssertMessage(InputException ex, string file, params string[] parts)
    {
        Assert.StartsWith(file + "，", ex.Message.Replace("：", "，", StringComparison.Ordinal));
        Assert.Contains("处理办法：", ex.Message);
        Assert.False(string.IsNullOrWhiteSpace(ex.Fix));
        foreach (var part in parts)
        {
            Assert.Contains(part, ex.Message);
        }
    }

    [Fact]
    public void TextThatIsNotJsonIsRefusedWithLineAndColumn() =>
        AssertMessage(Refuse("hello world", "a.geojson"), "a.geojson", "不是有效的 JSON", "第 1 行第 1 列");

    [Theory]
    [InlineData("{\"type\":\"FeatureCollection\",\n\"features\":[{\"type\":\"Feature\",")]
    [InlineData("{\"type\":\"FeatureCollection\",\n\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Poly\n")]
    [InlineData("{\"type\":\"FeatureCollection\",\r\n\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"地块\"}}\r\n\r\n")]
    public void TruncatedJsonIsCalledTruncated(string json) =>
        AssertMessage(Refuse(json, "t.geojson"), "t.geojson", "被截断", "不完整");

    [Fact]
    public void JsonWithAMissingCommaInTheMiddleIsNotCalledTruncated() =>
        AssertMessage(Refuse("{\"type\":\"FeatureCollection\"\n\"features\":[]\n}", "mc.geojson"), "mc.geojson", "不是有效的 JSON", "第 2 行");

    [Fact]
    public void EmptyFileIsRefused() =>
        AssertMessage(Assert.Throws<InputException>(() => ReadBytes([], "e.geojson")), "e.geojson", "文件是空的");

    [Fact]
    public void BinaryFileIsRefused() =>
        AssertMessage(Assert.Throws<InputException>(() => ReadBytes([0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 1, 2], "b.geojson")), "b.geojson", "不是 UTF-8 文本", "二进制");

    [Fact]
    public void ZipRenamedToGeoJsonIsRecognised() =>
        AssertMessage(Assert.Throws<InputException>(() => ReadBytes(File.ReadAllBytes(TestFiles.Path("site-4545.zip")), "z.geojson")), "z.geojson", "ZIP 压缩包", ".zip");

    [Fact]
    public void UnknownGeometryTypeNamesTheTypeAndTheFeature() =>
        AssertMessage(Refuse(Feature($"{{\"type\":\"Polygn\",\"coordinates\":[{Good}]}}"), "u.geojson"), "u.geojson",
            "第 1 个要素（features[0]）", "未知的几何类型 \"Polygn\"", "区分大小写");

    [Fact]
    public void UnclosedRingShowsBothEnds() =>
        AssertMessage(Refuse(Feature("{\"type\":\"Polygon\",\"coordinates\":[[[107.10,40.80],[107.11,40.80],[107.11,40.81],[107.10,40.81]]]}"), "o.geojson"), "o.geojson",
            "features[0]", "没有闭合", "[107.1, 40.8]", "[107.1, 40.81]", "复制到环的末尾");

    [Fact]
    public void RingWithThreePositionsIsRefused() =>
        AssertMessage(Refuse(Feature("{\"type\":\"Polygon\",\"coordinates\":[[[107.10,40.80],[107.11,40.80],[107.10,40.80]]]}"), "r.geojson"), "r.geojson",
            "只有 3 个坐标", "至少需要 4 个");

    [Fact]
    public void EmptyCoordinatesAreRefusedInsteadOfReadingAsEmpty() =>
        AssertMessage(Refuse(Feature("{\"type\":\"Polygon\",\"coordinates\":[]}"), "c.geojson"), "c.geojson", "坐标为空");

    [Fact]
    public void MissingFeaturesArrayIsRefused() =>
        AssertMessage(Refuse("{\"type\":\"FeatureCollection\"}", "m.geojson"), "m.geojson", "缺少 features");

    [Fact]
    public void EmptyFeaturesArrayIsRefused() =>
        AssertMessage(Refuse("{\"type\":\"FeatureCollection\",\"features\":[]}", "n.geojson"), "n.geojson", "features 为空");

    [Fact]
    public void NullGeometryNamesTheSecondFeature()
    {
        var json = $"{{\"type\":\"FeatureCollection\",\"features\":[{{\"type\":\"Feature\",\"properties\":{{}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[{Good}]}}}},{{\"type\":\"Feature\",\"properties\":{{}},\"geometry\":null}}]}}";
        var ex = Refuse(json, "g.geojson");
        Assert.Equal(1, ex.FeatureIndex);
        AssertMessage(ex, "g.geojson", "第 2 个要素（features[1]）", "没有几何");
    }

    [Fact]
    public void CoordinateWrittenAsAStringIsRefused() =>
        AssertMessage(Refuse(Feature("{\"type\":\"Polygon\",\"coordinates\":[[[\"107.10\",40.80],[107.11,40.80],[107.11,40.81],[107.10,40.80]]]}"), "s.geojson"), "s.geojson",
            "\"107.10\" 是字符串", "去掉坐标数字两边的引号");

    [Fact]
    public void LatitudeBeyondNinetyIsRefused() =>
        AssertMessage(Refuse(Feature("{\"type\":\"Polygon\",\"coordinates\":[[[107.10,95.0],[107.11,95.0],[107.11,95.01],[107.10,95.0]]]}"), "l.geojson"), "l.geojson",
            "纬度 95.01 超过 90°", "纬度不超过 90°");

    [Fact]
    public void CoordinatesNearBeijingAreRefusedWithDistance() =>
        AssertMessage(Refuse(Feature("{\"type\":\"Polygon\",\"coordinates\":[[[116.40,39.90],[116.41,39.90],[116.41,39.91],[116.40,39.90]]]}"), "bj.geojson"), "bj.geojson",
            "北京附近", "距杭锦后旗约", "选错了文件或坐标系");

    [Fact]
    public void DeclaredCrsContradictingTheValuesIsRefused()
    {
        var json = Feature("{\"type\":\"Polygon\",\"coordinates\":[[[427688,4528378],[427788,4528378],[427788,4528478],[427688,4528378]]]}")
            .Replace("{\"type\":\"FeatureCollection\",", "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4490\"}},", StringComparison.Ordinal);
        AssertMessage(Refuse(json, "d.geojson"), "d.geojson", "GeoJSON 的 crs 成员声明坐标系为 EPSG:4490", "看起来是 EPSG:4545");
    }

    [Fact]
    public void CrsOptionContradictingLonLatValuesIsRefused() =>
        AssertMessage(Refuse(Feature($"{{\"type\":\"Polygon\",\"coordinates\":[{Good}]}}"), "o2.geojson", new ReadOptions(DeclaredEpsg: 4545)), "o2.geojson",
            "--crs", "声明坐标系为 EPSG:4545", "看起来是 EPSG:4490");

    [Fact]
    public void UnsupportedDeclaredCodeIsRefused() =>
        AssertMessage(Refuse(Feature($"{{\"type\":\"Polygon\",\"coordinates\":[{Good}]}}"), "x.geojson", new ReadOptions(DeclaredEpsg: 2385)), "x.geojson",
            "EPSG:2385 不受支持");

    [Fact]
    public void FileOverTheSizeLimitIsRefused() =>
        AssertMessage(Refuse(Feature($"{{\"type\":\"Polygon\",\"coordinates\":[{Good}]}}"), "big.geojson", new ReadOptions(MaxBytes: 100)), "big.geojson",
            "文件太大", "只导出项目范围内的要素");

    [Fact]
    public void ZipWithoutAShapefileIsRefused() =>
        AssertMessage(Assert.Throws<InputException>(() => FeatureFileReader.Read(TestFiles.Path("no-shp.zip"), ReadOptions.Default)), "no-shp.zip",
            "没有 .shp 文件", "readme.txt");

    [Fact]
    public void CorruptZipIsRefused() =>
        AssertMessage(Assert.Throws<InputException>(() => ReadBytes(Encoding.ASCII.GetBytes("PK\u0003\u0004 not really"), "bad.zip")), "bad.zip", "不是有效的 ZIP");

    [Fact]
    public void UnsupportedExtensionIsRefused() =>
        AssertMessage(Refuse("<kml/>", "site.kml"), "site.kml", "不支持的文件类型“.kml”", ".geojson");

    [Fact]
    public void MissingFileIsRefused() =>
        AssertMessage(Assert.Throws<InputException>(() => FeatureFileReader.Read("/nonexistent/site.geojson", ReadOptions.Default)), "site.geojson", "找不到文件");

    [Fact]
    public void UnknownRootTypeIsRefused() =>
        AssertMessage(Refuse("{\"type\":\"Topology\",\"objects\":{}}", "topo.json"), "topo.json", "未知的 GeoJSON 类型 \"Topology\"");

    [Fact]
    public void BoundaryPointLineWithANonNumberNamesTheLine() =>
        AssertMessage(Refuse("点号,X,Y\nJ1,4528378.741,427688.472\nJ2,4528378.741,4277B8.472\nJ3,4528478.741,427788.472\n", "jzd.txt"), "jzd.txt",
            "第 3 行的 Y（东坐标）“4277B8.472”不是数字");

    [Fact]
    public void BoundaryPointRingWithTwoPointsIsRefused() =>
        AssertMessage(Refuse("J1,4528378.741,427688.472\nJ2,4528378.741,427788.472\nJ3,4528478.741,427788.472\n\nK1,4528400,427700\nK2,4528410,427710\n", "jzd.txt"), "jzd.txt",
            "从第 5 行（点 K1）开始的圈只有 2 个不同的点", "至少需要 3 个");

    [Fact]
    public void BoundaryPointLineWithTooManyColumnsIsRefused() =>
        AssertMessage(Refuse("J1,4528378.741,427688.472,100.0,备注\n", "jzd.csv"), "jzd.csv", "第 1 行有 5 列");

    [Fact]
    public void BoundaryPointListWithOnlyCommentsIsRefused() =>
        AssertMessage(Refuse("# 只有注释\n# 没有坐标\n", "jzd.txt"), "jzd.txt", "没有坐标行");

    [Fact]
    public void OneFeatureFarFromTheOthersIsNamed()
    {
        var json = $"{{\"type\":\"FeatureCollection\",\"features\":[{{\"type\":\"Feature\",\"properties\":{{}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[{Good}]}}}},{{\"type\":\"Feature\",\"properties\":{{}},\"geometry\":{{\"type\":\"Point\",\"coordinates\":[0,0]}}}}]}}";
        var ex = Refuse(json, "stray.geojson");
        Assert.Equal(1, ex.FeatureIndex);
        AssertMessage(ex, "stray.geojson", "features[1]", "距杭锦后旗约", "为 0");
    }
}
