using System.Net;
using System.Text.Json;
using SpatialPlan.Records.Auditing;
using SpatialPlan.Records.Store;
using SpatialPlan.TestSupport;

namespace SpatialPlan.App.Tests;

/// <summary>
/// Two app processes, each over its own copy of the same data folder, on one PostgreSQL database (a throw-away cluster):
/// they give the same answers (the same check report, the same data version) and see the same records; saves from both
/// at once get distinct ids and one unbroken audit chain (the writers share PostgreSQL's advisory lock). Skipped, saying
/// why, where PostgreSQL is not installed.
/// </summary>
[Trait("Category", "Slow")]
public sealed class TwoInstancesTests : IDisposable
{
    private readonly RecordsTestData _first = new();
    private readonly RecordsTestData _second = new();

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    [SkippableFact]
    public async Task TwoInstancesOnOnePostgresSeeTheSameRecordsAndGiveTheSameAnswers()
    {
        using var cluster = PostgresCluster.Start(out var skipReason);
        Skip.If(cluster is null, skipReason);
        var database = cluster.CreateDatabase("two_instances");
        using var a = AppProcess.Start(_first.Path, $"--SpatialPlan:Database={database}");
        using var b = AppProcess.Start(_second.Path, $"--SpatialPlan:Database={database}");
        Assert.False(a.HasExited, a.Stderr);
        Assert.False(b.HasExited, b.Stderr);
        using var ca = a.Client();
        using var cb = b.Client();

        // The same answers: the same check, the same data version.
        var reportA = await Json(await ca.PostAsync("/api/checks", RecordsTestData.SaveForm("同一个项目")));
        var reportB = await Json(await cb.PostAsync("/api/checks", RecordsTestData.SaveForm("同一个项目")));
        Assert.Equal(reportA.GetProperty("verdict").GetString(), reportB.GetProperty("verdict").GetString());
        Assert.Equal(reportA.GetProperty("zones").ToString(), reportB.GetProperty("zones").ToString());
        Assert.Equal(reportA.GetProperty("footprint").GetProperty("areaM2").GetDouble(), reportB.GetProperty("footprint").GetProperty("areaM2").GetDouble());
        var healthA = await Json(await ca.GetAsync("/healthz"));
        var healthB = await Json(await cb.GetAsync("/healthz"));
        Assert.Equal("postgres", healthA.GetProperty("store").GetProperty("dialect").GetString());
        Assert.Equal(healthA.GetProperty("dataVersion").GetString(), healthB.GetProperty("dataVersion").GetString());

        // The same records: saved on A, read on B; a version saved on B, read on A.
        var saved = await Json(await ca.PostAsync("/api/records", RecordsTestData.SaveForm("两台服务器共用的项目", "2026-150826-44-01-000100")));
        var id = saved.GetProperty("id").GetInt64();
        var onB = await Json(await cb.GetAsync($"/api/records/{id}"));
        Assert.Equal("两台服务器共用的项目", onB.GetProperty("latest").GetProperty("projectName").GetString());
        Assert.Equal(saved.GetProperty("verdict").GetString(), onB.GetProperty("latest").GetProperty("verdict").GetString());
        var smaller = System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(RecordsTestData.Sample).Replace("106.82", "106.76", StringComparison.Ordinal));
        Assert.Equal(2, (await Json(await cb.PostAsync($"/api/records/{id}/versions", RecordsTestData.SaveForm("两台服务器共用的项目", file: smaller)))).GetProperty("version").GetInt64());
        Assert.Equal(2, (await Json(await ca.GetAsync($"/api/records/{id}"))).GetProperty("versions").GetArrayLength());

        // Saves from both at once: distinct ids, both lists equal, one audit chain.
        var burst = Enumerable.Range(0, 8).Select(async i =>
        {
            var client = i % 2 == 0 ? ca : cb;
            return (await Json(await client.PostAsync("/api/records", RecordsTestData.SaveForm($"并发项目 {i}")))).GetProperty("id").GetInt64();
        });
        var ids = await Task.WhenAll(burst);
        Assert.Equal(8, ids.Distinct().Count());
        var listA = await Json(await ca.GetAsync("/api/records"));
        var listB = await Json(await cb.GetAsync("/api/records"));
        Assert.Equal(9, listA.GetProperty("total").GetInt32());
        Assert.Equal(Ids(listA), Ids(listB));

        using var store = RecordStore.Open(StoreLocation.Postgres(database));
        var verification = new AuditLog(store).Verify();
        Assert.True(verification.Intact, verification.ToString());
    }

    private static long[] Ids(JsonElement list) => [.. list.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).Order()];

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
