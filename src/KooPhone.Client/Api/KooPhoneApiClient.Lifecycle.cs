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
        /// <summary>BatchRebootInstance: restarts instances; all must be running (KOOPHONE.API.5005 otherwise).</summary>
        internal Task<ActionReceipt> RebootInstancesAsync(IReadOnlyList<string> instanceIds, CancellationToken cancellationToken) =>
            SendActionAsync(KooPhoneOperation.BatchRebootInstance, new InstanceIdsRequest(instanceIds), cancellationToken);

        /// <summary>BatchResetInstance: wipes instances; answers with a task (docs/api-reference.md §5.5).</summary>
        internal Task<BatchSubmission> ResetInstancesAsync(IReadOnlyList<string> instanceIds, CancellationToken cancellationToken) =>
            SubmitTaskAsync(KooPhoneOperation.BatchResetInstance, new InstanceIdsRequest(instanceIds), cancellationToken);

        /// <summary>DeleteInstance: unsubscribes yearly/monthly instances (docs/api-reference.md §5.10).</summary>
        internal Task<ActionReceipt> DeleteInstancesAsync(IReadOnlyList<string> instanceIds, CancellationToken cancellationToken) =>
            SendActionAsync(KooPhoneOperation.DeleteInstance, new DeleteInstancesRequest { InstanceIdList = instanceIds }, cancellationToken);

        /// <summary>SetVideo: the same six settings for every instance given (docs/api-reference.md §5.17).</summary>
        internal Task<ActionReceipt> SetVideoAsync(IReadOnlyList<string> instanceIds, IReadOnlyList<KooPhoneVideoSetting> settings, CancellationToken cancellationToken)
        {
            var body = new VideoSettingRequest
            {
                InstanceIds = instanceIds,
                InstanceSettings = settings.Select(s => new InstanceSettingWire
                {
                    NetworkType = VideoWireNames.Of(s.NetworkType),
                    EncodingType = s.EncodingType.ToString(),
                    VideoSpecGroups = new[]
                    {
                        new VideoSpecGroupWire
                        {
                            Definition540P = new VideoSpecWire { CodeRate = s.Definition540P.CodeRate, Fps = s.Definition540P.Fps },
                            Definition720P = new VideoSpecWire { CodeRate = s.Definition720P.CodeRate, Fps = s.Definition720P.Fps },
                            Definition1080P = new VideoSpecWire { CodeRate = s.Definition1080P.CodeRate, Fps = s.Definition1080P.Fps },
                        },
                    },
                }).ToList(),
            };
            return SendActionAsync(KooPhoneOperation.SetVideo, body, cancellationToken);
        }
    }
}
