using System.Collections.Generic;
using System.Management.Automation;
using KooPhone.Client.Runs;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// Writes what a run hands back (<see cref="RunEvent"/>), on the pipeline thread, the only one
    /// PowerShell lets write: objects, one error record per id, verbose lines, warnings, progress
    /// bars, the run's summary and, when the run stopped, the one terminating error that says why.
    /// The run recorded each event before handing it back, so a write that fails (a stopped
    /// pipeline) loses nothing from the run record.
    /// </summary>
    internal sealed class RunWriter
    {
        private readonly PSCmdlet _cmdlet;
        private readonly CallScope _calls;
        private readonly string _action;

        public RunWriter(PSCmdlet cmdlet, CallScope calls, string action)
        {
            _cmdlet = cmdlet;
            _calls = calls;
            _action = action;
        }

        /// <summary>Writes each event as the run hands it back; a lazy sequence blocks between events, and Ctrl+C ends it.</summary>
        public void Write(IEnumerable<RunEvent> events)
        {
            using (var each = events.GetEnumerator())
            {
                // Request traces and verbose lines gathered on other threads go out before each event, and at the end.
                _calls.WriteTraces();
                while (_calls.Stoppable(each.MoveNext))
                {
                    _calls.WriteTraces();
                    Write(each.Current);
                }
            }

            _calls.WriteTraces();
        }

        private void Write(RunEvent e)
        {
            switch (e.Kind)
            {
                case RunEventKind.Output:
                    _cmdlet.WriteObject(e.Output, enumerateCollection: false);
                    break;
                case RunEventKind.ItemError:
                    _cmdlet.WriteError(ErrorOf(e.Error!, e.Target, e.Outcome));
                    break;
                case RunEventKind.Verbose:
                    _cmdlet.WriteVerbose(e.Message);
                    break;
                case RunEventKind.Warning:
                    _cmdlet.WriteWarning(e.Message);
                    break;
                case RunEventKind.Progress:
                    WriteProgress(e.Progress!);
                    break;
                case RunEventKind.Idle:
                    break;
                case RunEventKind.Summary:
                    RunSummaryReporter.Write(_cmdlet, e.Summary!);
                    break;
                case RunEventKind.Stopped:
                    _cmdlet.ThrowTerminatingError(RunStopText.Terminating(e.Stop!, _action));
                    break;
            }
        }

        /// <summary>The error record of one id: Unknown outcomes (sent, may have been carried out) have their own id and advice.</summary>
        internal ErrorRecord ErrorOf(System.Exception error, string? target, RunOutcome outcome) =>
            outcome == RunOutcome.Unknown ? ErrorRecords.Unknown(error, target, _action) : NameShapedId.WithHint(ErrorRecords.ForTarget(error, target, _action), target);

        private void WriteProgress(RunProgress progress)
        {
            var bar = new ProgressLine(_cmdlet, progress.Id, progress.Activity);
            if (progress.Completed)
            {
                bar.Complete();
            }
            else
            {
                bar.Write(progress.Status, progress.Done, progress.Total);
            }
        }
    }
}
