namespace KooPhone.Client.Models
{
    /// <summary>The codecs SetVideo distinguishes (docs/api-reference.md §5.17).</summary>
    public enum VideoEncodingType
    {
        H264,
        H265,
    }
}
