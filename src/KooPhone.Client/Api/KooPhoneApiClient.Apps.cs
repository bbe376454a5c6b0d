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
        /// <summary>The most apps one ListInstanceApp page holds (docs/api-reference.md §5.14).</summary>
        internal const int MaxAppPageSize = 200;

        /// <summary>InstallApp: installs an APK from OBS on instances; answers with a task (ZGCA…).</summary>
        internal Task<BatchSubmission> InstallAppAsync(AppPackage package, IReadOnlyList<string> instanceIds, CancellationToken cancellationToken) =>
            SubmitTaskAsync(KooPhoneOperation.InstallApp, new InstallAppRequest
            {
                FastInstall = package.FastInstall ? "1" : "0",
                ObjectName = package.PackageName,
                FileName = package.FileName,
                ObjectVersion = package.Version,
                ObjectSize = package.SizeMB,
                ContentType = package.ContentType,
                ContentMd5 = package.Md5,
                InstallPackageUrl = package.Url,
                InstanceIdList = instanceIds,
            }, cancellationToken);

        /// <summary>
        /// ListInstanceApp, every page: the apps of one instance of <paramref name="appType"/>. Paging
        /// stops at a short page or once the total the service reports has been read.
        /// </summary>
        internal async Task<IReadOnlyList<KooPhoneApp>> ListAppsAsync(string instanceId, AppType appType, CancellationToken cancellationToken)
        {
            var apps = new List<KooPhoneApp>();
            for (var page = 1; ; page++)
            {
                var (batch, total) = await ListAppPageAsync(instanceId, page, MaxAppPageSize, appType, cancellationToken).ConfigureAwait(false);
                apps.AddRange(batch);
                if (batch.Count < MaxAppPageSize || (total.HasValue && apps.Count >= total.Value))
                {
                    return apps;
                }
            }
        }

        /// <summary>ListInstanceApp: one page of an instance's apps.</summary>
        internal async Task<(IReadOnlyList<KooPhoneApp> Apps, int? Total)> ListAppPageAsync(string instanceId, int pageNo, int pageSize, AppType appType, CancellationToken cancellationToken)
        {
            var path = WithQuery(
                KooPhoneOperation.ListInstanceApp.RelativePath(instanceId),
                ("page_no", Number(pageNo)),
                ("page_size", Number(pageSize)),
                // The service's app_type: 1 system, 2 third-party; left out for all.
                ("app_type", appType == AppType.All ? null : Number((int)appType)));
            var data = (await ReadAsync<AppPageData>(KooPhoneOperation.ListInstanceApp, path, null, cancellationToken).ConfigureAwait(false)).Data;
            var apps = (data.Result ?? new List<AppRecord>())
                .Select(a => new KooPhoneApp { InstanceId = instanceId, Name = a.AppName, Version = a.AppVersion, PackageName = a.AppPackage, IconUrl = a.IconUrl })
                .ToList();
            return (apps, data.TotalCount);
        }
    }
}
