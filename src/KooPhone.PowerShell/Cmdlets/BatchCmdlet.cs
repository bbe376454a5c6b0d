using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Batching;
using KooPhone.PowerShell.Internal;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// The shape of every cmdlet that acts on many items (instance ids, user–instance pairs): each
    /// item is checked, duplicates dropped, confirmed, and handed to the engine's BatchDispatcher,
    /// which sends full batches at once with at most -ThrottleLimit calls in flight. Results are
    /// written on the pipeline thread as batches end. Every item given ends as exactly one output
    /// object or one error record.
    /// </summary>
    public abstract class BatchCmdlet<TItem, TResponse> : KooPhoneCmdlet
    {
        private const int ProgressId = 1;
        private readonly SeenKeys _seen = new SeenKeys();
        private BatchDispatcher<TItem, TResponse>? _dispatcher;
        private int _accepted;
        private int _answered;

        /// <summary>
        /// <para type="description">How many API calls may be in flight at once, 1 to 64. The default, 4, is gentle on the service's unpublished rate limits; raise it for large fleets.</para>
        /// </summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>How many items one API call carries: -BatchSize, or 1 for single-instance operations.</summary>
        protected abstract int ItemsPerCall { get; }

        /// <summary>The operation's name in messages and progress, e.g. "Backup". Display only: results name the API operation the engine reports.</summary>
        protected abstract string ActionName { get; }

        /// <summary>Sends one batch.</summary>
        protected abstract Task<TResponse> SendBatchAsync(KooPhoneApiClient api, IReadOnlyList<TItem> items, CancellationToken cancellationToken);

        /// <summary>Writes (or keeps) the results of a batch the service accepted.</summary>
        protected abstract void OnBatchSucceeded(IReadOnlyList<TItem> items, TResponse response);

        /// <summary>What an error record names as its target: the instance id, usually.</summary>
        protected abstract object TargetOf(TItem item);

        /// <summary>Asks whether this item may be acted on; -WhatIf answers no. Read-only cmdlets answer yes.</summary>
        protected abstract bool Confirm(TItem item);

        protected override void BeginProcessing()
        {
            var api = Api;
            _dispatcher = new BatchDispatcher<TItem, TResponse>(ItemsPerCall, ThrottleLimit, (items, ct) => SendBatchAsync(api, items, ct), StopToken);
        }

        /// <summary>Queues one checked item under its key (what makes two items the same), unless seen or declined.</summary>
        protected void Submit(TItem item, string key)
        {
            if (!_seen.Add(key))
            {
                WriteVerbose($"'{key}' was given more than once; it is sent once.");
                return;
            }

            if (!Confirm(item))
            {
                return;
            }

            _accepted++;
            Accept(item);
        }

        /// <summary>What happens to a confirmed item: it is sent at once (in its batch), unless a cmdlet holds it back.</summary>
        protected virtual void Accept(TItem item) => Send(item);

        /// <summary>Hands one item to the batching engine; a full batch is sent at once.</summary>
        protected void Send(TItem item) => WriteBatches(Stoppable(() => _dispatcher!.Add(item)));

        /// <summary>For calls that answer only "accepted": one result per item, named after the API operation that carried it.</summary>
        protected void WriteActionResults(IEnumerable<string> instanceIds, ActionReceipt receipt, string? userId = null)
        {
            foreach (var id in instanceIds)
            {
                WriteObject(new KooPhone.Client.Models.KooPhoneActionResult { InstanceId = id, Operation = receipt.Operation.Name, UserId = userId, RequestId = receipt.RequestId, At = receipt.At });
            }
        }

        /// <summary>An item the service accepted but did not answer for still ends as one error record.</summary>
        protected void WriteMissing(object target, string message) =>
            WriteError(new ErrorRecord(new System.InvalidOperationException($"{ActionName} of '{target}': {message}"), "KooPhone.MissingResult", ErrorCategory.InvalidResult, target));

        protected override void EndProcessing()
        {
            if (_dispatcher != null)
            {
                // Lazily, so each batch is written the moment it ends rather than after the last one.
                using (var remaining = _dispatcher.Complete().GetEnumerator())
                {
                    while (Stoppable(remaining.MoveNext))
                    {
                        WriteBatches(new[] { remaining.Current });
                    }
                }
            }

            WriteProgress(new ProgressRecord(ProgressId, ActionName, "Done") { RecordType = ProgressRecordType.Completed });
        }

        private void WriteBatches(IEnumerable<CompletedBatch<TItem, TResponse>> batches)
        {
            WriteTraces();
            foreach (var batch in batches)
            {
                _answered += batch.Items.Count;
                if (batch.Succeeded)
                {
                    OnBatchSucceeded(batch.Items, batch.Response!);
                }
                else
                {
                    ThrowIfStopping();
                    foreach (var item in batch.Items)
                    {
                        WriteError(ErrorRecords.ForTarget(batch.Error!, TargetOf(item), ActionName));
                    }
                }

                WriteProgress(new ProgressRecord(ProgressId, ActionName, $"{_answered} of {_accepted} answered, {_dispatcher!.InFlightCount} calls in flight"));
            }
        }
    }
}
