namespace KooPhone.Client.Models
{
    /// <summary>An APK in OBS to install on instances (InstallApp, docs/api-reference.md §5.13).</summary>
    internal sealed class AppPackage
    {
        public string PackageName { get; set; } = "";
        public string FileName { get; set; } = "";
        public string Version { get; set; } = "";

        /// <summary>Size in MB, as the API wants it (a string on the wire).</summary>
        public string SizeMB { get; set; } = "";

        public string Url { get; set; } = "";

        /// <summary>The APK's MD5. The docs call it optional, the SDK required; the cmdlet always asks for it (docs/api-reference.md §10, item 20).</summary>
        public string? Md5 { get; set; }

        public bool FastInstall { get; set; }

        /// <summary>[UNCONFIRMED] The docs say "1: obs" but show application/octet-stream; the latter is sent.</summary>
        public string ContentType { get; set; } = "application/octet-stream";
    }
}
