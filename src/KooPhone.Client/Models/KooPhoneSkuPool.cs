namespace KooPhone.Client.Models
{
    /// <summary>A resource pool of a SKU for one AOSP version.</summary>
    public sealed class KooPhoneSkuPool
    {
        public string? AospVersion { get; set; }
        public string? PoolId { get; set; }
        public long? Id { get; set; }
        public string? Network { get; set; }
        public bool? Enabled { get; set; }

        public override string ToString() => AospVersion + "/" + Network;
    }
}
