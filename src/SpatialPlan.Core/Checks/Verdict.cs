namespace SpatialPlan.Core.Checks;

/// <summary>Outcome of a site check, ordered from least to most severe; the overall verdict is the maximum.</summary>
public enum Verdict
{
    /// <summary>No conflict. JSON: <c>clear</c>.</summary>
    Clear = 0,

    /// <summary>No conflict, but something to note (near a zone, inside a showcase belt). JSON: <c>advisory</c>.</summary>
    Advisory = 1,

    /// <summary>Allowed only with a named approval. JSON: <c>approval-required</c>.</summary>
    ApprovalRequired = 2,

    /// <summary>Not allowed. JSON: <c>prohibited</c>.</summary>
    Prohibited = 3,
}
