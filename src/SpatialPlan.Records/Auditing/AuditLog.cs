using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SpatialPlan.Records.Store;

namespace SpatialPlan.Records.Auditing;

/// <summary>
/// The audit trail (留痕): append-only, each entry hashed over its content and the previous entry's hash, so that a
/// changed, removed or inserted row breaks the chain from there on. <see cref="Verify"/> recomputes it.
/// </summary>
public sealed class AuditLog(RecordStore store)
{
    private const string Columns = "seq, at, user_name, action, target, inputs_sha256, detail, prev_hash, hash";

    /// <summary>Appends one entry in a transaction of its own (durable when this returns).</summary>
    /// <exception cref="StoreUnavailableException">The store cannot be written.</exception>
    public AuditEntry Append(AuditDraft draft, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(actor);
        return store.Write((c, t) => Append(c, t, draft, actor, store.Now()));
    }

    /// <summary>Appends inside a caller's write transaction (a record and its audit entry commit together).</summary>
    internal static AuditEntry Append(DbConnection connection, DbTransaction transaction, AuditDraft draft, Actor actor, string at)
    {
        CheckDetail(draft.Detail);
        connection.Execute(transaction, "INSERT INTO users (name, kind, created_at) VALUES (@n, @k, @t) ON CONFLICT (name) DO NOTHING",
            ("n", actor.Name), ("k", actor.Kind), ("t", at));
        var last = connection.Query(transaction, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", r => (Seq: r.Long("seq"), Hash: r.RequiredText("hash"))).FirstOrDefault();
        var seq = last.Hash is null ? 1 : last.Seq + 1;
        var prev = last.Hash ?? AuditHash.Genesis;
        var hash = AuditHash.Compute(seq, at, actor.Name, draft.Action, draft.Target, draft.InputsSha256, draft.Detail, prev);
        connection.Execute(transaction, $"INSERT INTO audit_log ({Columns}) VALUES (@seq, @at, @user, @action, @target, @inputs, @detail, @prev, @hash)",
            ("seq", seq), ("at", at), ("user", actor.Name), ("action", draft.Action), ("target", draft.Target), ("inputs", draft.InputsSha256),
            ("detail", draft.Detail), ("prev", prev), ("hash", hash));
        return new AuditEntry(seq, at, actor.Name, draft.Action, draft.Target, draft.InputsSha256, draft.Detail, prev, hash);
    }

    /// <summary>Entries in order; <paramref name="fromUtc"/> inclusive, <paramref name="toUtc"/> exclusive (StoreTime text), each optional.</summary>
    public IReadOnlyList<AuditEntry> Entries(string? fromUtc = null, string? toUtc = null) => store.Read(c => c.Query(null,
        $"SELECT {Columns} FROM audit_log WHERE (CAST(@from AS TEXT) IS NULL OR at >= @from) AND (CAST(@to AS TEXT) IS NULL OR at < @to) ORDER BY seq",
        Map, ("from", fromUtc), ("to", toUtc)));

    /// <summary>How many entries there are.</summary>
    public long Count() => store.Read(c => Convert.ToInt64(c.Scalar(null, "SELECT COUNT(*) FROM audit_log"), CultureInfo.InvariantCulture));

    /// <summary>
    /// Recomputes the chain from the first entry: sequence numbers without gaps, each <c>prev_hash</c> equal to the
    /// previous entry's hash, each hash equal to the hash of its content. Then checks every record version and event
    /// against the audit entry written with it (the stored footprint file, report JSON and PDF hash to what the entry
    /// says), so that a record changed behind the store's back is found too.
    /// </summary>
    public AuditVerification Verify() => store.Read(c =>
    {
        long count = 0;
        var expectedSeq = 1L;
        var prev = AuditHash.Genesis;
        var details = new Dictionary<long, (string Action, string Target, string Inputs, string Detail)>();
        using (var command = c.Command(null, $"SELECT {Columns} FROM audit_log ORDER BY seq"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var e = Map(reader);
                count++;
                if (e.Seq != expectedSeq)
                {
                    return AuditVerification.Broken(count - 1, expectedSeq,
                        $"第 {expectedSeq} 条缺失（下一条是第 {e.Seq} 条）：有记录被删除或插入",
                        $"entry {expectedSeq} is missing (the next one is {e.Seq}): an entry was deleted or inserted");
                }

                if (!string.Equals(e.PrevHash, prev, StringComparison.Ordinal))
                {
                    return AuditVerification.Broken(count - 1, e.Seq,
                        $"第 {e.Seq} 条记载的上一条哈希与第 {e.Seq - 1} 条不符：其前有记录被改动、删除或插入",
                        $"entry {e.Seq}'s previous hash does not match entry {e.Seq - 1}: an entry before it was changed, deleted or inserted");
                }

                if (!string.Equals(e.ExpectedHash, e.Hash, StringComparison.Ordinal))
                {
                    return AuditVerification.Broken(count - 1, e.Seq,
                        $"第 {e.Seq} 条（{e.At}，{e.User}，{e.Action}，{e.Target}）的内容与其哈希不符：该条已被改动",
                        $"entry {e.Seq} ({e.Action} {e.Target}) does not match its hash: it was changed");
                }

                if (e.Action.StartsWith("record.", StringComparison.Ordinal))
                {
                    details[e.Seq] = (e.Action, e.Target, e.InputsSha256, e.Detail);
                }

                prev = e.Hash;
                expectedSeq++;
            }
        }

        var records = VerifyRecords(c, details, count);
        return records ?? AuditVerification.Holds(count);
    });

    /// <summary>Writes entries as CSV (UTF-8 with BOM): every field of the canonical form, so the chain can be recomputed from the file.</summary>
    public static void WriteCsv(IEnumerable<AuditEntry> entries, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(output);
        output.Write('\uFEFF');
        output.Write("seq,at_utc,at_local,user,action,target,inputs_sha256,detail,prev_hash,hash\r\n");
        foreach (var e in entries)
        {
            var local = StoreTime.Parse(e.At).ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
            output.Write(string.Join(',', new[] { e.Seq.ToString(CultureInfo.InvariantCulture), e.At, local, e.User, e.Action, e.Target, e.InputsSha256, e.Detail, e.PrevHash, e.Hash }.Select(Csv)));
            output.Write("\r\n");
        }
    }

    private static string Csv(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static AuditEntry Map(DbDataReader r) => new(r.Long("seq"), r.RequiredText("at"), r.RequiredText("user_name"), r.RequiredText("action"),
        r.RequiredText("target"), r.RequiredText("inputs_sha256"), r.RequiredText("detail"), r.RequiredText("prev_hash"), r.RequiredText("hash"));

    private static void CheckDetail(string detail)
    {
        try
        {
            using var doc = JsonDocument.Parse(detail);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException("The audit detail must be a JSON object.", nameof(detail));
            }
        }
        catch (JsonException e)
        {
            throw new ArgumentException("The audit detail must be a JSON object: " + e.Message, nameof(detail), e);
        }
    }

    private static AuditVerification? VerifyRecords(DbConnection c, Dictionary<long, (string Action, string Target, string Inputs, string Detail)> details, long count)
    {
        var versions = new HashSet<string>(StringComparer.Ordinal);
        using (var command = c.Command(null, "SELECT record_id, version, audit_seq, source_sha256, source_file, report_json, report_pdf FROM record_versions ORDER BY record_id, version"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.Long("record_id");
                var version = reader.Long("version");
                var seq = reader.Long("audit_seq");
                var target = RecordTargets.Version(id, version);
                versions.Add(target);
                if (!details.TryGetValue(seq, out var entry) || entry.Target != target)
                {
                    return AuditVerification.Broken(count, seq, $"台账 {id} 第 {version} 版在留痕中没有对应的第 {seq} 条：留痕被删改，或该版本不是经由 SpatialPlan 写入的",
                        $"record {id} v{version} has no audit entry {seq}: the trail was cut or the version was not written by SpatialPlan");
                }

                using var detail = JsonDocument.Parse(entry.Detail);
                var d = detail.RootElement;
                var problems = new List<string>();
                if (AuditHash.Sha256(reader.Bytes("source_file")) != entry.Inputs || reader.RequiredText("source_sha256") != entry.Inputs)
                {
                    problems.Add("用地范围文件 footprint file");
                }

                if (AuditHash.Sha256(reader.RequiredText("report_json")) != Text(d, "reportSha256"))
                {
                    problems.Add("报告 JSON report JSON");
                }

                if (AuditHash.Sha256(reader.Bytes("report_pdf")) != Text(d, "pdfSha256"))
                {
                    problems.Add("报告 PDF report PDF");
                }

                if (problems.Count > 0)
                {
                    return AuditVerification.Broken(count, seq, $"台账 {id} 第 {version} 版的{string.Join("、", problems)}与留痕第 {seq} 条记载的哈希不符：该版本已被改动",
                        $"record {id} v{version} no longer matches the hashes of audit entry {seq}: it was changed");
                }
            }
        }

        // The other way round: every version the trail says was written is still there.
        foreach (var (seq, entry) in details.OrderBy(d => d.Key))
        {
            var wroteVersion = entry.Action is AuditActions.RecordSave or AuditActions.RecordVersion
                || (entry.Action == AuditActions.RecordRecheck && !entry.Detail.Contains("\"changed\":false", StringComparison.Ordinal));
            if (wroteVersion && !versions.Contains(entry.Target))
            {
                return AuditVerification.Broken(count, seq, $"留痕第 {seq} 条记载的{entry.Target.Replace("record ", "台账 ", StringComparison.Ordinal)}已不在台账库中：该版本被删除",
                    $"{entry.Target}, written by audit entry {seq}, is no longer in the store: it was deleted");
            }
        }

        var events = c.Query(null, "SELECT record_id, kind, version, audit_seq FROM record_events ORDER BY id",
            r => (Id: r.Long("record_id"), Kind: r.RequiredText("kind"), Version: r.Long("version"), Seq: r.Long("audit_seq")));
        foreach (var ev in events)
        {
            if (!details.TryGetValue(ev.Seq, out var entry) || !entry.Target.StartsWith(RecordTargets.Record(ev.Id), StringComparison.Ordinal))
            {
                return AuditVerification.Broken(count, ev.Seq, $"台账 {ev.Id} 的事件（{ev.Kind}）在留痕中没有对应的第 {ev.Seq} 条",
                    $"record {ev.Id}'s event ({ev.Kind}) has no audit entry {ev.Seq}");
            }
        }

        return null;
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>The audit targets of records.</summary>
internal static class RecordTargets
{
    public static string Record(long id) => string.Create(CultureInfo.InvariantCulture, $"record {id}");

    public static string Version(long id, long version) => string.Create(CultureInfo.InvariantCulture, $"record {id} v{version}");
}

/// <summary>What <see cref="AuditLog.Verify"/> found.</summary>
/// <param name="Intact">True when the chain and every record hold.</param>
/// <param name="Entries">Entries checked (up to the break).</param>
/// <param name="FirstBrokenSeq">The first broken entry's sequence number, or null.</param>
/// <param name="ProblemZh">What is wrong, in Chinese.</param>
/// <param name="ProblemEn">The same in English.</param>
public sealed record AuditVerification(bool Intact, long Entries, long? FirstBrokenSeq, string? ProblemZh, string? ProblemEn)
{
    internal static AuditVerification Holds(long entries) => new(true, entries, null, null, null);

    internal static AuditVerification Broken(long entries, long seq, string zh, string en) => new(false, entries, seq, zh, en);

    /// <summary>One line for people.</summary>
    public override string ToString() => Intact
        ? $"留痕完整：{Entries} 条，哈希链与台账均核对无误。 The audit trail holds: {Entries} entries, chain and records verified."
        : $"留痕已被破坏：{ProblemZh}。 The audit trail is broken: {ProblemEn}.";
}
