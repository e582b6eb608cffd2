namespace SpatialPlan.Records.Auditing;

/// <summary>
/// Who acted, as the records and the audit trail name them. For now: the OS user in the CLI, <c>local</c> for the app on
/// loopback; issue 11 part 2 adds signed-in accounts (kind <c>account</c>). Each name is kept in the <c>users</c> table.
/// </summary>
/// <param name="Name">The user name.</param>
/// <param name="Kind"><c>os</c>, <c>loopback</c> or <c>account</c>.</param>
public sealed record Actor(string Name, string Kind)
{
    /// <summary>The app's user on the loopback address (no sign-in there).</summary>
    public static Actor Loopback { get; } = new("local", "loopback");

    /// <summary>The user running this process (the CLI).</summary>
    public static Actor OsUser() => new(string.IsNullOrWhiteSpace(Environment.UserName) ? "unknown" : Environment.UserName, "os");
}
