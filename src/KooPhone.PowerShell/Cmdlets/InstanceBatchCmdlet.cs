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
    /// The shape of every cmdlet that acts on many instances: ids from the pipeline are checked,
    /// duplicates dropped, each confirmed, and handed to the engine's BatchDispatcher, which sends
    /// full batches at once with at most -ThrottleLimit calls in flight. Every id given ends as
    /// exactly one output object or one error record.
    /// </summary>
    public abstract class InstanceBatchCmdlet<TResponse> : KooPhoneCmdlet
    {
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private BatchDispatcher<string, TResponse>? _dispatcher;
        private int _accepted;
        private int _answered;

        /// <summary>
        /// <para type="description">The ids of the instances. Takes strings from the pipeline, and the InstanceId property of any piped object (Get-KooPhoneInstance's output, a CSV row), also under the names Id and instance_id. An id that is empty, white space or longer than 32 characters gives an error and is not sent; an id given twice is sent once.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "instance_id")]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        public string[] InstanceId { get; set; } = Array.Empty<string>();

        /// <summary>
        /// <para type="description">How many ids go in one API call, 1 to 100 (the API's limit). A batch is sent as soon as it is full.</para>
        /// </summary>
        [Parameter]
        [ValidateRange(1, InstanceIdRules.MaxBatchSize)]
        public int BatchSize { get; set; } = InstanceIdRules.MaxBatchSize;

        /// <summary>
        /// <para type="description">How many API calls may be in flight at once, 1 to 64. The default, 4, is gentle on the service's unpublished rate limits; raise it for large fleets.</para>
        /// </summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>The operation's name in messages and progress, e.g. "Backup".</summary>
        protected abstract string ActionName { get; }

        /// <summary>Sends one batch.</summary>
        protected abstract Task<TResponse> SendBatchAsync(KooPhoneApiClient api, IReadOnlyList<string> instanceIds, CancellationToken cancellationToken);

        /// <summary>Writes (or keeps) the results of a batch the service accepted.</summary>
        protected abstract void OnBatchSucceeded(IReadOnlyList<string> instanceIds, TResponse response);

        /// <summary>Asks whether this instance may be acted on; -WhatIf answers no.</summary>
        protected virtual bool Confirm(string instanceId) => ShouldProcess(instanceId, ActionName);

        protected override void BeginProcessing()
        {
            var api = Api;
            _dispatcher = new BatchDispatcher<string, TResponse>(BatchSize, ThrottleLimit, (ids, ct) => SendBatchAsync(api, ids, ct), StopToken);
        }

        protected override void ProcessRecord()
        {
            foreach (var raw in InstanceId ?? new string[] { null! })
            {
                var id = raw?.Trim();
                var problem = InstanceIdRules.Check(id);
                if (problem != null)
                {
                    WriteError(ErrorRecords.Invalid(problem, ErrorRecords.InvalidInstanceId, raw));
                    continue;
                }

                if (!_seen.Add(id!))
                {
                    WriteVerbose($"Instance '{id}' was given more than once; it is sent once.");
                    continue;
                }

                if (!Confirm(id!))
                {
                    continue;
                }

                _accepted++;
                WriteBatches(Dispatch(() => _dispatcher!.Add(id!)));
            }
        }

        protected override void EndProcessing()
        {
            if (_dispatcher != null)
            {
                // Lazily, so each batch is written the moment it ends rather than after the last one.
                using (var remaining = _dispatcher.Complete().GetEnumerator())
                {
                    while (Next(remaining))
                    {
                        WriteBatches(new[] { remaining.Current });
                    }
                }
            }

            WriteProgress(new ProgressRecord(ProgressId, ActionName, "Done") { RecordType = ProgressRecordType.Completed });
        }

        private const int ProgressId = 1;

        private bool Next(IEnumerator<CompletedBatch<string, TResponse>> batches)
        {
            try
            {
                return batches.MoveNext();
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        private IEnumerable<CompletedBatch<string, TResponse>> Dispatch(Func<IEnumerable<CompletedBatch<string, TResponse>>> step)
        {
            try
            {
                return step();
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        private void WriteBatches(IEnumerable<CompletedBatch<string, TResponse>> batches)
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
                    foreach (var id in batch.Items)
                    {
                        WriteError(ErrorRecords.ForTarget(batch.Error!, id, ActionName));
                    }
                }

                WriteProgress(new ProgressRecord(ProgressId, ActionName, $"{_answered} of {_accepted} instances answered, {_dispatcher!.InFlightCount} calls in flight"));
            }
        }
    }
}
