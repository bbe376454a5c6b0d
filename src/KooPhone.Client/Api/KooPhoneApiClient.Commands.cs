using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api.Wire;
using KooPhone.Client.Models;

namespace KooPhone.Client.Api
{
    internal sealed partial class KooPhoneApiClient
    {
        /// <summary>SyncInvokeInstance: runs an ADB shell command and returns each instance's output.</summary>
        internal async Task<IReadOnlyList<KooPhoneCommandResult>> RunCommandAsync(string command, IReadOnlyList<string> instanceIds, CancellationToken cancellationToken)
        {
            var answer = await ReadAsync<CommandResultsData>(KooPhoneOperation.SyncInvokeInstance, KooPhoneOperation.SyncInvokeInstance.RelativePath(), new CommandRequest { Command = command, InstanceIds = instanceIds }, cancellationToken).ConfigureAwait(false);
            return (answer.Data.CmdResults ?? new List<CmdResult>())
                .Where(r => !string.IsNullOrEmpty(r.InstanceId))
                .Select(r => new KooPhoneCommandResult
                {
                    InstanceId = r.InstanceId!,
                    Command = command,
                    // A request-level "0" does not mean every instance succeeded (docs/api-reference.md §5.21).
                    Status = KooPhoneJobStatusExtensions.FromApiJobStatus(r.Status),
                    Output = r.ExecuteMessage,
                    ErrorCode = NullIfEmpty(r.ErrorCode),
                    ErrorMessage = NullIfEmpty(r.ErrorMessage),
                    RequestId = answer.RequestId,
                    ServiceRequestId = answer.ServiceRequestId,
                })
                .ToList();
        }

        /// <summary>AsyncInvokeInstance: starts an ADB shell command; the task query reports how it ended.</summary>
        internal Task<BatchSubmission> StartCommandAsync(string command, IReadOnlyList<string> instanceIds, CancellationToken cancellationToken) =>
            SubmitTaskAsync(KooPhoneOperation.AsyncInvokeInstance, new CommandRequest { Command = command, InstanceIds = instanceIds }, cancellationToken);
    }
}
