namespace KooPhone.Client.Models
{
    internal static class KooPhoneJobStatusExtensions
    {
        /// <summary>True once the job can change no more.</summary>
        public static bool IsTerminal(this KooPhoneJobStatus status) =>
            status == KooPhoneJobStatus.Succeeded || status == KooPhoneJobStatus.Failed;

        /// <summary>Maps the task query's numeric job status (docs/api-reference.md §4.4, both the command and the app-install sets).</summary>
        public static KooPhoneJobStatus FromApiJobStatus(int? status)
        {
            switch (status)
            {
                case 0:
                    return KooPhoneJobStatus.NotStarted;
                case 1:
                    return KooPhoneJobStatus.Running;
                case 2:
                    return KooPhoneJobStatus.Succeeded;
                case 3:
                case -1:
                    return KooPhoneJobStatus.Failed;
                default:
                    return KooPhoneJobStatus.Unknown;
            }
        }
    }
}
