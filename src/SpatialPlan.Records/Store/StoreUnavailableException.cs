namespace SpatialPlan.Records.Store;

/// <summary>
/// The records store cannot be read or written now (read-only or full disk, no database server, a damaged file).
/// The app answers 503 problem+json with <see cref="Exception.Message"/> (Chinese first, then English, and what to do);
/// checks go on working. The CLI prints it and exits 2.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }
}
