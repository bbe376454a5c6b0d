namespace KooPhone.Client.Models
{
    /// <summary>The streaming kinds of ExecuteInstanceAuthToken's stream_type (reference 4.6).</summary>
    public enum StreamType
    {
        Sdk = 1,
        H5 = 2,
    }
}
