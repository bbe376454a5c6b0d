namespace KooPhone.Client.Models
{
    /// <summary>The codecs SetVideo distinguishes (reference 5.17).</summary>
    public enum VideoEncodingType
    {
        H264,
        H265,
    }
}
