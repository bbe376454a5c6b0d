using System;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// The open record of one run: every id's outcome goes in as it is known. Safe to call from
    /// any thread (calls still in flight after Ctrl+C may record their answers later).
    /// </summary>
    internal sealed class RunRecorder : IDisposable
    {
        private readonly RunRecordFile _file;
        private readonly object _gate = new object();
        private bool _closed;

        // Opened again after the run closed, while a later run settles its entries (Settled).
        private RunRecordFile? _late;

        internal RunRecorder(KooPhoneRun run)
        {
            Run = run;
            _file = new RunRecordFile(run.Path);
            run.Recorder = this;
        }

        public KooPhoneRun Run { get; }

        /// <param name="entry">The id's outcome as it is known now; it goes into the file.</param>
        /// <param name="waiting">
        /// True for a result handed to -Wait: the summary counts it by the status <see cref="Ended"/>
        /// gives it later, and the file then gets the update.
        /// </param>
        public void Record(KooPhoneRunEntry entry, bool waiting = false)
        {
            entry.RunId = Run.Id;
            if (string.IsNullOrEmpty(entry.Operation))
            {
                entry.Operation = Run.Operation;
            }

            if (entry.At == default)
            {
                entry.At = DateTime.UtcNow;
            }

            lock (_gate)
            {
                if (_closed)
                {
                    return;
                }

                Run.Count(entry, waiting);
                _file.Append(entry);
            }
        }

        /// <summary>
        /// The wait wrote a result it was handed (<see cref="Record"/> with waiting), ending with
        /// <paramref name="status"/>; <paramref name="update"/>, when given, is appended as the
        /// id's entry from now on (RunRecords.EntriesOf shows it in the first one's place).
        /// </summary>
        public void Ended(string instanceId, string status, KooPhoneRunEntry? update = null)
        {
            lock (_gate)
            {
                if (_closed)
                {
                    return;
                }

                if (update?.Outcome == RunOutcome.Error)
                {
                    Run.EndedAsError(instanceId, update.ErrorCode ?? "Error");
                }
                else
                {
                    Run.Ended(instanceId, status);
                }

                if (update != null)
                {
                    Stamp(update, Run);
                    update.Message ??= EndedMessage;
                    _file.Append(update);
                }
            }
        }

        /// <summary>The message of the entry appended when -Wait sees an id end (when its job says nothing itself).</summary>
        internal const string EndedMessage = "-Wait saw its job end with this status.";

        /// <summary>
        /// A later run (<paramref name="by"/>: a Wait-KooPhoneTask fed from this run's entries, a
        /// rerun with the same journal) learned how an id ended that this run had recorded as
        /// <paramref name="previous"/>: <paramref name="update"/> is appended as the id's entry from
        /// now on, whether this run is still open or long closed. <see cref="EndSettling"/> closes
        /// the file again.
        /// </summary>
        public void Settled(KooPhoneRunEntry update, RunOutcome previous, KooPhoneRun by)
        {
            lock (_gate)
            {
                Stamp(update, by);
                (_closed ? _late ??= new RunRecordFile(Run.Path, append: true) : _file).Append(update);
                Run.Settled(previous, update, by);
            }
        }

        /// <summary>A later run has settled what it could: the file opened for it is closed (what was appended is kept).</summary>
        public void EndSettling()
        {
            lock (_gate)
            {
                _late?.Dispose();
                _late = null;
            }
        }

        // An update replaces the id's entry in this run's record (RunRecords.EntriesOf), naming the run that learned it.
        private void Stamp(KooPhoneRunEntry update, KooPhoneRun by)
        {
            update.RunId = Run.Id;
            update.SettledBy = by.Id;
            update.Operation = string.IsNullOrEmpty(update.Operation) ? Run.Operation : update.Operation;
            update.At = DateTime.UtcNow;
            Run.HasUpdates = true;
        }

        /// <summary>Hands what was recorded to the operating system: before a call is sent, what is known must not depend on the process surviving.</summary>
        public void Flush() => _file.Flush();

        /// <summary>Keeps how many HTTP calls and attempts the run made, for its summary.</summary>
        public void CountCalls(int calls, int attempts)
        {
            lock (_gate)
            {
                Run.Calls = calls;
                Run.Attempts = attempts;
            }
        }

        /// <summary>Ends the run: its time is set and the file closed.</summary>
        public void Dispose()
        {
            lock (_gate)
            {
                if (_closed)
                {
                    return;
                }

                _closed = true;
                Run.EndedAt = DateTime.UtcNow;
                _file.Dispose();
            }
        }
    }
}
