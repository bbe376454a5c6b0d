using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using KooPhone.Emulator.Admin;
using KooPhone.Emulator.Hosting;
using KooPhone.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KooPhone.Emulator.Api;

/// <summary>SetVideo (docs/api-reference.md §5.17): bit and frame rates per network type, codec and definition.</summary>
public static class VideoEndpoints
{
    /// <summary>Maps the area's operations.</summary>
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPut("/instances/video-setting", SetVideoAsync)
            .WithMetadata(new OperationMarker("SetVideo"));
    }

    private static async Task<IResult> SetVideoAsync(HttpContext httpContext, VideoOperations video, ActionLog actions, RunTimeOptions runTime)
    {
        (JsonDocument? document, string? error) = await JsonBody.ReadObjectAsync(httpContext).ConfigureAwait(false);
        if (document is null)
        {
            return ApiResults.InvalidParameter(error!);
        }

        InstanceIdListResult read;
        IReadOnlyList<VideoSetting> settings;
        using (document)
        {
            read = InstanceIdListReader.ReadList(document.RootElement, InstanceIdListReader.InstanceIdsField);
            if (read.Ids is null)
            {
                return ApiResults.InvalidParameter(read.Error!);
            }

            if (!VideoSettingsReader.TryRead(document.RootElement, out settings, out error))
            {
                return ApiResults.InvalidParameter(error!);
            }
        }

        BatchResult result = video.TrySet(read.Ids, settings);
        if (result.Refusal is not null)
        {
            // Under --rejected-batches partly-applied the healthy IDs were carried out all the same.
            actions.Record(httpContext, result.Refusal.CarriedOutIds);
            return RefusalResults.From(result.Refusal, runTime.Current.RefusalIdNaming);
        }

        actions.Record(httpContext, read.Ids);
        return ApiResults.Success(null);
    }
}
