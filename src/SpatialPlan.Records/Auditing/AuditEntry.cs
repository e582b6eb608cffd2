namespace SpatialPlan.Records.Auditing;

/// <summary>One entry of the audit trail as stored.</summary>
/// <param name="Seq">1, 2, 3, … with no gaps.</param>
/// <param name="At">UTC time text (StoreTime.Format).</param>
/// <param name="User">Who.</param>
/// <param name="Action">What (see <see cref="AuditActions"/>).</param>
/// <param name="Target">What it touched, e.g. <c>record 12 v3</c>, <c>layer farmland</c>, <c>POST /api/checks</c>.</param>
/// <param name="InputsSha256">Hex SHA-256 of its inputs (the footprint file, the imported file, the request).</param>
/// <param name="Detail">A JSON object with the rest (settings, verdict, hashes of what was written).</param>
/// <param name="PrevHash">The previous entry's hash (<see cref="AuditHash.Genesis"/> for the first).</param>
/// <param name="Hash">SHA-256 over this entry's canonical form (<see cref="AuditHash"/>).</param>
public sealed record AuditEntry(long Seq, string At, string User, string Action, string Target, string InputsSha256, string Detail, string PrevHash, string Hash)
{
    /// <summary>The hash this entry should have.</summary>
    public string ExpectedHash => AuditHash.Compute(Seq, At, User, Action, Target, InputsSha256, Detail, PrevHash);
}

/// <summary>What to append; the store adds the sequence number, time and hashes.</summary>
/// <param name="Action">See <see cref="AuditActions"/>.</param>
/// <param name="Target">What it touched.</param>
/// <param name="InputsSha256">Hex SHA-256 of its inputs.</param>
/// <param name="Detail">A JSON object (default <c>{}</c>).</param>
public sealed record AuditDraft(string Action, string Target, string InputsSha256, string Detail = "{}");

/// <summary>The action names of the audit trail.</summary>
public static class AuditActions
{
    public const string Check = "check";
    public const string Export = "export";
    public const string RecordSave = "record.save";
    public const string RecordVersion = "record.version";
    public const string RecordRecheck = "record.recheck";
    public const string RecordWithdraw = "record.withdraw";
    public const string Import = "import";
    public const string SignIn = "signin";
    public const string UserChange = "user.change";
}
