using System.Collections.Generic;

namespace KooPhone.Client.Models
{
    /// <summary>A cloud-phone specification the tenant can buy in one region; its ids are what New-KooPhoneInstance orders.</summary>
    public sealed class KooPhoneSku
    {
        public string? RegionId { get; set; }

        /// <summary>The instance SKU id (cbcSkuId): New-KooPhoneInstance's -InstanceSkuId.</summary>
        public string? SkuId { get; set; }

        /// <summary>The bandwidth SKU id of the tenant: New-KooPhoneInstance's -BandwidthSkuId.</summary>
        public string? BandwidthSkuId { get; set; }

        /// <summary>Edition; a free string, as sources disagree (ENTERPRISE, PROFESSIONAL, PERSONAL).</summary>
        public string? Type { get; set; }

        public string? Name { get; set; }
        public string? CalcSpec { get; set; }
        public string? StorageSpec { get; set; }
        public string? Description { get; set; }

        /// <summary>The bandwidths one may order, in Mbit/s.</summary>
        public IReadOnlyList<double> BandSizes { get; set; } = new double[0];

        /// <summary>0 yearly/monthly, 1 pay-per-use, 2 both.</summary>
        public int? ChargeMode { get; set; }

        public string? MaxResolution { get; set; }
        public string? ResourceSize { get; set; }
        public IReadOnlyList<KooPhoneSkuPool> Pools { get; set; } = new KooPhoneSkuPool[0];

        public override string ToString() => SkuId + " " + Name;
    }
}
