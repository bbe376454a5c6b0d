namespace KooPhone.Client.Models
{
    /// <summary>The video settings for one network × encoding combination; SetVideo needs all six.</summary>
    public sealed class KooPhoneVideoSetting
    {
        public VideoNetworkType NetworkType { get; set; }
        public VideoEncodingType EncodingType { get; set; }
        public KooPhoneVideoSpec Definition540P { get; set; } = new KooPhoneVideoSpec();
        public KooPhoneVideoSpec Definition720P { get; set; } = new KooPhoneVideoSpec();
        public KooPhoneVideoSpec Definition1080P { get; set; } = new KooPhoneVideoSpec();

        public override string ToString() => NetworkType + "/" + EncodingType;
    }
}
