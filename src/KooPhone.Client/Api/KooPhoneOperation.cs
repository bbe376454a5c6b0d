using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;

namespace KooPhone.Client.Api
{
    /// <summary>
    /// One of the 21 KooPhone API operations and what the engine may assume about it: where it is
    /// sent, what a success answer must carry, whether it changes state, whether a repeat is
    /// harmless, and where its effect shows when its answer is lost. docs/operations.md is the
    /// same table in prose, with its assumptions marked. Results and errors name the operation by
    /// <see cref="Name"/>, the API's own name for it.
    /// </summary>
    internal sealed class KooPhoneOperation
    {
        private static readonly Regex PathParameter = new Regex(@"\{[a-z_]+\}", RegexOptions.CultureInvariant);

        private static DataMember Text(string name) => new DataMember(name, DataKind.Text);

        private static DataMember Number(string name) => new DataMember(name, DataKind.Number);

        private static DataMember List(string name) => new DataMember(name, DataKind.List);

        private static DataMember Record(string name) => new DataMember(name, DataKind.Record);

        public static readonly KooPhoneOperation AsyncInvokeInstance = Change("AsyncInvokeInstance", HttpMethod.Post, "/v1/instances/async-command", RepeatPolicy.CheckFirst, StateSignal.None, SuccessShape.Task);
        public static readonly KooPhoneOperation BatchBackupInstances = Change("BatchBackupInstances", HttpMethod.Post, "/v1/instances/backup", RepeatPolicy.CheckFirst, StateSignal.BackupStatus, SuccessShape.Task);
        public static readonly KooPhoneOperation BatchPrepareInstances = Change("BatchPrepareInstances", HttpMethod.Post, "/v1/instances/prepare", RepeatPolicy.CheckFirst, StateSignal.PrepareProgress, SuccessShape.WithData(List("status_list")));
        public static readonly KooPhoneOperation BatchRebootInstance = Change("BatchRebootInstance", HttpMethod.Post, "/v1/instances/reboot", RepeatPolicy.CheckFirst, StateSignal.None, SuccessShape.CodeOnly);
        public static readonly KooPhoneOperation BatchResetInstance = Change("BatchResetInstance", HttpMethod.Post, "/v1/instances/batch-reset", RepeatPolicy.CheckFirst, StateSignal.RunStatus, SuccessShape.Task);
        public static readonly KooPhoneOperation BatchShowInstance = Read("BatchShowInstance", HttpMethod.Post, "/v1/instances/batch-query-status", SuccessShape.WithData(List("status_results")));
        public static readonly KooPhoneOperation BatchShowSku = Read("BatchShowSku", HttpMethod.Get, "/v1/instances/sku", SuccessShape.WithData(List("skuSpecResponseList")));
        public static readonly KooPhoneOperation CancelInstance = Change("CancelInstance", HttpMethod.Post, "/v1/instances/unassign", RepeatPolicy.CheckFirst, StateSignal.AssignStatus, SuccessShape.Task);
        public static readonly KooPhoneOperation CreateInstance = Change("CreateInstance", HttpMethod.Post, "/v1/instances/create", RepeatPolicy.Never, StateSignal.None, SuccessShape.WithData(Text("orderId")));
        public static readonly KooPhoneOperation DeleteInstance = Change("DeleteInstance", HttpMethod.Post, "/v1/instances/delete", RepeatPolicy.CheckFirst, StateSignal.Disappears, SuccessShape.CodeOnly);

        // A POST that hands out a token and leaves the instance as it was.
        public static readonly KooPhoneOperation ExecuteInstanceAuthToken = Read("ExecuteInstanceAuthToken", HttpMethod.Post, "/v1/instances/{instance_id}/auth", SuccessShape.WithData(Text("device_token"), Record("resource")));
        public static readonly KooPhoneOperation ExecuteJob = Read("ExecuteJob", HttpMethod.Get, "/v1/instances/tasks/{task_id}", SuccessShape.WithData(List("jobs")));
        public static readonly KooPhoneOperation InstallApp = Change("InstallApp", HttpMethod.Post, "/v1/instances/app/install", RepeatPolicy.CheckFirst, StateSignal.AppList, SuccessShape.Task.AcceptingNestedData());
        public static readonly KooPhoneOperation ListInstanceApp = Read("ListInstanceApp", HttpMethod.Get, "/v1/instances/{instance_id}/app-list", SuccessShape.WithData(List("result")));
        public static readonly KooPhoneOperation ListInstances = Read("ListInstances", HttpMethod.Get, "/v1/instances/batch-query", SuccessShape.WithData(List("result")).WithCodeInsideData());
        public static readonly KooPhoneOperation ProvisionInstance = Change("ProvisionInstance", HttpMethod.Post, "/v1/instances/assign", RepeatPolicy.CheckFirst, StateSignal.AssignStatus, SuccessShape.CodeOnly);
        public static readonly KooPhoneOperation SetVideo = Change("SetVideo", HttpMethod.Put, "/v1/instances/video-setting", RepeatPolicy.Harmless, StateSignal.None, SuccessShape.CodeOnly);
        public static readonly KooPhoneOperation ShowProgress = Read("ShowProgress", HttpMethod.Post, "/v1/instances/prepare-progress", SuccessShape.WithData(Number("status")));
        public static readonly KooPhoneOperation StopInstancesSession = Change("StopInstancesSession", HttpMethod.Post, "/v1/instances/session/release", RepeatPolicy.Harmless, StateSignal.None, SuccessShape.CodeOnly);
        public static readonly KooPhoneOperation StopInstancesStreaming = Change("StopInstancesStreaming", HttpMethod.Post, "/v1/instances/streaming/stop", RepeatPolicy.Harmless, StateSignal.None, SuccessShape.CodeOnly);
        public static readonly KooPhoneOperation SyncInvokeInstance = Change("SyncInvokeInstance", HttpMethod.Post, "/v1/instances/sync-command", RepeatPolicy.CheckFirst, StateSignal.None, SuccessShape.WithData(List("cmd_results")));

        /// <summary>Every operation, in the order of the API reference.</summary>
        public static readonly IReadOnlyList<KooPhoneOperation> All = new[]
        {
            AsyncInvokeInstance, BatchBackupInstances, BatchPrepareInstances, BatchRebootInstance, BatchResetInstance,
            BatchShowInstance, BatchShowSku, CancelInstance, CreateInstance, DeleteInstance, ExecuteInstanceAuthToken,
            ExecuteJob, InstallApp, ListInstanceApp, ListInstances, ProvisionInstance, SetVideo, ShowProgress,
            StopInstancesSession, StopInstancesStreaming, SyncInvokeInstance,
        };

        private KooPhoneOperation(string name, HttpMethod method, string path, bool changesState, RepeatPolicy repeatPolicy, StateSignal stateSignal, SuccessShape success)
        {
            Name = name;
            Method = method;
            Path = path;
            ChangesState = changesState;
            RepeatPolicy = repeatPolicy;
            StateSignal = stateSignal;
            Success = success;
        }

        /// <summary>The API's name for the operation, e.g. BatchBackupInstances.</summary>
        public string Name { get; }

        public HttpMethod Method { get; }

        /// <summary>The path as the reference writes it, with parameters in braces, e.g. /v1/instances/{instance_id}/auth.</summary>
        public string Path { get; }

        /// <summary>True when a call may change instances, orders or settings.</summary>
        public bool ChangesState { get; }

        public RepeatPolicy RepeatPolicy { get; }

        /// <summary>Where the effect shows in the instances' state; None for reads.</summary>
        public StateSignal StateSignal { get; }

        /// <summary>What a success answer must carry.</summary>
        public SuccessShape Success { get; }

        /// <summary>True when sending the call again can do no harm (reads and harmless repeats), so any failure may be retried.</summary>
        public bool IsSafeToRepeat => !ChangesState || RepeatPolicy == RepeatPolicy.Harmless;

        /// <summary>The operation of that name (case-insensitive), or null.</summary>
        public static KooPhoneOperation? Find(string? name) =>
            All.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));

        /// <summary>The path relative to the endpoint (no leading slash, so an endpoint path prefix is kept), with each parameter filled in order, escaped.</summary>
        internal string RelativePath(params string[] values)
        {
            var expected = PathParameter.Matches(Path).Count;
            if (expected != values.Length)
            {
                throw new ArgumentException($"{Name} takes {expected} path values, not {values.Length}.", nameof(values));
            }

            var next = 0;
            return PathParameter.Replace(Path, _ => Uri.EscapeDataString(values[next++])).TrimStart('/');
        }

        public override string ToString() => Name;

        private static KooPhoneOperation Read(string name, HttpMethod method, string path, SuccessShape success) =>
            new KooPhoneOperation(name, method, path, false, RepeatPolicy.Harmless, StateSignal.None, success);

        private static KooPhoneOperation Change(string name, HttpMethod method, string path, RepeatPolicy repeatPolicy, StateSignal stateSignal, SuccessShape success) =>
            new KooPhoneOperation(name, method, path, true, repeatPolicy, stateSignal, success);
    }
}
