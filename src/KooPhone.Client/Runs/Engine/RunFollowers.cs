using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;
using KooPhone.Client.Waiting;

namespace KooPhone.Client.Runs
{
    /// <summary>The followers -Wait uses, one per kind of result, each polling through the waiter that knows its state.</summary>
    internal static class RunFollowers
    {
        /// <summary>Jobs of tasks (Backup, Reset, Start-KooPhoneCommand, Install-KooPhoneApp, Revoke, Wait-KooPhoneTask): the task query, then the operations' state fallbacks.</summary>
        public static RunFollower<KooPhoneJobResult> Jobs(KooPhoneApiClient api, int throttleLimit, string activity, TimeSpan timeout, CancellationToken stop) =>
            new RunFollower<KooPhoneJobResult>(
                new JobWaiter(api, Array.Empty<KooPhoneJobResult>(), JobStatusFallbacks.Create(throttleLimit), throttleLimit), activity, new PollPacer(api.Clock, timeout),
                r => r.InstanceId, stop);

        /// <summary>Restarts: each instance's run status until it is running again.</summary>
        public static RunFollower<KooPhoneActionResult> Restarts(KooPhoneApiClient api, int throttleLimit, TimeSpan timeout, CancellationToken stop) =>
            new RunFollower<KooPhoneActionResult>(new RestartWaiter(api, throttleLimit), "Waiting for restarts", new PollPacer(api.Clock, timeout), r => r.InstanceId, stop);

        /// <summary>Preparations for a user's session: the prepare progress until ready.</summary>
        public static RunFollower<KooPhonePrepareResult> Preparations(KooPhoneApiClient api, int throttleLimit, TimeSpan timeout, CancellationToken stop) =>
            new RunFollower<KooPhonePrepareResult>(
                new PrepareWaiter(api, Array.Empty<KooPhonePrepareResult>(), throttleLimit), "Preparing instances", new PollPacer(api.Clock, timeout), r => r.InstanceId, stop);

        /// <summary>One poll of job results (Get-KooPhoneTask): each result is updated in place with what its task (or its state) says now.</summary>
        public static Task PollOnceAsync(KooPhoneApiClient api, IEnumerable<KooPhoneJobResult> results, CancellationToken cancellationToken) =>
            new JobWaiter(api, results, JobStatusFallbacks.Create(4), 4).PollOnceAsync(cancellationToken);
    }
}
