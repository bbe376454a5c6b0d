namespace KooPhone.Client.Models
{
    /// <summary>What CreateInstance orders (docs/api-reference.md §5.9).</summary>
    internal sealed class InstanceOrder
    {
        public string Os { get; set; } = "AOSP11";
        public string InstanceSkuId { get; set; } = "";
        public string BandwidthSkuId { get; set; } = "";
        public string RegionId { get; set; } = "";
        public string NamePrefix { get; set; } = "";
        public double Bandwidth { get; set; }
        public int Count { get; set; }
        public bool Yearly { get; set; }
        public int PeriodCount { get; set; }
        public bool AutoPay { get; set; }
        public bool AutoRenew { get; set; }
        public string? Network { get; set; }
        public string? NodeGroupId { get; set; }
    }
}
