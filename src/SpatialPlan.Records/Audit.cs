using SpatialPlan.Records.Auditing;
using SpatialPlan.Records.Store;

namespace SpatialPlan.Records;

/// <summary>
/// One call for commands that only need to log (e.g. <c>spatialplan import</c>):
/// <c>Audit.Append(dataDir, AuditActions.Import, "layer farmland", sha256OfTheImportedFile, detailJson)</c>.
/// The entry goes to the data folder's store (or the <c>database</c> given), as the OS user unless an actor is given.
/// </summary>
public static class Audit
{
    /// <summary>Appends one audit entry and returns it (durable when this returns).</summary>
    /// <param name="dataDir">The data folder (its records/ store is used unless <paramref name="database"/> or SPATIALPLAN_DATABASE names one).</param>
    /// <param name="action">See <see cref="AuditActions"/>, e.g. <see cref="AuditActions.Import"/>.</param>
    /// <param name="target">What it touched, e.g. <c>layer farmland</c>.</param>
    /// <param name="inputsSha256">Hex SHA-256 of the inputs (e.g. the imported file's bytes).</param>
    /// <param name="detailJson">A JSON object with anything else worth keeping (default <c>{}</c>).</param>
    /// <param name="database">A PostgreSQL connection string (the CLI's <c>--database</c>), or null.</param>
    /// <param name="actor">Who; default the OS user.</param>
    /// <exception cref="StoreUnavailableException">The store cannot be written.</exception>
    /// <exception cref="Core.Sources.InputException">The connection string cannot be read.</exception>
    public static AuditEntry Append(string dataDir, string action, string target, string inputsSha256, string? detailJson = null,
        string? database = null, Actor? actor = null)
    {
        using var store = RecordStore.Open(StoreLocation.Resolve(dataDir, database));
        return new AuditLog(store).Append(new AuditDraft(action, target, inputsSha256, detailJson ?? "{}"), actor ?? Actor.OsUser());
    }
}
