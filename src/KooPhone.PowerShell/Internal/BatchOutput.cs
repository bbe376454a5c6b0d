using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using KooPhone.Client.Api;
using KooPhone.Client.Models;
using KooPhone.Client.Reconciling;
using KooPhone.Client.Runs;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// The results of a batch cmdlet, handed the cmdlet: each written (or, with -Wait, followed)
    /// and kept in the run's ledger. Operations the service answers with a task write job
    /// results (<see cref="WritesJobs"/>); the others write accepted results.
    /// </summary>
    internal sealed class BatchOutput<TItem>
    {
        private readonly Cmdlet _cmdlet;
        private readonly RunLedger _ledger;
        private readonly Func<TItem, InstanceTarget> _targetOf;
        private readonly KooPhoneOperation _operation;
        private bool _jobs;
        private WaitStream<KooPhoneJobResult>? _jobStream;
        private WaitStream<KooPhoneActionResult>? _actionStream;

        public BatchOutput(Cmdlet cmdlet, RunLedger ledger, Func<TItem, InstanceTarget> targetOf, KooPhoneOperation operation, string actionName)
        {
            _cmdlet = cmdlet;
            _ledger = ledger;
            _targetOf = targetOf;
            _operation = operation;
            ActionName = actionName;
        }

        /// <summary>The operation's name in messages, e.g. "Backup".</summary>
        public string ActionName { get; }

        /// <summary>With -Wait: the stream pumped whenever the cmdlet has control and finished at the end.</summary>
        public IWaitStream? Waiting => (IWaitStream?)_jobStream ?? _actionStream;

        /// <summary>Results are job results from now on; with <paramref name="wait"/>, followed until their jobs end.</summary>
        public void WritesJobs(WaitStream<KooPhoneJobResult>? wait)
        {
            _jobs = true;
            _jobStream = wait;
            if (wait != null)
            {
                wait.Written = result => _ledger.Ended(result.InstanceId, result.Status.ToString());
            }
        }

        /// <summary>Accepted results of this run are followed (Restart -Wait); those written again from the journal are not, their action is long past.</summary>
        public void FollowsActions(WaitStream<KooPhoneActionResult> wait)
        {
            _actionStream = wait;
            wait.Written = result => _ledger.Ended(result.InstanceId, result.Status);
        }

        /// <summary>For calls that answer only "accepted": one result per item, named after the API operation that carried it.</summary>
        public void Accepted(IEnumerable<string> instanceIds, ActionReceipt receipt, string? userId = null)
        {
            foreach (var id in instanceIds)
            {
                Action(
                    new KooPhoneActionResult { InstanceId = id, Operation = receipt.Operation.Name, UserId = userId, RequestId = receipt.RequestId, ServiceRequestId = receipt.ServiceRequestId, At = receipt.At },
                    fromJournal: false);
            }
        }

        /// <summary>Keeps job results in the run record, and writes them, or with -Wait follows them until their jobs end.</summary>
        public void Jobs(IEnumerable<KooPhoneJobResult> results)
        {
            if (_jobStream != null)
            {
                _jobStream.Add(results.Select(r => _ledger.Recorded(r, waiting: true)).ToList());
                return;
            }

            foreach (var result in results)
            {
                _cmdlet.WriteObject(_ledger.Recorded(result));
            }
        }

        /// <summary>Items whose answer was lost but whose state shows the call was carried out: one result each, saying what showed it.</summary>
        public void Done(IReadOnlyList<TItem> items, IReadOnlyList<string> evidence, Exception? error, DateTime submittedAt)
        {
            var targets = items.Select(_targetOf).ToList();
            if (_jobs)
            {
                Jobs(JobResults.CarriedOut(_operation, targets.Select(t => t.InstanceId), evidence.Select(DoneEvidence), RequestIdOf(error), submittedAt));
                return;
            }

            for (var i = 0; i < targets.Count; i++)
            {
                Action(
                    new KooPhoneActionResult
                    {
                        InstanceId = targets[i].InstanceId, Operation = _operation.Name, UserId = targets[i].UserId, RequestId = RequestIdOf(error), At = submittedAt,
                        Evidence = DoneEvidence(evidence[i]),
                    },
                    fromJournal: false);
            }
        }

        /// <summary>Writes again the result an earlier run recorded in the journal.</summary>
        public void Resumed(TItem item, KooPhoneRunEntry entry)
        {
            var evidence = $"From the journal: run {entry.RunId} recorded it at {entry.At:yyyy-MM-dd HH:mm:ss} UTC; it was not sent again.";
            if (_jobs)
            {
                Jobs(new[] { JobResults.FromRunEntry(entry, evidence) });
                return;
            }

            var target = _targetOf(item);
            Action(
                new KooPhoneActionResult
                {
                    InstanceId = target.InstanceId, Operation = _operation.Name, UserId = target.UserId, Status = entry.Status ?? "Accepted", RequestId = entry.RequestId,
                    At = entry.SubmittedAt ?? entry.At, Evidence = evidence,
                },
                fromJournal: true);
        }

        /// <summary>An item the service accepted but did not answer for still ends as one error record.</summary>
        public void Missing(object target, string message)
        {
            var error = new InvalidOperationException($"{ActionName} of '{target}': {message}");
            _cmdlet.WriteError(new ErrorRecord(error, "KooPhone.MissingResult", ErrorCategory.InvalidResult, target));
            _ledger.Record(new InstanceTarget(target.ToString()!), RunOutcome.Error, errorCode: "KooPhone.MissingResult", message: message);
        }

        /// <summary>Writes the error of an item refused before anything was sent (a bad id), and keeps it in the run record.</summary>
        public void Refused(ErrorRecord error, string? instanceId)
        {
            _cmdlet.WriteError(error);
            _ledger.Record(new InstanceTarget(instanceId ?? ""), RunOutcome.Error, errorCode: error.FullyQualifiedErrorId.Split(',')[0], message: error.Exception.Message);
        }

        /// <summary>The x-request-id of the call an error ended, when it names one.</summary>
        public static string? RequestIdOf(Exception? error) =>
            error is KooPhoneApiException api ? api.RequestId : error is KooPhoneConnectionException connection ? connection.RequestId : null;

        private static string DoneEvidence(string evidence) => "The answer was lost; the instance's state shows it was carried out: " + evidence + ".";

        private void Action(KooPhoneActionResult result, bool fromJournal)
        {
            if (_actionStream != null && !fromJournal)
            {
                _actionStream.Add(new[] { _ledger.Recorded(result, waiting: true) });
            }
            else
            {
                _cmdlet.WriteObject(_ledger.Recorded(result));
            }
        }
    }
}
