using System;
using System.Threading.Tasks;
using KooPhone.Emulator.Api.Contracts;
using KooPhone.Emulator.Hosting;
using KooPhone.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KooPhone.Emulator.Api;

/// <summary>Read-only instance queries: ListInstances (docs/api-reference.md §5.15) and BatchShowInstance (§5.6).</summary>
public static class InstanceQueryEndpoints
{
    /// <summary>Maps the area's operations.</summary>
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/instances/batch-query", ListInstances)
            .WithMetadata(new OperationMarker("ListInstances", requestIdInQuery: true));
        v1.MapPost("/instances/batch-query-status", BatchShowInstanceAsync)
            .WithMetadata(new OperationMarker("BatchShowInstance"));
    }

    private static IResult ListInstances(HttpContext httpContext, InstanceStore store, EmulatorOptions options, RunTimeOptions runTime, ChurnOperations churn)
    {
        IQueryCollection query = httpContext.Request.Query;
        if (!QueryParameters.TryRequiredInt(query, "page_no", 1, int.MaxValue, out int pageNo, out string? error)
            || !QueryParameters.TryRequiredInt(query, "page_size", 1, int.MaxValue, out int pageSize, out error))
        {
            return ApiResults.InvalidParameter(error!);
        }

        InstanceListFilter? filter = InstanceListFilterReader.Read(query, out IResult? filterError);
        if (filter is null)
        {
            return filterError!;
        }

        churn.Apply(runTime.Current.ListingChurn);

        // The reference documents no maximum (docs/api-reference.md §11 item 2); the emulator clamps silently and
        // reports the effective size, which a client must be able to cope with.
        int effectiveSize = Math.Min(pageSize, options.MaxPageSize);
        InstancePage page = store.QueryPage(
            QueryParameters.NonEmpty(query["instance_id"]), QueryParameters.NonEmpty(query["instance_name"]), filter, pageNo, effectiveSize);
        return ApiResults.ListInstances(new ListInstancesData(pageNo, effectiveSize, page.TotalCount, page.Items));
    }

    private static async Task<IResult> BatchShowInstanceAsync(HttpContext httpContext, InstanceStore store, RunTimeOptions runTime)
    {
        InstanceIdListResult read = await InstanceIdListReader.ReadAsync(httpContext).ConfigureAwait(false);
        if (read.Ids is null)
        {
            return ApiResults.InvalidParameter(read.Error!);
        }

        BatchResult<int[]> result = store.QueryStatuses(read.Ids);
        if (result.Refusal is not null)
        {
            return RefusalResults.From(result.Refusal, runTime.Current.RefusalIdNaming);
        }

        var statuses = new StatusResult[read.Ids.Count];
        for (int i = 0; i < statuses.Length; i++)
        {
            statuses[i] = new StatusResult(read.Ids[i], result.Value![i]);
        }

        return ApiResults.Success(new StatusResultsData(statuses));
    }
}
