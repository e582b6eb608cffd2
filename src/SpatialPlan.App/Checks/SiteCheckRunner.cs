namespace SpatialPlan.App.Checks;

/// <summary>Hands an upload to Core's reader and site check and returns the report JSON.</summary>
public sealed class SiteCheckRunner
{
    public string Run(CheckUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        throw new NotSupportedException("Core's site check has not landed yet.");
    }
}
