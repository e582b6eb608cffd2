using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SpatialPlan.Cli.Tests;

/// <summary>
/// <c>spatialplan records|recheck|audit</c> in-process over a copy of the app tests' small data folder, whose
/// records/ store each test has to itself: save, versions, withdraw (no delete), recheck after a changed layer (JSON
/// and CSV), audit verify (0, then 3 after a row is changed directly in SQLite) and export.
/// </summary>
public sealed class RecordsCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("spatialplan-cli-records-").FullName;
    private readonly string _data;
    private readonly string _sample;

    public RecordsCommandTests()
    {
        var fixture = Path.Combine(TestDataDirectory.RepoRoot, "tests", "SpatialPlan.App.Tests", "TestData", "gis-data");
        _data = Path.Combine(_root, "gis-data");
        // Not the fixture's own records/ store: other tests check against the fixture, and every check is logged there.
        foreach (var file in Directory.EnumerateFiles(fixture, "*", SearchOption.AllDirectories).Where(f => !System.IO.Path.GetRelativePath(fixture, f).StartsWith("records", StringComparison.Ordinal)))
        {
            var target = Path.Combine(_data, Path.GetRelativePath(fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        _sample = Path.Combine(_data, "samples", "projects", "solar-test.geojson");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void SaveListShowAndWithdrawKeepEveryVersionAndThereIsNoDelete()
    {
        var saved = Json(Run("records", "save", _sample, "--builder", "某能源公司", "--project-code", "2026-150826-44-01-000001"));
        Assert.Equal(1, saved.GetProperty("id").GetInt64());
        Assert.Equal(1, saved.GetProperty("version").GetInt64());
        Assert.Equal("prohibited", saved.GetProperty("verdict").GetString());

        var smaller = Path.Combine(_root, "smaller.geojson");
        File.WriteAllText(smaller, File.ReadAllText(_sample).Replace("106.82", "106.76", StringComparison.Ordinal));
        var second = Json(Run("records", "save", smaller, "--record", "1"));
        Assert.Equal(2, second.GetProperty("version").GetInt64());

        var list = Json(Run("records", "list", "--format", "json"));
        var line = Assert.Single(list.GetProperty("records").EnumerateArray());
        Assert.Equal(2, line.GetProperty("version").GetInt64());
        Assert.Equal("测试光伏项目", line.GetProperty("projectName").GetString());
        Assert.Equal("2026-150826-44-01-000001", line.GetProperty("projectCode").GetString()); // kept from version 1
        Assert.Equal(Environment.UserName, line.GetProperty("user").GetString());
        Assert.Equal(0, list.GetProperty("affected").GetInt32());

        var show = Json(Run("records", "show", "1", "--version", "1", "--format", "json"));
        Assert.Equal(1, show.GetProperty("version").GetInt64());
        Assert.Equal(2, show.GetProperty("versions").GetArrayLength());
        Assert.Equal("prohibited", show.GetProperty("report").GetProperty("verdict").GetString());

        var noReason = CliRun.Of("records", "withdraw", "1", "--data", _data);
        Assert.Equal(2, noReason.ExitCode);
        Assert.Contains("原因", noReason.Stderr, StringComparison.Ordinal);
        Run("records", "withdraw", "1", "--reason", "建设单位撤回申请");
        Assert.True(Json(Run("records", "list", "--format", "json")).GetProperty("records")[0].GetProperty("withdrawn").GetBoolean());
        Assert.Empty(Json(Run("records", "list", "--live", "--format", "json")).GetProperty("records").EnumerateArray());

        var delete = CliRun.Of("records", "delete", "1", "--data", _data);
        Assert.Equal(2, delete.ExitCode);
        Assert.False(delete.HasStackTrace, delete.Stderr);
        Assert.Equal(2, Json(Run("records", "show", "1", "--format", "json")).GetProperty("versions").GetArrayLength());
    }

    [Fact]
    public void RecheckAfterTheRedLineMovedListsTheChangedRecordOldBesideNewAndAppendsAVersion()
    {
        Run("records", "save", _sample);
        var same = Json(Run("recheck", "--format", "json"));
        Assert.Empty(same.GetProperty("changed").EnumerateArray());
        Assert.Equal(1, same.GetProperty("unchanged").GetInt32());

        var layer = Path.Combine(_data, "layers", "eco-redline.geojson");
        File.WriteAllText(layer, File.ReadAllText(layer).Replace("106.78", "106.66", StringComparison.Ordinal));
        var before = Json(Run("records", "list", "--format", "json"));
        Assert.Equal(1, before.GetProperty("affected").GetInt32());
        Assert.Equal("数据已更新：结论可能变化", before.GetProperty("records")[0].GetProperty("noticeZh").GetString());

        var result = Json(Run("recheck", "--format", "json"));

        var changed = Assert.Single(result.GetProperty("changed").EnumerateArray());
        Assert.Equal(1, changed.GetProperty("id").GetInt64());
        Assert.Equal("prohibited", changed.GetProperty("oldVerdict").GetString());
        Assert.Equal("advisory", changed.GetProperty("newVerdict").GetString());
        Assert.Equal(2, changed.GetProperty("newVersion").GetInt64());
        Assert.Contains(changed.GetProperty("changes").EnumerateArray(), c => c.GetProperty("zone").GetString() == "eco-redline" && c.GetProperty("what").GetString() == "overlapAreaM2");
        Assert.Equal(0, result.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, Json(Run("records", "list", "--format", "json")).GetProperty("affected").GetInt32());

        var again = Run("recheck", "--format", "csv");
        Assert.Single(again.Split('\n', StringSplitOptions.RemoveEmptyEntries)); // the header only: nothing changed
        var table = Run("recheck");
        Assert.Contains("0 个项目有变化，1 个无变化", table, StringComparison.Ordinal);
    }

    [Fact]
    public void AuditVerifyHoldsThenNamesTheEntryChangedDirectlyInSqliteWithExitThree()
    {
        Run("records", "save", _sample);
        Run("records", "save", _sample, "--name", "第二个项目");
        Run("records", "withdraw", "1", "--reason", "撤回");
        var ok = CliRun.Of("audit", "verify", "--data", _data);
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("留痕完整：3 条", ok.Stdout, StringComparison.Ordinal);

        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "records", "records.sqlite")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TRIGGER audit_log_append_only_update; UPDATE audit_log SET target = 'record 1 v9' WHERE seq = 2";
            command.ExecuteNonQuery();
        }

        var broken = CliRun.Of("audit", "verify", "--data", _data);
        Assert.Equal(3, broken.ExitCode);
        Assert.Contains("第 2 条", broken.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, JsonDocument.Parse(broken.Stdout).RootElement.GetProperty("firstBrokenSeq").GetInt64());
    }

    [Fact]
    public void AuditExportWritesTheEntriesOfTheDatesAsCsv()
    {
        Run("records", "save", _sample);
        var today = DateTime.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var csv = Run("audit", "export", "--from", today, "--to", today);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("seq,at_utc,at_local,user,action,target,inputs_sha256,detail,prev_hash,hash", lines[0]);
        Assert.StartsWith("1,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",record.save,record 1 v1,", lines[1], StringComparison.Ordinal);

        var file = Path.Combine(_root, "audit.csv");
        Run("audit", "export", "--from", "2999-01-01", "--out", file);
        Assert.Single(File.ReadAllLines(file));
        var bad = CliRun.Of("audit", "export", "--from", "29.11.2026", "--data", _data);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("yyyy-MM-dd", bad.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryCheckSavedOrNotIsInTheAuditTrailWithTheFilesHash()
    {
        var check = CliRun.Of("check", _sample, "--format", "json", "--data", _data);
        Assert.Equal(20, check.ExitCode);
        Assert.Equal(string.Empty, check.Stderr);

        var csv = Run("audit", "export").TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(_sample)));
        Assert.StartsWith($"1,", csv[1], StringComparison.Ordinal);
        Assert.Contains($",check,check solar-test.geojson,{hash},", csv[1], StringComparison.Ordinal);
        Assert.Contains("prohibited", csv[1], StringComparison.Ordinal);
        Assert.Equal(Environment.UserName, csv[1].Split(',')[3]);
    }

    [Fact]
    public void BadRecordIdsAndConnectionStringsGetAMessageAndExitTwo()
    {
        var missing = CliRun.Of("records", "show", "42", "--data", _data);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("台账 42 不存在", missing.Stderr, StringComparison.Ordinal);
        var notId = CliRun.Of("records", "show", "abc", "--data", _data);
        Assert.Equal(2, notId.ExitCode);
        var database = CliRun.Of("records", "list", "--database", "nonsense", "--data", _data);
        Assert.Equal(2, database.ExitCode);
        Assert.Contains("Host=", database.Stderr, StringComparison.Ordinal);
        var unreachable = CliRun.Of("records", "list", "--database", "Host=127.0.0.1;Port=1;Database=x;Username=y;Timeout=2", "--data", _data);
        Assert.Equal(2, unreachable.ExitCode);
        Assert.Contains("台账库不可用", unreachable.Stderr, StringComparison.Ordinal);
        Assert.False(unreachable.HasStackTrace, unreachable.Stderr);
    }

    private string Run(params string[] args)
    {
        var run = CliRun.Of([.. args, "--data", _data]);
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        return run.Stdout;
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
