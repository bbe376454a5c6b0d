using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using KooPhone.Emulator.Admin;
using KooPhone.Emulator.Api.Contracts;
using KooPhone.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KooPhone.Emulator.Api;

/// <summary>BatchShowSku (docs/api-reference.md §5.7) and CreateInstance (§5.9): what can be bought, and buying it.</summary>
public static class OrderEndpoints
{
    /// <summary>Maps the area's operations.</summary>
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/instances/sku", BatchShowSku)
            .WithMetadata(new OperationMarker("BatchShowSku"));
        v1.MapPost("/instances/create", CreateInstanceAsync)
            .WithMetadata(new OperationMarker("CreateInstance"));
    }

    // type is required and only 0 (cloud-phone SKUs) exists.
    private static IResult BatchShowSku(HttpContext httpContext)
    {
        string? type = QueryParameters.NonEmpty(httpContext.Request.Query["type"]);
        if (type != "0")
        {
            return ApiResults.InvalidParameter(type is null
                ? "missing required query parameter 'type' (0: cloud-phone SKUs, the only type)"
                : $"query parameter 'type' must be 0 (cloud-phone SKUs, the only type), got '{type}'");
        }

        var regions = new List<SkuRegion>();
        foreach (RegionInfo region in RegionCatalog.All)
        {
            var items = new List<SkuItem>();
            foreach (SkuDefinition sku in SkuCatalog.All)
            {
                if (ReferenceEquals(sku.Region, region))
                {
                    items.Add(ToItem(sku));
                }
            }

            regions.Add(new SkuRegion(region.Id, items));
        }

        return ApiResults.Success(new SkuData(new BandInfo(SkuCatalog.BandwidthSkuId), regions));
    }

    private static async Task<IResult> CreateInstanceAsync(HttpContext httpContext, OrderOperations orders, TimeProvider time, ActionLog actions)
    {
        (JsonDocument? document, string? error) = await JsonBody.ReadObjectAsync(httpContext).ConfigureAwait(false);
        if (document is null)
        {
            return ApiResults.InvalidParameter(error!);
        }

        InstanceOrder? order;
        using (document)
        {
            if (!CreateInstanceRequestReader.TryRead(document.RootElement, out CreateInstanceRequest? request, out KooPhoneJsonResult? problem)
                || !OrderValidator.TryValidate(request!, out order, out problem))
            {
                return problem!;
            }
        }

        IReadOnlyList<OrderedInstance> created = orders.Place(order!);
        actions.RecordWithoutInstance(httpContext);
        var infos = new OrderedInstanceItem[created.Count];
        for (int i = 0; i < infos.Length; i++)
        {
            infos[i] = new OrderedInstanceItem(created[i].InstanceId, created[i].InstanceName);
        }

        return ApiResults.Success(new OrderData(OrderIds.New(time.GetUtcNow()), infos));
    }

    private static SkuItem ToItem(SkuDefinition sku)
    {
        var pools = new AospPool[sku.Pools.Count];
        for (int i = 0; i < pools.Length; i++)
        {
            AospPoolDefinition pool = sku.Pools[i];
            pools[i] = new AospPool(pool.Version, pool.ResPoolId, pool.Id, pool.Network, pool.Enable);
        }

        string edition = sku.Type == SkuCatalog.Enterprise ? "Enterprise" : "Professional";
        return new SkuItem(
            sku.Type, sku.CbcSkuId, sku.Name, sku.CalcSpec, sku.StorageSpec,
            $"{edition} edition cloud phone, {sku.CalcSpec}, {sku.StorageSpec} storage, up to {sku.MaxResolution}",
            SkuCatalog.BandSizes, ChargeMode: 0, sku.MaxResolution, ResourceSize: "1", new PoolInfo(pools));
    }
}
