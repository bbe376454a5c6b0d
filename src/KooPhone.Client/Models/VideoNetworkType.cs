namespace KooPhone.Client.Models
{
    /// <summary>The networks SetVideo distinguishes (docs/api-reference.md §5.17); every one needs its settings.</summary>
    public enum VideoNetworkType
    {
        MobileNetwork,
        Wifi,
        Wired,
    }
}
