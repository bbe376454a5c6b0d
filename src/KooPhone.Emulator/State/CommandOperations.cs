using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>SyncInvokeInstance (docs/api-reference.md §5.21) and AsyncInvokeInstance (§5.1): what a command does on each instance.</summary>
public sealed class CommandOperations
{
    private readonly InstanceStore store;

    /// <summary>Creates the operations over <paramref name="store"/>.</summary>
    public CommandOperations(InstanceStore store) => this.store = store;

    /// <summary>
    /// Runs <paramref name="command"/> on every instance: a running one answers its output
    /// (<see cref="CommandOutput"/>), any other fails with the phone platform's CPS0005. Only
    /// unknown IDs and mixed regions refuse the batch. Commands change no state.
    /// </summary>
    public BatchResult<JobOutcome[]> TryRun(string command, IReadOnlyList<string> ids) => store.Update(tx =>
    {
        BatchScreening screening = tx.Screen(ids);
        if (screening.Refusal is not null)
        {
            // A refused command has no outcomes to report; under partly-applied it still ran on the healthy instances.
            return BatchResult<JobOutcome[]>.Refused(screening.Refusal);
        }

        var outcomes = new JobOutcome[ids.Count];
        for (int i = 0; i < outcomes.Length; i++)
        {
            StoredInstance record = screening.Record(i);
            outcomes[i] = record.RunningStatus == StatusValues.Running
                ? JobOutcome.Output(CommandOutput.For(command, record.Os))
                : JobOutcome.PhoneNotFound;
        }

        return BatchResult<JobOutcome[]>.Accepted(outcomes, tx.Now);
    });
}
