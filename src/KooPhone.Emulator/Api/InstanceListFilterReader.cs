using System.Linq;
using KooPhone.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace KooPhone.Emulator.Api;

/// <summary>
/// Reads ListInstances' query_start_time, query_end_time, pool_scene_tag, pool_name, order and
/// order_by. Times must be <c>yyyy-MM-dd HH:mm:ss</c> UTC (KOOPHONE.API.5002 otherwise) with the
/// end not before the start (5004); other bad values are 1000.
/// </summary>
public static class InstanceListFilterReader
{
    /// <summary>The filter, or null with the error answer in <paramref name="error"/>.</summary>
    public static InstanceListFilter? Read(IQueryCollection query, out IResult? error)
    {
        error = null;
        if (!TryTime(query, "query_start_time", out long? from, ref error) || !TryTime(query, "query_end_time", out long? to, ref error))
        {
            return null;
        }

        if (from is not null && to is not null && to < from)
        {
            error = ApiResults.Error(StatusCodes.Status400BadRequest, ApiErrorCodes.EndBeforeStart, "query_end_time is earlier than query_start_time");
            return null;
        }

        string? scene = QueryParameters.NonEmpty(query["pool_scene_tag"]);
        if (scene is not null && scene != "CLOUD_PHONE" && scene != "CLOUD_APP")
        {
            error = ApiResults.InvalidParameter($"query parameter 'pool_scene_tag' must be CLOUD_APP or CLOUD_PHONE, got '{scene}'");
            return null;
        }

        string? order = QueryParameters.NonEmpty(query["order"]);
        if (order is not null && order != "asc" && order != "desc")
        {
            error = ApiResults.InvalidParameter($"query parameter 'order' must be asc or desc, got '{order}'");
            return null;
        }

        string? orderBy = QueryParameters.NonEmpty(query["order_by"]);
        if (orderBy is not null && !InstanceListFilter.SortFields.Contains(orderBy))
        {
            error = ApiResults.InvalidParameter($"query parameter 'order_by' must be one of {string.Join(", ", InstanceListFilter.SortFields)}, got '{orderBy}'");
            return null;
        }

        return new InstanceListFilter
        {
            FromSeconds = from,
            ToSeconds = to,
            SceneTag = scene,
            PoolName = QueryParameters.NonEmpty(query["pool_name"]),
            OrderBy = orderBy,
            Descending = order == "desc",
        };
    }

    private static bool TryTime(IQueryCollection query, string name, out long? seconds, ref IResult? error)
    {
        seconds = null;
        string? text = QueryParameters.NonEmpty(query[name]);
        if (text is null)
        {
            return true;
        }

        if (!EmulatorTime.TryParseUnixSeconds(text, out long parsed))
        {
            error = ApiResults.Error(StatusCodes.Status400BadRequest, ApiErrorCodes.BadTimeFormat, $"query parameter '{name}' must be yyyy-MM-dd HH:mm:ss, got '{text}'");
            return false;
        }

        seconds = parsed;
        return true;
    }
}
