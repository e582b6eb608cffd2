using SpatialPlan.Core.Sources;
using SpatialPlan.Records.Auditing;

namespace SpatialPlan.Records.Book;

/// <summary>The outcome of re-checking one record.</summary>
public sealed record RecheckResult
{
    public required long Id { get; init; }

    public required string ProjectName { get; init; }

    public string? ProjectCode { get; init; }

    public required long OldVersion { get; init; }

    /// <summary>The version the re-check appended, or null when nothing changed (or it failed).</summary>
    public long? NewVersion { get; init; }

    public required string OldVerdict { get; init; }

    public required string OldVerdictZh { get; init; }

    public string? NewVerdict { get; init; }

    public string? NewVerdictZh { get; init; }

    public string? OldDataVersion { get; init; }

    public string? NewDataVersion { get; init; }

    public required IReadOnlyList<ReportChange> Changes { get; init; }

    /// <summary>Why the footprint could not be re-checked (e.g. it no longer reads against the new data), or null.</summary>
    public string? ErrorZh { get; init; }

    public bool Changed => Changes.Count > 0;
}

/// <summary>Every re-check of a run.</summary>
public sealed record RecheckSummary(IReadOnlyList<RecheckResult> Results, string? DataVersion)
{
    public IEnumerable<RecheckResult> Changed => Results.Where(r => r.Changed);

    public int Unchanged => Results.Count(r => !r.Changed && r.ErrorZh is null);

    public IEnumerable<RecheckResult> Failed => Results.Where(r => r.ErrorZh is not null);
}

/// <summary>
/// Re-checks records against the current data and rules (影响分析): the latest version's footprint file with its
/// settings as given goes through the same check; a changed verdict, condition or overlap area appends a version
/// (with a new report and PDF), an unchanged result appends a <c>rechecked</c> event.
/// </summary>
public sealed class Rechecker(RecordBook book, RecordMaker maker)
{
    /// <summary>Re-checks the latest version of every live record.</summary>
    public RecheckSummary RecheckAll(Actor actor, CancellationToken cancellationToken = default) =>
        new([.. book.LiveIds().Select(id => Recheck(id, actor, cancellationToken))], maker.DataVersion);

    /// <summary>Re-checks one record.</summary>
    /// <exception cref="RecordNotFoundException">No such record.</exception>
    /// <exception cref="RecordConflictException">It is withdrawn.</exception>
    public RecheckResult Recheck(long id, Actor actor, CancellationToken cancellationToken = default)
    {
        var detail = book.Get(id) ?? throw new RecordNotFoundException(id);
        if (detail.Withdrawn is not null)
        {
            throw new RecordConflictException($"台账 {id} 已撤回，不再复核（record {id} is withdrawn）。");
        }

        var old = book.GetVersion(id, detail.Latest.Version, withFiles: true)!;
        var result = new RecheckResult
        {
            Id = id,
            ProjectName = old.ProjectName,
            ProjectCode = old.ProjectCode,
            OldVersion = old.Version,
            OldVerdict = old.Verdict,
            OldVerdictZh = old.VerdictZh,
            OldDataVersion = old.DataVersion,
            NewDataVersion = maker.DataVersion,
            Changes = [],
        };
        CheckedFootprint now;
        try
        {
            now = maker.Check(old.SourceFile!, old.SourceFileName, GivenSettings.FromJson(old.Given), cancellationToken);
        }
        catch (InputException e)
        {
            return result with { ErrorZh = e.Message };
        }

        var changes = ReportComparison.Compare(old.ReportJson!, now.ReportJson);
        result = result with
        {
            Changes = changes,
            NewVerdict = Core.Checks.Names.Of(now.Report.Verdict),
            NewVerdictZh = now.Report.VerdictZh,
        };
        if (changes.Count == 0)
        {
            book.MarkRechecked(id, old.Version, now.Report.Settings.DataVersion, AuditHash.Sha256(now.ReportJson), actor);
            return result;
        }

        var saved = book.Save(maker.Draft(now, cancellationToken), actor, id, VersionReasons.Recheck);
        return result with { NewVersion = saved.Version };
    }
}
