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

        internal RunRecorder(KooPhoneRun run)
        {
            Run = run;
            _file = new RunRecordFile(run.Path);
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

                Run.Ended(instanceId, status);
                if (update != null)
                {
                    update.RunId = Run.Id;
                    update.Operation = string.IsNullOrEmpty(update.Operation) ? Run.Operation : update.Operation;
                    update.Message = RunRecords.EndedMessage;
                    update.At = DateTime.UtcNow;
                    _file.Append(update);
                    Run.HasEndedUpdates = true;
                }
            }
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
