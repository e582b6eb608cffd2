using System.Text.Json;
using SpatialPlan.Core.Checks;
using SpatialPlan.Records.Auditing;
using SpatialPlan.Records.Book;
using SpatialPlan.Records.Store;

namespace SpatialPlan.Records.Tests;

/// <summary>
/// The one records suite, run against the embedded SQLite store (<see cref="SqliteStoreTests"/>) and PostgreSQL
/// (<see cref="PostgresStoreTests"/>): versions, append-only tables, withdrawals, the audit chain and its tampering,
/// re-checks after a changed layer, search, concurrent saves.
/// </summary>
public abstract class StoreSuite : IDisposable
{
    private static readonly Actor Planner = new("wang.planner", "os");

    protected StoreSuite()
    {
        Data = new DataFolder();
    }

    protected DataFolder Data { get; }

    /// <summary>A new, empty store location (skips the test when the store cannot exist here).</summary>
    protected abstract StoreLocation NewLocation();

    /// <summary>Runs SQL directly on the store, the way someone with the database file or a SQL console could.</summary>
    protected abstract void Raw(StoreLocation location, string sql);

    /// <summary>Runs SQL with the append-only triggers out of the way (a determined tamperer with full access).</summary>
    protected abstract void Tamper(StoreLocation location, string table, string sql);

    public virtual void Dispose()
    {
        Data.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public void ASaveIsVersionOneAndAChangedFootprintAppendsVersionTwoKeepingTheFirst()
    {
        using var store = RecordStore.Open(NewLocation());
        var book = new RecordBook(store);
        var maker = Data.Maker();

        var first = book.Save(Draft(maker, "测试光伏项目", "NM-2026-001"), Planner);
        var smaller = File.ReadAllText(DataFolder.SamplePath).Replace("106.82", "106.76", StringComparison.Ordinal);
        var second = book.Save(maker.Draft(maker.Check(System.Text.Encoding.UTF8.GetBytes(smaller), "solar-smaller.geojson", Given("测试光伏项目", "NM-2026-001"))),
            Planner, first.Id, VersionReasons.Footprint);

        Assert.Equal(1, first.Version);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(2, second.Version);
        Assert.Equal("prohibited", first.Verdict);
        var detail = book.Get(first.Id)!;
        Assert.Equal(2, detail.Latest.Version);
        Assert.Equal([1L, 2L], detail.Versions.Select(v => v.Version));
        Assert.Equal(["save", "footprint"], detail.Versions.Select(v => v.Reason));
        var v1 = book.GetVersion(first.Id, 1, withFiles: true)!;
        Assert.Equal(File.ReadAllBytes(DataFolder.SamplePath), v1.SourceFile);
        Assert.Equal("solar-test.geojson", v1.SourceFileName);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(v1.ReportPdf!, 0, 5), StringComparison.Ordinal);
        Assert.Equal("energy", v1.Kind);
        Assert.Equal("EPSG:4490", v1.SourceCrs);
        Assert.Equal("wang.planner", v1.User);
        Assert.Equal(maker.DataVersion, v1.DataVersion);
        Assert.Equal(maker.SiteCheck.Policy.PolicyVersion, v1.PolicyVersion);
        using var dates = JsonDocument.Parse(v1.DataDates);
        Assert.True(dates.RootElement.GetProperty("layers").TryGetProperty("eco-redline", out _));
        Assert.Equal("Polygon", JsonDocument.Parse(v1.FootprintGeoJson).RootElement.GetProperty("type").GetString());
        Assert.Contains("106.82", v1.ReportJson, StringComparison.Ordinal);
        Assert.DoesNotContain("106.82", book.GetVersion(first.Id, 2)!.ReportJson, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void TheStoreRefusesUpdateAndDeleteOnEveryAppendOnlyTable()
    {
        var location = NewLocation();
        using (var store = RecordStore.Open(location))
        {
            var book = new RecordBook(store);
            var saved = book.Save(Draft(Data.Maker(), "测试光伏项目"), Planner);
            book.Withdraw(saved.Id, "建设单位撤回申请", Planner);
        }

        foreach (var sql in new[]
        {
            "UPDATE records SET created_by = 'x'", "DELETE FROM records",
            "UPDATE record_versions SET verdict = 'clear'", "DELETE FROM record_versions",
            "UPDATE record_events SET reason = 'x'", "DELETE FROM record_events",
            "UPDATE audit_log SET user_name = 'x'", "DELETE FROM audit_log",
        })
        {
            var e = Assert.ThrowsAny<Exception>(() => Raw(location, sql));
            Assert.Contains("append-only", e.Message, StringComparison.Ordinal);
        }

        using var reopened = RecordStore.Open(location);
        var detail = new RecordBook(reopened).Get(1)!;
        Assert.Equal("prohibited", detail.Latest.Verdict);
        Assert.NotNull(detail.Withdrawn);
        Assert.True(new AuditLog(reopened).Verify().Intact);
    }

    [SkippableFact]
    public void AWithdrawnRecordIsMarkedWithItsReasonAndTakesNoMoreVersions()
    {
        using var store = RecordStore.Open(NewLocation());
        var book = new RecordBook(store);
        var maker = Data.Maker();
        var saved = book.Save(Draft(maker, "测试光伏项目"), Planner);

        Assert.Throws<Core.Sources.InputException>(() => book.Withdraw(saved.Id, "  ", Planner));
        var withdrawn = book.Withdraw(saved.Id, "建设单位撤回申请", Planner);

        Assert.Equal("withdrawn", withdrawn.Kind);
        Assert.Equal("建设单位撤回申请", book.Get(saved.Id)!.Withdrawn!.Reason);
        Assert.Throws<RecordConflictException>(() => book.Withdraw(saved.Id, "again", Planner));
        Assert.Throws<RecordConflictException>(() => book.Save(Draft(maker, "测试光伏项目"), Planner, saved.Id, VersionReasons.Footprint));
        Assert.Throws<RecordNotFoundException>(() => book.Withdraw(999, "no such", Planner));
        var line = Assert.Single(book.List());
        Assert.True(line.Withdrawn);
        Assert.Empty(book.List(new RecordQuery(IncludeWithdrawn: false)));
        Assert.Single(book.Get(saved.Id)!.Versions);
    }

    [SkippableFact]
    public void TheAuditChainHoldsAndNamesWhoDidWhatWithWhichInputs()
    {
        using var store = RecordStore.Open(NewLocation());
        var book = new RecordBook(store);
        var log = new AuditLog(store);
        log.Append(new AuditDraft(AuditActions.Check, "POST /api/checks", new string('a', 64), "{\"verdict\":\"clear\"}"), Actor.Loopback);
        var saved = book.Save(Draft(Data.Maker(), "测试光伏项目"), Planner);
        book.Withdraw(saved.Id, "撤回", Planner);

        var entries = log.Entries();
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Seq));
        Assert.Equal(AuditHash.Genesis, entries[0].PrevHash);
        Assert.Equal(entries[0].Hash, entries[1].PrevHash);
        Assert.Equal(entries[1].Hash, entries[2].PrevHash);
        Assert.Equal(["local", "wang.planner", "wang.planner"], entries.Select(e => e.User));
        Assert.Equal([AuditActions.Check, AuditActions.RecordSave, AuditActions.RecordWithdraw], entries.Select(e => e.Action));
        Assert.Equal($"record {saved.Id} v1", entries[1].Target);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(DataFolder.SamplePath))), entries[1].InputsSha256);
        Assert.Equal(saved.AuditSeq, entries[1].Seq);
        var verification = log.Verify();
        Assert.True(verification.Intact, verification.ToString());
        Assert.Equal(3, verification.Entries);
    }

    [SkippableFact]
    public void AnAuditRowChangedInTheDatabaseIsNamedByVerify()
    {
        var location = NewLocation();
        using var store = RecordStore.Open(location);
        var log = new AuditLog(store);
        for (var i = 1; i <= 5; i++)
        {
            log.Append(new AuditDraft(AuditActions.Check, $"check {i}", new string('b', 64)), Planner);
        }

        Tamper(location, "audit_log", "UPDATE audit_log SET user_name = 'someone.else' WHERE seq = 3");

        var verification = log.Verify();
        Assert.False(verification.Intact);
        Assert.Equal(3, verification.FirstBrokenSeq);
        Assert.Contains("第 3 条", verification.ProblemZh, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void ADeletedAuditRowAndARehashedRowAreBothFound()
    {
        var location = NewLocation();
        using var store = RecordStore.Open(location);
        var log = new AuditLog(store);
        for (var i = 1; i <= 4; i++)
        {
            log.Append(new AuditDraft(AuditActions.Export, $"export {i}", new string('c', 64)), Planner);
        }

        // Rewriting entry 2 with a correct hash of its new content still breaks entry 3's link to it.
        var e2 = log.Entries()[1];
        var forged = AuditHash.Compute(2, e2.At, "intruder", e2.Action, e2.Target, e2.InputsSha256, e2.Detail, e2.PrevHash);
        Tamper(location, "audit_log", $"UPDATE audit_log SET user_name = 'intruder', hash = '{forged}' WHERE seq = 2");
        Assert.Equal(3, log.Verify().FirstBrokenSeq);

        Tamper(location, "audit_log", "DELETE FROM audit_log WHERE seq = 1");
        var verification = log.Verify();
        Assert.False(verification.Intact);
        Assert.Equal(1, verification.FirstBrokenSeq);
    }

    [SkippableFact]
    public void ARecordChangedBehindTheStoresBackIsFoundByVerify()
    {
        var location = NewLocation();
        using var store = RecordStore.Open(location);
        var book = new RecordBook(store);
        var saved = book.Save(Draft(Data.Maker(), "测试光伏项目"), Planner);
        Assert.True(new AuditLog(store).Verify().Intact);

        Tamper(location, "record_versions", "UPDATE record_versions SET report_json = replace(report_json, 'prohibited', 'clear')");

        var verification = new AuditLog(store).Verify();
        Assert.False(verification.Intact);
        Assert.Equal(saved.AuditSeq, verification.FirstBrokenSeq);
        Assert.Contains("报告 JSON", verification.ProblemZh, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void ARecordVersionDeletedBehindTheStoresBackIsFoundByVerify()
    {
        var location = NewLocation();
        using var store = RecordStore.Open(location);
        var book = new RecordBook(store);
        var maker = Data.Maker();
        book.Save(Draft(maker, "第一个项目"), Planner);
        var second = book.Save(Draft(maker, "第二个项目"), Planner);

        Tamper(location, "record_versions", $"DELETE FROM record_versions WHERE record_id = {second.Id}");

        var verification = new AuditLog(store).Verify();
        Assert.False(verification.Intact);
        Assert.Equal(second.AuditSeq, verification.FirstBrokenSeq);
        Assert.Contains("被删除", verification.ProblemZh, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void TheSearchTakesItsTextLiterally()
    {
        using var store = RecordStore.Open(NewLocation());
        var book = new RecordBook(store);
        var maker = Data.Maker();
        book.Save(Draft(maker, "100%_光伏项目", "Code-X"), Planner);
        book.Save(Draft(maker, "另一个项目", "code-y"), Planner);

        Assert.Single(book.List(new RecordQuery("%_")));
        Assert.Empty(book.List(new RecordQuery("0_%")));
        Assert.Equal(2, book.List(new RecordQuery("CODE-")).Count); // case folded the same way in both stores
    }

    [SkippableFact]
    public void ARecheckAfterTheRedLineMovedAppendsAVersionWithTheNewVerdictAndListsOldBesideNew()
    {
        using var store = RecordStore.Open(NewLocation());
        var book = new RecordBook(store);
        var saved = book.Save(Draft(Data.Maker(), "测试光伏项目", "NM-2026-007"), Planner);
        var unchanged = new Rechecker(book, Data.Maker()).RecheckAll(Planner);
        Assert.Empty(unchanged.Changed);
        Assert.Equal(1, unchanged.Unchanged);
        Assert.Single(book.Get(saved.Id)!.Versions);

        Data.MoveRedLineAway();
        var maker = Data.Maker();
        Assert.True(book.Get(saved.Id)!.DataUpdated(maker.DataVersion));
        Assert.Equal(1, book.List(currentDataVersion: maker.DataVersion).Count(r => r.DataUpdated));
        var summary = new Rechecker(book, maker).RecheckAll(Planner);

        var changed = Assert.Single(summary.Changed);
        Assert.Equal(0, summary.Unchanged);
        Assert.Equal(saved.Id, changed.Id);
        Assert.Equal("prohibited", changed.OldVerdict);
        Assert.NotEqual("prohibited", changed.NewVerdict);
        Assert.Equal(2, changed.NewVersion);
        Assert.Contains(changed.Changes, c => c.Zone == "eco-redline" && c.What == "overlapAreaM2");
        Assert.Contains(changed.Changes, c => c.Zone is null && c.What == "verdict");
        var detail = book.Get(saved.Id)!;
        Assert.Equal("recheck", detail.Latest.Reason);
        Assert.Equal(changed.NewVerdict, detail.Latest.Verdict);
        Assert.Equal(maker.DataVersion, detail.Latest.DataVersion);
        Assert.False(detail.DataUpdated(maker.DataVersion));
        Assert.Equal("NM-2026-007", detail.Latest.ProjectCode);

        // Re-checking again against the same data changes nothing and appends no version.
        var again = new Rechecker(book, maker).RecheckAll(Planner);
        Assert.Empty(again.Changed);
        Assert.Equal(2, book.Get(saved.Id)!.Latest.Version);
        Assert.True(new AuditLog(store).Verify().Intact);
    }

    [SkippableFact]
    public void AConfirmingRecheckClearsTheDataUpdatedNotice()
    {
        using var store = RecordStore.Open(NewLocation());
        var book = new RecordBook(store);
        var saved = book.Save(Draft(Data.Maker(), "测试光伏项目"), Planner);

        // A change elsewhere in the data (the wetland) changes the data version but not this record's result.
        var wetland = Path.Combine(Data.Path, "layers", "wetlands.geojson");
        File.WriteAllText(wetland, File.ReadAllText(wetland).Replace("屠申泽湿地", "屠申泽湿地（调整）", StringComparison.Ordinal));
        var maker = Data.Maker();
        Assert.True(book.Get(saved.Id)!.DataUpdated(maker.DataVersion));

        var summary = new Rechecker(book, maker).RecheckAll(Planner);

        Assert.Equal(1, summary.Unchanged);
        Assert.False(book.Get(saved.Id)!.DataUpdated(maker.DataVersion));
        Assert.Equal("rechecked", Assert.Single(book.Get(saved.Id)!.Events).Kind);
        Assert.Equal(0, book.List(currentDataVersion: maker.DataVersion).Count(r => r.DataUpdated));
    }

    [SkippableFact]
    public void TheListSearchesByNameCodeVerdictKindUserAndDate()
    {
        using var store = RecordStore.Open(NewLocation());
        var book = new RecordBook(store);
        var maker = Data.Maker();
        book.Save(Draft(maker, "陕坝镇光伏项目", "CODE-A"), Planner);
        book.Save(Draft(maker, "团结镇光伏项目", "CODE-B"), new Actor("li.checker", "os"));

        Assert.Equal(2, book.List().Count);
        Assert.Equal("陕坝镇光伏项目", Assert.Single(book.List(new RecordQuery("陕坝"))).ProjectName);
        Assert.Equal("团结镇光伏项目", Assert.Single(book.List(new RecordQuery("CODE-B"))).ProjectName);
        Assert.Equal(2, book.List(new RecordQuery(Verdict: "prohibited")).Count);
        Assert.Empty(book.List(new RecordQuery(Verdict: "clear")));
        Assert.Equal(2, book.List(new RecordQuery(Kind: "energy")).Count);
        Assert.Equal("li.checker", Assert.Single(book.List(new RecordQuery(User: "li.checker"))).User);
        Assert.Empty(book.List(new RecordQuery(FromUtc: "2999-01-01T00:00:00.000000Z")));
        Assert.Equal(2, book.List(new RecordQuery(FromUtc: "2000-01-01T00:00:00.000000Z", ToUtc: "2999-01-01T00:00:00.000000Z")).Count);
        Assert.Equal("团结镇光伏项目", book.List()[0].ProjectName); // newest first
    }

    [SkippableFact]
    public void ARecordNeedsAProjectName()
    {
        using var store = RecordStore.Open(NewLocation());
        var maker = Data.Maker();
        var noName = File.ReadAllText(DataFolder.SamplePath).Replace("\"name\": \"测试光伏项目\", ", string.Empty, StringComparison.Ordinal);
        var draft = maker.Draft(maker.Check(System.Text.Encoding.UTF8.GetBytes(noName), "noname.geojson", new GivenSettings(ProjectSettings.None)));

        var e = Assert.Throws<Core.Sources.InputException>(() => new RecordBook(store).Save(draft, Planner));
        Assert.Contains("projectName", e.Message, StringComparison.Ordinal);
        Assert.Empty(new RecordBook(store).List());
        Assert.Equal(0, new AuditLog(store).Count());
    }

    [SkippableFact]
    public void ConcurrentSavesGetDistinctIdsAndOneUnbrokenChain()
    {
        var location = NewLocation();
        using var store = RecordStore.Open(location);
        var maker = Data.Maker();
        var draft = Draft(maker, "并发测试项目");
        var ids = new System.Collections.Concurrent.ConcurrentBag<long>();

        Parallel.For(0, 12, new ParallelOptions { MaxDegreeOfParallelism = 6 }, i =>
        {
            ids.Add(new RecordBook(store).Save(draft, new Actor($"user{i % 3}", "os")).Id);
            new AuditLog(store).Append(new AuditDraft(AuditActions.Check, $"check {i}", new string('d', 64)), Planner);
        });

        Assert.Equal(12, ids.Distinct().Count());
        var verification = new AuditLog(store).Verify();
        Assert.True(verification.Intact, verification.ToString());
        Assert.Equal(24, verification.Entries);
    }

    [SkippableFact]
    public void MigrationsAreRecordedAndNotRepeated()
    {
        var location = NewLocation();
        using (var store = RecordStore.Open(location))
        {
            Assert.Equal(2, store.SchemaVersion);
            new AuditLog(store).Append(new AuditDraft(AuditActions.Import, "layer farmland", new string('e', 64)), Planner);
        }

        using var again = RecordStore.Open(location);
        Assert.Equal(2, again.SchemaVersion);
        Assert.Equal(1, new AuditLog(again).Count());
    }

    [SkippableFact]
    public void AnAccountIsAddedWithAHashedPasswordAndEverySignInIsInTheTrail()
    {
        using var store = RecordStore.Open(NewLocation());
        var accounts = new Accounts.AccountBook(store);
        Assert.False(accounts.HasAdmin());

        var admin = accounts.Add("zhang.admin", "admin", "correct horse 1", Planner);
        accounts.Add("li.viewer", "Viewer", "viewer-pass-1", admin.Name is { } n ? new Actor(n, "account") : Planner);

        Assert.True(accounts.HasAdmin());
        Assert.Equal(["li.viewer", "zhang.admin"], accounts.List().Select(a => a.Name));
        Assert.Equal("viewer", accounts.Find("li.viewer")!.Role);
        Assert.Null(accounts.Find(Planner.Name)); // an OS user is no account
        Assert.Equal("zhang.admin", accounts.SignIn("zhang.admin", "correct horse 1", "10.0.0.7")?.Name);
        Assert.Null(accounts.SignIn("zhang.admin", "wrong password", "10.0.0.8"));
        Assert.Null(accounts.SignIn("nobody", "whatever-long", "10.0.0.9"));
        var dup = Assert.Throws<Core.Sources.InputException>(() => accounts.Add("zhang.admin", "viewer", "another pass", Planner));
        Assert.Contains("已存在", dup.Message, StringComparison.Ordinal);
        Assert.Throws<Core.Sources.InputException>(() => accounts.Add("wang", "boss", "long enough", Planner));
        Assert.Throws<Core.Sources.InputException>(() => accounts.Add("wang", "viewer", "short", Planner));
        Assert.Throws<Core.Sources.InputException>(() => accounts.Add("local", "viewer", "long enough", Planner));

        var log = new AuditLog(store);
        var entries = log.Entries();
        Assert.Equal(["user.change", "user.change", "signin", "signin", "signin"], entries.Select(e => e.Action));
        Assert.Contains("\"outcome\":\"ok\"", entries[2].Detail, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"wrong-password\"", entries[3].Detail, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"unknown-user\"", entries[4].Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(entries, e => e.Detail.Contains("correct horse", StringComparison.Ordinal) || e.Detail.Contains("AQAAAA", StringComparison.Ordinal));
        Assert.True(log.Verify().Intact);
    }

    [SkippableFact]
    public void RoleChangesDisablingAndNewPasswordsAreAuditedChangeTheStampAndNeverLeaveTheOfficeWithoutAnAdmin()
    {
        using var store = RecordStore.Open(NewLocation());
        var accounts = new Accounts.AccountBook(store);
        var zhang = new Actor("zhang.admin", "account");
        var admin = accounts.Add("zhang.admin", "admin", "correct horse 1", Planner);
        var li = accounts.Add("li.checker", "checker", "checker-pass-1", zhang);

        // The only admin can be neither demoted nor disabled.
        var last = Assert.Throws<Core.Sources.InputException>(() => accounts.SetRole("zhang.admin", "viewer", zhang));
        Assert.Contains("唯一", last.Message, StringComparison.Ordinal);
        Assert.Throws<Core.Sources.InputException>(() => accounts.Disable("zhang.admin", "leaving", zhang));
        Assert.Throws<Core.Sources.InputException>(() => accounts.SetRole("nobody", "viewer", zhang));
        Assert.Throws<Core.Sources.InputException>(() => accounts.SetRole("li.checker", "boss", zhang));
        Assert.Throws<Core.Sources.InputException>(() => accounts.SetPassword("li.checker", "short", zhang));

        var demoted = accounts.SetRole("li.checker", "viewer", zhang);
        Assert.Equal("viewer", accounts.Find("li.checker")!.Role);
        Assert.NotEqual(li.Stamp, demoted.Stamp);

        var disabled = accounts.Disable("li.checker", "调离 transferred", zhang);
        Assert.True(accounts.Find("li.checker")!.Disabled);
        Assert.NotEqual(demoted.Stamp, disabled.Stamp);
        Assert.Null(accounts.SignIn("li.checker", "checker-pass-1", "10.0.0.7")); // disabled: no sign-in with the right password

        accounts.Enable("li.checker", zhang);
        Assert.False(accounts.Find("li.checker")!.Disabled);
        Assert.Equal("viewer", accounts.Find("li.checker")!.Role);
        accounts.SetPassword("li.checker", "a new password", zhang);
        Assert.Null(accounts.SignIn("li.checker", "checker-pass-1", null));
        Assert.Equal("li.checker", accounts.SignIn("li.checker", "a new password", null)?.Name);

        // With a second admin, the first may step down.
        accounts.SetRole("li.checker", "admin", zhang);
        accounts.SetRole("zhang.admin", "checker", new Actor("li.checker", "account"));
        Assert.Equal("checker", accounts.Find("zhang.admin")!.Role);
        Assert.NotEqual(admin.Stamp, accounts.Find("zhang.admin")!.Stamp);

        var log = new AuditLog(store);
        var changes = log.Entries().Where(e => e.Action == "user.change").ToList();
        // add, add, role, disable, enable, password, role, role
        Assert.Equal(8, changes.Count);
        Assert.Contains("\"change\":\"disable\"", changes[3].Detail, StringComparison.Ordinal);
        using (var detail = System.Text.Json.JsonDocument.Parse(changes[3].Detail))
        {
            Assert.Equal("调离 transferred", detail.RootElement.GetProperty("reason").GetString());
            Assert.False(detail.RootElement.GetProperty("before").GetProperty("disabled").GetBoolean());
            Assert.True(detail.RootElement.GetProperty("after").GetProperty("disabled").GetBoolean());
        }

        Assert.Contains("\"change\":\"password\"", changes[5].Detail, StringComparison.Ordinal);
        Assert.Equal("li.checker", changes[7].User);
        Assert.DoesNotContain(log.Entries(), e => e.Detail.Contains("a new password", StringComparison.Ordinal) || e.Detail.Contains("AQAAAA", StringComparison.Ordinal));
        Assert.True(log.Verify().Intact);
    }

    protected static GivenSettings Given(string name, string? code = null) => new(new ProjectSettings(Name: name, ProjectCode: code, Builder: "巴彦淖尔某能源公司"));

    protected static RecordDraft Draft(RecordMaker maker, string name, string? code = null) =>
        maker.Draft(maker.Check(File.ReadAllBytes(DataFolder.SamplePath), "solar-test.geojson", Given(name, code)));
}
