using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;
using KooPhone.Client.Reconciling;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// Every operation a batch cmdlet runs, declared once: the descriptor and the API method side
    /// by side, so they cannot drift apart (KooPhone.Client.Tests sends each and compares the
    /// request with the descriptor).
    /// </summary>
    internal static class BatchCalls
    {
        public static BatchCall<string, BatchSubmission> Backup { get; } =
            Jobs(KooPhoneOperation.BatchBackupInstances, (api, ids, ct) => api.BackupInstancesAsync(ids, ct));

        public static BatchCall<string, BatchSubmission> Reset { get; } =
            Jobs(KooPhoneOperation.BatchResetInstance, (api, ids, ct) => api.ResetInstancesAsync(ids, ct));

        public static BatchCall<string, ActionReceipt> Restart { get; } =
            Actions(KooPhoneOperation.BatchRebootInstance, (api, ids, ct) => api.RebootInstancesAsync(ids, ct));

        public static BatchCall<string, ActionReceipt> Remove { get; } =
            Actions(KooPhoneOperation.DeleteInstance, (api, ids, ct) => api.DeleteInstancesAsync(ids, ct));

        public static BatchCall<string, ActionReceipt> StopSession { get; } =
            Actions(KooPhoneOperation.StopInstancesSession, (api, ids, ct) => api.ReleaseSessionAsync(ids[0], ct));

        public static BatchCall<string, ActionReceipt> StopStreaming { get; } =
            Actions(KooPhoneOperation.StopInstancesStreaming, (api, ids, ct) => api.StopStreamingAsync(ids[0], ct));

        public static BatchCall<UserInstancePair, ActionReceipt> Grant { get; } =
            new BatchCall<UserInstancePair, ActionReceipt>(
                KooPhoneOperation.ProvisionInstance, ResultKind.Actions, PairTarget, (api, pairs, ct) => api.AssignInstancesAsync(pairs, ct),
                (pairs, receipt) => pairs.Select(p => ItemResult.Of(PairTarget(p), Accepted(p.InstanceId, receipt, p.UserId))));

        public static BatchCall<UserInstancePair, BatchSubmission> Revoke { get; } =
            new BatchCall<UserInstancePair, BatchSubmission>(
                KooPhoneOperation.CancelInstance, ResultKind.Jobs, PairTarget, (api, pairs, ct) => api.UnassignInstancesAsync(pairs, ct),
                (pairs, submission) => JobResults.FromSubmission(pairs.Select(p => p.InstanceId), submission).Zip(pairs, (job, p) => ItemResult.Of(PairTarget(p), job)));

        public static BatchCall<string, IReadOnlyList<KooPhoneInstanceStatus>> Status { get; } =
            PerId(KooPhoneOperation.BatchShowInstance, (api, ids, ct) => api.ShowInstanceStatusAsync(ids, ct), s => s.InstanceId, "The service answered without a status for this instance.");

        public static BatchCall<UserInstancePair, KooPhonePrepareResult> PrepareProgress { get; } =
            new BatchCall<UserInstancePair, KooPhonePrepareResult>(
                KooPhoneOperation.ShowProgress, ResultKind.Actions, PairTarget, (api, pairs, ct) => api.GetPrepareProgressAsync(pairs[0].UserId, pairs[0].InstanceId, ct),
                (pairs, progress) => new[] { ItemResult.Of(PairTarget(pairs[0]), progress) });

        public static BatchCall<string, BatchSubmission> StartCommand(string command) =>
            Jobs(KooPhoneOperation.AsyncInvokeInstance, (api, ids, ct) => api.StartCommandAsync(command, ids, ct));

        public static BatchCall<string, BatchSubmission> InstallApp(AppPackage package) =>
            Jobs(KooPhoneOperation.InstallApp, (api, ids, ct) => api.InstallAppAsync(package, ids, ct));

        public static BatchCall<string, ActionReceipt> SetVideo(IReadOnlyList<KooPhoneVideoSetting> settings) =>
            Actions(KooPhoneOperation.SetVideo, (api, ids, ct) => api.SetVideoAsync(ids, settings, ct));

        public static BatchCall<string, IReadOnlyList<KooPhoneCommandResult>> RunCommand(string command) =>
            PerId(KooPhoneOperation.SyncInvokeInstance, (api, ids, ct) => api.RunCommandAsync(command, ids, ct), r => r.InstanceId, "The service answered without a result for this instance.");

        /// <summary>
        /// Prepare: the answer's status_list; an id it leaves out is still prepared ([UNCONFIRMED] whether it always lists every one), so it gets a result waiting to be restored.
        /// Each target names the user too: a journal entry for the same instance prepared for another user says nothing about this one.
        /// </summary>
        public static BatchCall<string, IReadOnlyList<KooPhonePrepareResult>> Prepare(string userId) =>
            new BatchCall<string, IReadOnlyList<KooPhonePrepareResult>>(
                KooPhoneOperation.BatchPrepareInstances, ResultKind.Actions, id => new InstanceTarget(id, userId), (api, ids, ct) => api.PrepareInstancesAsync(userId, ids, ct),
                (ids, results) =>
                {
                    var byId = FirstById(results, r => r.InstanceId);
                    return ids.Select(id => ItemResult.Of(new InstanceTarget(id, userId), byId.TryGetValue(id, out var result)
                        ? result
                        : new KooPhonePrepareResult { InstanceId = id, UserId = userId, Status = InstanceLifecycleStatus.WaitingToBeRestored }));
                });

        public static BatchCall<string, IReadOnlyList<KooPhoneApp>> Apps(AppType appType) =>
            new BatchCall<string, IReadOnlyList<KooPhoneApp>>(
                KooPhoneOperation.ListInstanceApp, ResultKind.Actions, IdTarget, (api, ids, ct) => api.ListAppsAsync(ids[0], appType, ct),
                (ids, apps) => new[] { ItemResult.OfMany(IdTarget(ids[0]), apps.Cast<object>().ToList()) });

        public static BatchCall<string, KooPhoneDeviceToken> DeviceToken(int? streamType) =>
            new BatchCall<string, KooPhoneDeviceToken>(
                KooPhoneOperation.ExecuteInstanceAuthToken, ResultKind.Actions, IdTarget, (api, ids, ct) => api.GetDeviceTokenAsync(ids[0], streamType, ct),
                (ids, token) => new[] { ItemResult.Of(IdTarget(ids[0]), token) });

        /// <summary>For calls that answer only "accepted": one result per item, named after the API operation that carried it.</summary>
        public static KooPhoneActionResult Accepted(string instanceId, ActionReceipt receipt, string? userId = null) => new KooPhoneActionResult
        {
            InstanceId = instanceId, Operation = receipt.Operation.Name, UserId = userId, RequestId = receipt.RequestId, ServiceRequestId = receipt.ServiceRequestId, At = receipt.At,
        };

        private static InstanceTarget IdTarget(string id) => new InstanceTarget(id);

        private static InstanceTarget PairTarget(UserInstancePair pair) => new InstanceTarget(pair.InstanceId, pair.UserId);

        private static BatchCall<string, BatchSubmission> Jobs(KooPhoneOperation operation, Func<KooPhoneApiClient, IReadOnlyList<string>, CancellationToken, Task<BatchSubmission>> send) =>
            new BatchCall<string, BatchSubmission>(
                operation, ResultKind.Jobs, IdTarget, send,
                (ids, submission) => JobResults.FromSubmission(ids, submission).Select(job => ItemResult.Of(IdTarget(job.InstanceId), job)));

        private static BatchCall<string, ActionReceipt> Actions(KooPhoneOperation operation, Func<KooPhoneApiClient, IReadOnlyList<string>, CancellationToken, Task<ActionReceipt>> send) =>
            new BatchCall<string, ActionReceipt>(
                operation, ResultKind.Actions, IdTarget, send,
                (ids, receipt) => ids.Select(id => ItemResult.Of(IdTarget(id), Accepted(id, receipt))));

        private static BatchCall<string, IReadOnlyList<T>> PerId<T>(
            KooPhoneOperation operation, Func<KooPhoneApiClient, IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<T>>> send,
            Func<T, string> idOf, string missing)
            where T : class =>
            new BatchCall<string, IReadOnlyList<T>>(
                operation, ResultKind.Actions, IdTarget, send,
                (ids, answers) =>
                {
                    var byId = FirstById(answers, idOf);
                    return ids.Select(id => byId.TryGetValue(id, out var answer) ? ItemResult.Of(IdTarget(id), answer) : ItemResult.Missing(IdTarget(id), missing));
                });

        private static Dictionary<string, T> FirstById<T>(IEnumerable<T> answers, Func<T, string> idOf) =>
            answers.GroupBy(idOf).ToDictionary(g => g.Key, g => g.First());
    }
}
