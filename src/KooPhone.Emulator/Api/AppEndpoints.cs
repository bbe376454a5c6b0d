using System.Text.Json;
using System.Threading.Tasks;
using KooPhone.Emulator.Admin;
using KooPhone.Emulator.Api.Contracts;
using KooPhone.Emulator.Hosting;
using KooPhone.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace KooPhone.Emulator.Api;

/// <summary>InstallApp (docs/api-reference.md §5.13) and ListInstanceApp (§5.14).</summary>
public static class AppEndpoints
{
    /// <summary>Largest ListInstanceApp page (SDK: 1–200).</summary>
    public const int MaxPageSize = 200;

    /// <summary>Maps the area's operations.</summary>
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/instances/app/install", InstallAppAsync)
            .WithMetadata(new OperationMarker("InstallApp"));
        v1.MapGet("/instances/{instance_id}/app-list", ListInstanceApp)
            .WithMetadata(new OperationMarker("ListInstanceApp"));
    }

    private static async Task<IResult> InstallAppAsync(
        HttpContext httpContext, AppOperations apps, TaskStore tasks, EmulatorOptions options, ActionLog actions, RunTimeOptions runTime)
    {
        (JsonDocument? document, string? error) = await JsonBody.ReadObjectAsync(httpContext).ConfigureAwait(false);
        if (document is null)
        {
            return ApiResults.InvalidParameter(error!);
        }

        InstallAppRequest? request;
        using (document)
        {
            if (!InstallAppRequestReader.TryRead(document.RootElement, out request, out KooPhoneJsonResult? problem))
            {
                return problem!;
            }
        }

        BatchResult result = apps.TryInstall(request!.InstanceIds, request.App, options.JobDelay);
        if (result.Refusal is not null)
        {
            // Under --rejected-batches partly-applied the healthy IDs were carried out all the same.
            actions.Record(httpContext, result.Refusal.CarriedOutIds);
            return RefusalResults.From(result.Refusal, runTime.Current.RefusalIdNaming);
        }

        actions.Record(httpContext, request.InstanceIds);

        // Install jobs report 0 (not started) for the first third of the delay, then 1, then 2 (docs/api-reference.md §4.4).
        EmulatorTask task = tasks.CreateSucceeding(
            TaskKind.Install, request.InstanceIds, result.At + (options.JobDelay / 3), result.At + options.JobDelay);
        TaskData data = TaskData.From(task);
        return options.NestedInstallResponse ? ApiResults.Success(new NestedTaskData(data)) : ApiResults.Success(data);
    }

    private static IResult ListInstanceApp([FromRoute(Name = "instance_id")] string instanceId, HttpContext httpContext, AppOperations apps, RunTimeOptions runTime)
    {
        IQueryCollection query = httpContext.Request.Query;
        string? error = InstanceIdListReader.CheckId(instanceId, "instance_id");
        if (error is not null
            || !QueryParameters.TryRequiredInt(query, "page_no", 1, int.MaxValue, out int pageNo, out error)
            || !QueryParameters.TryRequiredInt(query, "page_size", 1, MaxPageSize, out int pageSize, out error)
            || !QueryParameters.TryOptionalInt(query, "app_type", AppEntry.SystemApp, AppEntry.ThirdPartyApp, out int? appType, out error))
        {
            return ApiResults.InvalidParameter(error!);
        }

        BatchResult<AppPage> result = apps.TryList(instanceId, appType, pageNo, pageSize);
        if (result.Refusal is not null)
        {
            return RefusalResults.From(result.Refusal, runTime.Current.RefusalIdNaming);
        }

        AppPage page = result.Value!;
        var items = new AppItem[page.Items.Count];
        for (int i = 0; i < items.Length; i++)
        {
            AppEntry app = page.Items[i];
            items[i] = new AppItem(app.Name, app.Version, app.Package, app.IconUrl);
        }

        return ApiResults.Success(new AppPageData(pageNo, pageSize, page.TotalCount, items));
    }
}
