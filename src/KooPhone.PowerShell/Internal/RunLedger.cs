using System;
using System.Collections.Generic;
using System.Management.Automation;
using KooPhone.Client.Api;
using KooPhone.Client.Connection;
using KooPhone.Client.Models;
using KooPhone.Client.Reconciling;
using KooPhone.Client.Runs;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// The bookkeeping of one batch run, handed the cmdlet: the run record (Get-KooPhoneRun) and,
    /// with -JournalPath, the journal, which get every outcome as it is known; at the end every id
    /// still open, the call counts and the run's summary.
    /// </summary>
    internal sealed class RunLedger
    {
        private readonly PSCmdlet _cmdlet;
        private readonly HashSet<string> _recordedInPart = new HashSet<string>(StringComparer.Ordinal);
        private RunRecorder? _record;
        private JournalKeeper? _journal;

        public RunLedger(PSCmdlet cmdlet, KooPhoneOperation operation)
        {
            _cmdlet = cmdlet;
            _record = RunRecords.Start(cmdlet.MyInvocation.MyCommand.Name, operation.Name);
        }

        /// <summary>Opens the journal at <paramref name="path"/>, which from now on gets every outcome too.</summary>
        public JournalKeeper KeepJournal(string path, KooPhoneOperation operation, KooPhoneClock clock) =>
            _journal = new JournalKeeper(path, operation.Name, _record!.Run.Id, clock);

        /// <summary>One entry of the run record (and the journal); waiting for a result handed to -Wait (see RunRecorder.Record).</summary>
        public void Record(
            InstanceTarget target, RunOutcome outcome, string? status = null, string? taskId = null, string? jobId = null, string? requestId = null,
            string? errorCode = null, string? message = null, DateTime? submittedAt = null, bool waiting = false)
        {
            _recordedInPart.Add(target.InstanceId);
            var entry = new KooPhoneRunEntry
            {
                InstanceId = target.InstanceId, UserId = target.UserId, Outcome = outcome, Status = status, TaskId = taskId, JobId = jobId,
                RequestId = requestId, ErrorCode = errorCode, Message = message, SubmittedAt = submittedAt,
            };
            _record?.Record(entry, waiting);
            _journal?.Outcome(entry);
        }

        /// <summary>Keeps a job result in the run record as it passes; waiting when it goes on to -Wait.</summary>
        public KooPhoneJobResult Recorded(KooPhoneJobResult result, bool waiting = false)
        {
            Record(new InstanceTarget(result.InstanceId), RunOutcome.Result, result.Status.ToString(), result.TaskId, result.JobId, result.RequestId, submittedAt: result.SubmittedAt, waiting: waiting);
            return result;
        }

        public KooPhoneActionResult Recorded(KooPhoneActionResult result, bool waiting = false)
        {
            Record(new InstanceTarget(result.InstanceId, result.UserId), RunOutcome.Result, result.Status, requestId: result.RequestId, submittedAt: result.At, message: result.Evidence, waiting: waiting);
            return result;
        }

        /// <summary>-Wait wrote a result it was handed: the run's summary counts it by the status it ended with.</summary>
        public void Ended(string instanceId, string status) => _record?.Ended(instanceId, status);

        /// <summary>Starts a part of a batch: <see cref="RecordedInPart"/> then says which of its ids the cmdlet recorded itself.</summary>
        public void StartPart() => _recordedInPart.Clear();

        public bool RecordedInPart(string instanceId) => _recordedInPart.Contains(instanceId);

        public void Flush()
        {
            _record?.Flush();
            _journal?.Flush();
        }

        /// <summary>
        /// Records every id still open (those in flight may have been carried out, those not sent
        /// were not), closes the run record and, while the pipeline can take it, writes the run's
        /// summary (RunSummaryReporter). Once only: a later call does nothing.
        /// </summary>
        public void Close((int Calls, int Attempts) counts, bool writeSummary, IEnumerable<(InstanceTarget Target, DateTime SentAt)>? inFlight = null, IEnumerable<InstanceTarget>? unsent = null)
        {
            if (_record == null)
            {
                return;
            }

            foreach (var (target, sentAt) in inFlight ?? Array.Empty<(InstanceTarget, DateTime)>())
            {
                Record(target, RunOutcome.Unknown, errorCode: ErrorRecords.OutcomeUnknown, message: "The run stopped while this call was in flight; the service may have acted on it.", submittedAt: sentAt);
            }

            foreach (var target in unsent ?? Array.Empty<InstanceTarget>())
            {
                Record(target, RunOutcome.NotSent, errorCode: ErrorRecords.NotSent, message: "The run stopped before this id was sent.");
            }

            _record.CountCalls(counts.Calls, counts.Attempts);
            var run = _record.Run;
            _record.Dispose();
            _record = null;
            _journal?.Dispose();
            _journal = null;
            if (writeSummary)
            {
                RunSummaryReporter.Write(_cmdlet, run);
            }
        }
    }
}
