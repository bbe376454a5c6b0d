using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>SyncInvokeInstance (§5.21) and AsyncInvokeInstance (§5.1): what a command does on each instance.</summary>
public sealed class CommandOperations
{
    private readonly InstanceStore store;

    /// <summary>Creates the operations over <paramref name="store"/>.</summary>
    public CommandOperations(InstanceStore store) => this.store = store;

    /// <summary>
    /// Runs <paramref name="command"/> on every instance: a running one answers its output
    /// (<see cref="CommandOutput"/>), any other fails with the phone platform's CPS0005. Only
    /// unknown IDs refuse the batch. Commands change no state.
    /// </summary>
    public BatchResult<JobOutcome[]> TryRun(string command, IReadOnlyList<string> ids) => store.Update(tx =>
    {
        InstanceRecord[]? records = tx.Resolve(ids, out Refusal? refusal);
        if (refusal is not null)
        {
            return BatchResult<JobOutcome[]>.Refused(refusal);
        }

        var outcomes = new JobOutcome[records!.Length];
        for (int i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = records[i].RunningStatus == StatusValues.Running
                ? JobOutcome.Output(CommandOutput.For(command, records[i].Os))
                : JobOutcome.PhoneNotFound;
        }

        return BatchResult<JobOutcome[]>.Accepted(outcomes, tx.Now);
    });
}
