using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;

namespace KooPhone.Client.Waiting
{
    /// <summary>
    /// A reset has ended once the instance runs again (BatchShowInstance). An instance still
    /// running right after the call may not have started resetting yet, so Running counts only
    /// after a non-running state was seen, or once a grace time has passed since the submission.
    /// </summary>
    internal sealed class ResetStatusFallback : IJobStatusFallback
    {
        private static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);
        private readonly HashSet<string> _seenDown = new HashSet<string>(StringComparer.Ordinal);

        public async Task UpdateAsync(KooPhoneApiClient api, IReadOnlyList<KooPhoneJobResult> pending, CallCount calls, CancellationToken cancellationToken)
        {
            var byId = pending.ToLookup(r => r.InstanceId, StringComparer.Ordinal);
            var time = api.Context.Time;
            foreach (var batch in byId.Select(g => g.Key).Select((id, i) => (id, i)).GroupBy(x => x.i / 100, x => x.id))
            {
                calls.Add(1);
                var statuses = await api.ShowInstanceStatusAsync(batch.ToList(), cancellationToken).ConfigureAwait(false);
                foreach (var status in statuses)
                {
                    if (status.RunStatus != InstanceRunStatus.Running)
                    {
                        lock (_seenDown)
                        {
                            _seenDown.Add(status.InstanceId);
                        }

                        foreach (var result in byId[status.InstanceId])
                        {
                            result.Status = KooPhoneJobStatus.Running;
                        }

                        continue;
                    }

                    bool wentDown;
                    lock (_seenDown)
                    {
                        wentDown = _seenDown.Contains(status.InstanceId);
                    }

                    var now = time.GetUtcNow().UtcDateTime;
                    foreach (var result in byId[status.InstanceId].Where(r => wentDown || now - r.SubmittedAt > Grace))
                    {
                        JobResultUpdater.Finish(result, KooPhoneJobStatus.Succeeded, null, null, now);
                    }
                }
            }
        }
    }
}
