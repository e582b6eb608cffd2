using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.App.Checks;

/// <summary>
/// Hands an upload to Core, exactly as the CLI's <c>check</c> does: FeatureFileReader → SiteCheck.Run (settings: the
/// request's, else the file's, else the defaults) → CheckReportJson. The zone layers and their indexes are loaded once and shared.
/// </summary>
public sealed class SiteCheckRunner(Layers.PlanData data)
{
    // The same LayerStore the sheet and report renderers draw from: each layer is read and indexed once.
    private readonly Lazy<SiteCheck> _check = new(() => SiteCheck.From(data.Store));

    /// <summary>The report JSON of docs/architecture.md, byte for byte what <c>spatialplan check --format json</c> prints.</summary>
    /// <exception cref="InputException">The file cannot be used; the message says why and how to fix it.</exception>
    public string Run(CheckUpload upload, CancellationToken cancellationToken = default) => CheckReportJson.Serialize(Check(upload, cancellationToken));

    /// <summary>The report itself (for the PDF).</summary>
    /// <exception cref="InputException">The file cannot be used.</exception>
    public CheckReport Check(CheckUpload upload, CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream(upload.Content, writable: false);
        cancellationToken.ThrowIfCancellationRequested();
        var load = FeatureFileReader.Read(stream, upload.FileName, new ReadOptions(upload.DeclaredEpsg)); // MERGE: pass ct
        cancellationToken.ThrowIfCancellationRequested();
        return _check.Value.Run(load, upload.Given, upload.DeclaredEpsg); // MERGE: pass ct
    }
}
