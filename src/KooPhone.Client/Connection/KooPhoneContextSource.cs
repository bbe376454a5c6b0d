namespace KooPhone.Client.Connection
{
    /// <summary>Where a context came from, so Get-KooPhoneContext can say which one is in use.</summary>
    public enum KooPhoneContextSource
    {
        /// <summary>Made by Connect-KooPhone.</summary>
        Connected,

        /// <summary>Made from environment variables because nothing was connected.</summary>
        Environment,
    }
}
