namespace SpatialPlan.Cli;

/// <summary>Process exit codes (documented in README.md).</summary>
internal static class ExitCodes
{
    /// <summary>Clear or advisory; also a successful layers/validate.</summary>
    public const int Ok = 0;

    /// <summary>Unexpected internal error (one-line message on stderr).</summary>
    public const int InternalError = 1;

    /// <summary>Bad input or usage (message on stderr).</summary>
    public const int BadInput = 2;

    /// <summary>The check's verdict is approval-required.</summary>
    public const int ApprovalRequired = 10;

    /// <summary>The check's verdict is prohibited.</summary>
    public const int Prohibited = 20;
}
