namespace KooPhone.Client.Api
{
    /// <summary>The JSON kind a mandatory member of data must have.</summary>
    internal enum DataKind
    {
        /// <summary>A non-empty string.</summary>
        Text,

        /// <summary>A number, or a string holding one (the service sends some numbers as strings).</summary>
        Number,

        /// <summary>An array (it may be empty).</summary>
        List,

        /// <summary>An object.</summary>
        Record,
    }
}
