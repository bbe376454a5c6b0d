namespace KooPhone.Client.Models
{
    /// <summary>What CreateInstance orders (docs/api-reference.md §5.9).</summary>
    internal sealed class InstanceOrder
    {
        /// <summary>The image; required by the reference, and with no documented default, so always the user's choice.</summary>
        public string Os { get; set; } = "";
        public string InstanceSkuId { get; set; } = "";
        public string BandwidthSkuId { get; set; } = "";
        public string RegionId { get; set; } = "";
        public string NamePrefix { get; set; } = "";
        public double Bandwidth { get; set; }
        public int Count { get; set; }
        public bool Yearly { get; set; }
        public int PeriodCount { get; set; }

        /// <summary>isAutoPay: sent only when the user said (true 1, false 0); null leaves it out, as it is optional.</summary>
        public bool? AutoPay { get; set; }

        /// <summary>isAutoRenew: as AutoPay.</summary>
        public bool? AutoRenew { get; set; }
        public string? Network { get; set; }
        public string? NodeGroupId { get; set; }
    }
}
