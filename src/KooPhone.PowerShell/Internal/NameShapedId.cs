using System.Linq;
using System.Management.Automation;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// A hint for an instance id the service did not know that looks like an instance name
    /// (phone-00005, kp-test-1): an easy mistake, as a listing shows both, and the service's own
    /// answer (no permission on the instance, not found) does not suggest it. Ids are letters and
    /// digits in every example the reference gives (iRJEVP96, whklpuo1, XvH39QVW), while names
    /// are a prefix and a number joined by '-'. The reference states no alphabet for ids, so
    /// this only adds words to an error; it never refuses an id.
    /// </summary>
    internal static class NameShapedId
    {
        /// <summary>
        /// The record, with the hint added to its message and recommended action when the service
        /// did not know the instance (ObjectNotFound, or PermissionDenied: not one of the tenant's)
        /// and the id looks like a name.
        /// </summary>
        public static ErrorRecord WithHint(ErrorRecord record, string? instanceId)
        {
            var category = record.CategoryInfo.Category;
            if (instanceId == null || !LooksLikeName(instanceId) || (category != ErrorCategory.ObjectNotFound && category != ErrorCategory.PermissionDenied))
            {
                return record;
            }

            var hint = $"'{instanceId}' looks like an instance name, not an id: Get-KooPhoneInstance -Name '{instanceId}' finds the instance of that name, and its output pipes into the other KooPhone cmdlets.";
            var message = record.ErrorDetails?.Message ?? record.Exception.Message;
            var advice = record.ErrorDetails?.RecommendedAction;
            record.ErrorDetails = new ErrorDetails(ErrorText.OneLine(message.TrimEnd() + " " + hint))
            {
                RecommendedAction = string.IsNullOrEmpty(advice) ? hint : advice + " " + hint,
            };
            return record;
        }

        /// <summary>True when the id has a character an id never has in the reference's examples: anything but ASCII letters and digits.</summary>
        internal static bool LooksLikeName(string instanceId) =>
            instanceId.Any(c => !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')));
    }
}
