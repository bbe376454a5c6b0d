using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;

namespace KooPhone.Client.Waiting
{
    /// <summary>Reads a backup's outcome from ListInstances' backup_status.</summary>
    internal sealed class BackupStatusFallback : IJobStatusFallback
    {
        // The instance keeps the state of its previous backup until the service picks the new one
        // up, so a finished state only counts when its time lies between the submission and now
        // (widened by this much for clocks that disagree). backup_time's zone is an assumption
        // (KooPhoneTime.AssumedOffset): if it is wrong, a time falls outside that window and is
        // never taken for ours, and a state without a time cannot be told apart from the previous
        // backup's.
        private static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(2);

        private readonly InstanceSnapshotReader _reader;

        public BackupStatusFallback(int concurrency)
        {
            _reader = new InstanceSnapshotReader(concurrency);
        }

        public async Task UpdateAsync(KooPhoneApiClient api, IReadOnlyList<KooPhoneJobResult> pending, CallCount calls, CancellationToken cancellationToken)
        {
            // By instance, as one instance may stand in several results (it was given twice).
            var byId = pending.ToLookup(r => r.InstanceId, StringComparer.Ordinal);
            foreach (var instance in await _reader.ReadAsync(api, byId.Select(g => g.Key).ToList(), cancellationToken, calls).ConfigureAwait(false))
            {
                foreach (var result in byId[instance.InstanceId])
                {
                    Apply(result, instance, api.Context.ReconcileTimeout, api.Context.Time.GetUtcNow().UtcDateTime);
                }
            }
        }

        private static void Apply(KooPhoneJobResult result, KooPhoneInstance instance, TimeSpan settleTime, DateTime now)
        {
            var fresh = IsOurs(instance.BackupTime, result.SubmittedAt, now);
            switch (instance.BackupStatus)
            {
                case InstanceOperationStatus.Succeeded when fresh:
                    JobResultUpdater.Finish(result, KooPhoneJobStatus.Succeeded, null, null, now);
                    break;
                case InstanceOperationStatus.Failed when fresh:
                case InstanceOperationStatus.Other when fresh:
                    JobResultUpdater.Finish(result, KooPhoneJobStatus.Failed, null, "The instance reports backup status " + instance.BackupStatus + ".", now);
                    break;
                case InstanceOperationStatus.Executing:
                case InstanceOperationStatus.Preparing:
                    result.Status = KooPhoneJobStatus.Running;
                    break;
                default:
                    NotCarriedOutRule.Apply(result, settleTime, "no backup", now);
                    break;
            }
        }

        /// <summary>True when a backup_time can belong to the backup submitted at <paramref name="submittedAt"/>.</summary>
        internal static bool IsOurs(DateTime? backupTime, DateTime submittedAt, DateTime now) =>
            backupTime.HasValue && backupTime.Value >= submittedAt - ClockTolerance && backupTime.Value <= now + ClockTolerance;
    }
}
