namespace KooPhone.Client.Models
{
    /// <summary>Bit rate (kbit/s, 0–10000 in steps of 100) and frame rate (30 or 60) of one definition.</summary>
    public sealed class KooPhoneVideoSpec
    {
        public KooPhoneVideoSpec()
        {
        }

        public KooPhoneVideoSpec(int codeRate, int fps)
        {
            CodeRate = codeRate;
            Fps = fps;
        }

        public int CodeRate { get; set; }

        public int Fps { get; set; }

        // No "@": the video settings view shows three of these side by side within 80 columns.
        public override string ToString() => CodeRate + " kbit/s " + Fps + " fps";
    }
}
