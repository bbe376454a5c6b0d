using System.Collections.Generic;
using KooPhone.Client.Models;

namespace KooPhone.Client.Api
{
    /// <summary>One page of ListInstances.</summary>
    internal sealed class InstancePage
    {
        public InstancePage(int pageNo, int pageSize, int? totalCount, IReadOnlyList<KooPhoneInstance> instances)
        {
            PageNo = pageNo;
            PageSize = pageSize;
            TotalCount = totalCount;
            Instances = instances;
        }

        public int PageNo { get; }

        /// <summary>The size the service applied, which may be smaller than the size asked for.</summary>
        public int PageSize { get; }

        public int? TotalCount { get; }

        public IReadOnlyList<KooPhoneInstance> Instances { get; }
    }
}
