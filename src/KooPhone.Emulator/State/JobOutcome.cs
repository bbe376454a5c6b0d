namespace KooPhone.Emulator.State;

/// <summary>How a job ends (or how one instance's synchronous command ended): docs/api-reference.md §3.3 and §3.4 fields.</summary>
public sealed record JobOutcome(int Status, string ErrorCode, string ErrorMessage, string ExecuteMessage)
{
    /// <summary>A success without output (backup, reset, unassign, install).</summary>
    public static readonly JobOutcome Succeeded = new(StatusValues.JobSucceeded, string.Empty, string.Empty, string.Empty);

    /// <summary>The phone platform's answer for an instance that is not running (docs/api-reference.md §5.12 example).</summary>
    public static readonly JobOutcome PhoneNotFound = new(StatusValues.JobFailed, "CPS0005", "Phone not found.", string.Empty);

    /// <summary>What a job reports before it ends: no codes, no output.</summary>
    public static JobOutcome InProgress(int status) => new(status, string.Empty, string.Empty, string.Empty);

    /// <summary>A successful command with its output.</summary>
    public static JobOutcome Output(string executeMessage) =>
        new(StatusValues.JobSucceeded, string.Empty, string.Empty, executeMessage);
}
