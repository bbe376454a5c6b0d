using System;

namespace KooPhone.Client.Models
{
    /// <summary>
    /// The filters and order of a ListInstances call. Only instance_id, instance_name and the
    /// formats are documented; what the time window compares with, whether the names are exact,
    /// and which order_by values exist are not [UNCONFIRMED], so every value goes out as given.
    /// </summary>
    internal sealed class InstanceQuery
    {
        public static readonly InstanceQuery All = new InstanceQuery();

        public string? InstanceId { get; set; }

        /// <summary>An exact name; wildcards are the caller's business.</summary>
        public string? InstanceName { get; set; }

        /// <summary>query_start_time: the start of the time window, sent in UTC.</summary>
        public DateTimeOffset? Since { get; set; }

        /// <summary>query_end_time: the end of the time window, sent in UTC.</summary>
        public DateTimeOffset? Until { get; set; }

        /// <summary>pool_scene_tag.</summary>
        public PoolScene? Scene { get; set; }

        /// <summary>pool_name: the node group's name.</summary>
        public string? PoolName { get; set; }

        /// <summary>order_by: the field to sort by, as the service names it.</summary>
        public string? SortBy { get; set; }

        /// <summary>order: desc when true, asc when false, not sent when null.</summary>
        public bool? Descending { get; set; }
    }
}
