using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api.Wire;
using KooPhone.Client.Models;

namespace KooPhone.Client.Api
{
    public sealed partial class KooPhoneApiClient
    {
        /// <summary>The most apps one ListInstanceApp page holds (reference 5.14).</summary>
        public const int MaxAppPageSize = 200;

        /// <summary>InstallApp: installs an APK from OBS on instances; answers with a task (ZGCA…).</summary>
        public Task<BatchSubmission> InstallAppAsync(AppPackage package, IReadOnlyList<string> instanceIds, CancellationToken cancellationToken) =>
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

        /// <summary>ListInstanceApp: one page of an instance's apps; appType 1 system, 2 third-party, null all.</summary>
        public async Task<(IReadOnlyList<KooPhoneApp> Apps, int? Total)> ListAppsAsync(string instanceId, int pageNo, int pageSize, int? appType, CancellationToken cancellationToken)
        {
            var path = KooPhoneOperation.ListInstanceApp.RelativePath(instanceId) + "?page_no=" + pageNo.ToString(CultureInfo.InvariantCulture) +
                "&page_size=" + pageSize.ToString(CultureInfo.InvariantCulture) + (appType.HasValue ? "&app_type=" + appType.Value.ToString(CultureInfo.InvariantCulture) : "");
            var response = await SendAsync(new ApiCall(KooPhoneOperation.ListInstanceApp, path, null, NewRequestId()), cancellationToken).ConfigureAwait(false);
            var data = ResponseEnvelope.ReadData<AppPageData>(response, KooPhoneJson.Options);
            var apps = (data.Result ?? new List<AppRecord>())
                .Select(a => new KooPhoneApp { InstanceId = instanceId, Name = a.AppName, Version = a.AppVersion, PackageName = a.AppPackage, IconUrl = a.IconUrl })
                .ToList();
            return (apps, data.TotalCount);
        }
    }
}
