using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SpatialPlan.Records.Auditing;
using SpatialPlan.Records.Store;
using Xunit.Abstractions;

namespace SpatialPlan.App.Tests;

/// <summary>
/// kill -9 during a burst of saves (issue 11 §7): the app as a process, six clients saving at once, SIGKILL mid-burst,
/// a restart over the same folder. Every record answered 201 is there with its version and verdict, the SQLite file
/// passes its integrity check, and the audit chain verifies.
/// </summary>
[Trait("Category", "Slow")]
public sealed class RecordsCrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly RecordsTestData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task EveryRecordAcknowledgedBeforeAKillNineIsThereAfterTheRestart()
    {
        var acknowledged = new ConcurrentDictionary<long, string>();
        var sample = await File.ReadAllBytesAsync(RecordsTestData.Sample);
        var phases = Stopwatch.StartNew();
        var app = AppProcess.Start(_data.Path);
        output.WriteLine($"started in {phases.ElapsedMilliseconds} ms");
        var killed = false;
        try
        {
            Assert.False(app.HasExited, app.Stderr);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            var clients = Enumerable.Range(0, 6).Select(c => Task.Run(async () =>
            {
                using var client = app.Client();
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        using var form = RecordsTestData.SaveForm($"突发保存 {c}-{i}", $"C{c}-{i}", sample);
                        var response = await client.PostAsync("/api/records", form, stop.Token);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(stop.Token)).RootElement;
                            acknowledged[body.GetProperty("id").GetInt64()] = $"突发保存 {c}-{i}";
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                    {
                        return; // the server is gone
                    }
                }
            })).ToList();

            // Kill it while saves are in flight: after a few acknowledgements, not at a quiet moment.
            var clock = Stopwatch.StartNew();
            while (acknowledged.Count < 4 && clock.Elapsed < TimeSpan.FromSeconds(75))
            {
                await Task.Delay(20);
            }

            await Task.Delay(150);
            output.WriteLine($"killed at {phases.ElapsedMilliseconds} ms with {acknowledged.Count} acknowledged");
            app.Dispose(); // Process.Kill: SIGKILL
            killed = true;
            await stop.CancelAsync();
            await Task.WhenAll(clients);
        }
        finally
        {
            if (!killed)
            {
                app.Dispose();
            }
        }

        output.WriteLine($"acknowledged before the kill: {acknowledged.Count}");
        Assert.True(acknowledged.Count >= 4, $"only {acknowledged.Count} saves were acknowledged before the kill");

        using (var restarted = AppProcess.Start(_data.Path))
        {
            output.WriteLine($"restarted at {phases.ElapsedMilliseconds} ms");
            Assert.False(restarted.HasExited, restarted.Stderr);
            using var client = restarted.Client();
            foreach (var (id, name) in acknowledged)
            {
                var response = await client.GetAsync($"/api/records/{id}");
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"record {id} ({name}) was acknowledged with 201 but is gone: {response.StatusCode}");
                var record = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                Assert.Equal(name, record.GetProperty("latest").GetProperty("projectName").GetString());
                Assert.Equal("prohibited", record.GetProperty("latest").GetProperty("verdict").GetString());
            }
        }

        output.WriteLine($"all found at {phases.ElapsedMilliseconds} ms");
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_data.Records, StoreLocation.FileName)};Pooling=False"))
        {
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", check.ExecuteScalar());
        }

        using var store = RecordStore.Open(StoreLocation.Embedded(_data.Path));
        var verification = new AuditLog(store).Verify();
        Assert.True(verification.Intact, verification.ToString());
    }
}
