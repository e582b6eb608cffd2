using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SpatialPlan.Records.Auditing;
using SpatialPlan.Records.Book;
using SpatialPlan.Records.Store;

namespace SpatialPlan.App.Tests;

/// <summary>
/// The records API over a data folder of the test's own: save (201 with id, version, verdict), read back with versions and
/// the stored files, no DELETE, withdraw, recheck after the red line moved (the record says 「数据已更新：结论可能变化」
/// first), 留痕 of checks and exports, and a read-only records folder (saving 503 with the reason, checks still 200).
/// </summary>
public sealed class RecordsApiTests : IDisposable
{
    private readonly RecordsTestData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task ASavedCheckIsAnsweredCreatedAndReadsBackWithItsVersionsAndFiles()
    {
        using var factory = new RecordsAppFactory(_data.Path);
        using var client = factory.CreateClient();

        var created = await client.PostAsync("/api/records", RecordsTestData.SaveForm("陕坝光伏项目", "2026-150826-44-01-000001"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await Json(created);
        var id = body.GetProperty("id").GetInt64();
        Assert.Equal(1, body.GetProperty("version").GetInt64());
        Assert.Equal("prohibited", body.GetProperty("verdict").GetString());
        Assert.Equal($"/api/records/{id}", created.Headers.Location?.ToString());

        var smaller = Encoding.UTF8.GetBytes(File.ReadAllText(RecordsTestData.Sample).Replace("106.82", "106.76", StringComparison.Ordinal));
        var second = await client.PostAsync($"/api/records/{id}/versions", RecordsTestData.SaveForm("陕坝光伏项目", file: smaller));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(2, (await Json(second)).GetProperty("version").GetInt64());

        var record = await Json(await client.GetAsync($"/api/records/{id}"));
        Assert.Equal(2, record.GetProperty("version").GetInt64());
        Assert.Equal(2, record.GetProperty("versions").GetArrayLength());
        Assert.False(record.GetProperty("dataUpdated").GetBoolean());
        var latest = record.GetProperty("latest");
        Assert.Equal("陕坝光伏项目", latest.GetProperty("projectName").GetString());
        Assert.Equal("2026-150826-44-01-000001", latest.GetProperty("projectCode").GetString());
        Assert.Equal("巴彦淖尔某能源有限公司", latest.GetProperty("builder").GetString());
        Assert.Equal("local", latest.GetProperty("user").GetString());
        Assert.Equal("energy", latest.GetProperty("report").GetProperty("project").GetProperty("kind").GetString());

        var v1 = await Json(await client.GetAsync($"/api/records/{id}/versions/1"));
        Assert.Equal(1, v1.GetProperty("version").GetInt64());
        var pdf = await client.GetAsync($"/api/records/{id}/versions/1/report.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(RecordsTestData.Sample), await client.GetByteArrayAsync($"/api/records/{id}/versions/1/footprint"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/records/{id}/versions/9")).StatusCode);

        var list = await Json(await client.GetAsync("/api/records?q=" + Uri.EscapeDataString("陕坝")));
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(0, (await Json(await client.GetAsync("/api/records?verdict=clear"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AGeoJsonBodyWithQueryFieldsSavesAndAMissingNameIsA400ThatSaysSo()
    {
        using var factory = new RecordsAppFactory(_data.Path);
        using var client = factory.CreateClient();
        var geojson = await File.ReadAllTextAsync(RecordsTestData.Sample);

        var saved = await client.PostAsync("/api/records?projectCode=NM-7&type=energy", new StringContent(geojson, Encoding.UTF8, "application/geo+json"));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);

        var unnamed = geojson.Replace("\"name\": \"测试光伏项目\", ", string.Empty, StringComparison.Ordinal);
        var refused = await client.PostAsync("/api/records", new StringContent(unnamed, Encoding.UTF8, "application/geo+json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("projectName", (await Json(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThereIsNoDeleteAndAWithdrawalIsAnAppendedEventWithItsReason()
    {
        using var factory = new RecordsAppFactory(_data.Path);
        using var client = factory.CreateClient();
        var id = (await Json(await client.PostAsync("/api/records", RecordsTestData.SaveForm("将撤回的项目")))).GetProperty("id").GetInt64();

        foreach (var method in new[] { HttpMethod.Delete, HttpMethod.Put, HttpMethod.Patch })
        {
            var response = await client.SendAsync(new HttpRequestMessage(method, $"/api/records/{id}"));
            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/records/{id}/withdraw", new { reason = " " })).StatusCode);
        var withdrawn = await client.PostAsJsonAsync($"/api/records/{id}/withdraw", new { reason = "建设单位撤回申请" });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/records/{id}/withdraw", new { reason = "again" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/records/{id}/recheck", null)).StatusCode);
        var missing = await client.PostAsync("/api/records/999/recheck", null);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        var record = await Json(await client.GetAsync($"/api/records/{id}"));
        Assert.Equal("建设单位撤回申请", record.GetProperty("withdrawn").GetProperty("reason").GetString());
        Assert.Equal("prohibited", record.GetProperty("latest").GetProperty("verdict").GetString());
        Assert.Equal(1, (await Json(await client.GetAsync("/api/records"))).GetProperty("total").GetInt32());
        Assert.Equal(0, (await Json(await client.GetAsync("/api/records?live=true"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AfterTheRedLineMovedTheRecordSaysSoAndARecheckAppendsTheNewVerdict()
    {
        long id;
        using (var before = new RecordsAppFactory(_data.Path))
        using (var client = before.CreateClient())
        {
            id = (await Json(await client.PostAsync("/api/records", RecordsTestData.SaveForm("测试光伏项目")))).GetProperty("id").GetInt64();
        }

        var layer = Path.Combine(_data.Path, "layers", "eco-redline.geojson");
        File.WriteAllText(layer, File.ReadAllText(layer).Replace("106.78", "106.66", StringComparison.Ordinal));
        using var after = new RecordsAppFactory(_data.Path);
        using var updated = after.CreateClient();

        var record = await Json(await updated.GetAsync($"/api/records/{id}"));
        Assert.True(record.GetProperty("dataUpdated").GetBoolean());
        Assert.Equal("数据已更新：结论可能变化", record.GetProperty("noticeZh").GetString());
        var list = await Json(await updated.GetAsync("/api/records"));
        Assert.Equal(1, list.GetProperty("affected").GetInt32());
        Assert.Equal("数据已更新：结论可能变化", list.GetProperty("records")[0].GetProperty("noticeZh").GetString());
        // One answer everywhere: the CLI's list of the same store is the same JSON, field for field.
        var cli = CliInProcess.Run("records", "list", "--format", "json", "--data", _data.Path);
        Assert.True(cli.Code == 0, cli.Stderr);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(list.GetRawText()), System.Text.Json.Nodes.JsonNode.Parse(cli.Stdout)),
            $"web: {list.GetRawText()}\ncli: {cli.Stdout}");

        var recheck = await Json(await updated.PostAsync($"/api/records/{id}/recheck", null));

        Assert.True(recheck.GetProperty("changed").GetBoolean());
        Assert.Equal("prohibited", recheck.GetProperty("oldVerdict").GetString());
        Assert.Equal("advisory", recheck.GetProperty("newVerdict").GetString());
        Assert.Equal(2, recheck.GetProperty("newVersion").GetInt64());
        var now = await Json(await updated.GetAsync($"/api/records/{id}"));
        Assert.False(now.GetProperty("dataUpdated").GetBoolean());
        Assert.Equal("recheck", now.GetProperty("latest").GetProperty("reason").GetString());
        Assert.Equal(0, (await Json(await updated.GetAsync("/api/records"))).GetProperty("affected").GetInt32());
    }

    [Fact]
    public async Task EveryCheckAndExportIsInTheAuditTrailWithTheFilesHashAndTheChainHolds()
    {
        using (var factory = new RecordsAppFactory(_data.Path))
        using (var client = factory.CreateClient())
        {
            var geojson = await File.ReadAllTextAsync(RecordsTestData.Sample);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/checks", new StringContent(geojson, Encoding.UTF8, "application/geo+json"))).StatusCode);
            using var csvForm = new MultipartFormDataContent { { new ByteArrayContent(File.ReadAllBytes(RecordsTestData.Sample)), "file", "solar-test.geojson" } };
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/checks?format=csv", csvForm)).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/checks", new StringContent("{\"type\":", Encoding.UTF8, "application/geo+json"))).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/records", RecordsTestData.SaveForm("测试光伏项目"))).StatusCode);
        }

        using var store = RecordStore.Open(StoreLocation.Embedded(_data.Path));
        var log = new AuditLog(store);
        var entries = log.Entries();
        var fileHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(RecordsTestData.Sample)));
        Assert.Equal([AuditActions.Check, AuditActions.Export, AuditActions.Check, AuditActions.RecordSave], entries.Select(e => e.Action));
        Assert.Equal(fileHash, entries[0].InputsSha256);
        Assert.Equal(fileHash, entries[1].InputsSha256);
        Assert.Contains("\"status\":400", entries[2].Detail, StringComparison.Ordinal);
        Assert.Equal(fileHash, entries[3].InputsSha256);
        Assert.All(entries, e => Assert.Equal("local", e.User));
        Assert.True(log.Verify().Intact);
    }

    [Fact]
    public async Task AReadOnlyRecordsFolderGivesSaving503WithTheReasonWhileChecksGoOn()
    {
        Directory.CreateDirectory(_data.Records);
        using (_data.Unwritable(_data.Records))
        {
            using var factory = new RecordsAppFactory(_data.Path);
            using var client = factory.CreateClient();

            var save = await client.PostAsync("/api/records", RecordsTestData.SaveForm("测试光伏项目"));
            var check = await client.PostAsync("/api/checks", new StringContent(await File.ReadAllTextAsync(RecordsTestData.Sample), Encoding.UTF8, "application/geo+json"));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, save.StatusCode);
            Assert.Equal("application/problem+json", save.Content.Headers.ContentType?.MediaType);
            var detail = (await Json(save)).GetProperty("detail").GetString();
            Assert.Contains("只读", detail, StringComparison.Ordinal);
            Assert.Contains("核查照常可用", detail, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, check.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/api/records")).StatusCode);
        }

        // Made writable again, the same app process opens it at its next attempt (RecordsHost.RetryAfter); a new one saves at once.
        using var writable = new RecordsAppFactory(_data.Path);
        Assert.Equal(HttpStatusCode.Created, (await writable.CreateClient().PostAsync("/api/records", RecordsTestData.SaveForm("测试光伏项目"))).StatusCode);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
