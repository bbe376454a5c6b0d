using System.Linq;
using System.Text;

namespace KooPhone.Client.Validation
{
    /// <summary>
    /// What the command APIs accept (docs/api-reference.md §5.1, 5.21): at most 1024 bytes, of letters, digits
    /// and _ . / : - — plus spaces, which the official example itself uses although the rule leaves
    /// them out (docs/api-reference.md §10, item 19). Anything else (| ; &gt; quotes…) is refused before sending.
    /// </summary>
    internal static class CommandRules
    {
        public const int MaxBytes = 1024;
        private const string AllowedPunctuation = "_./:- ";

        public static string? Check(string? command)
        {
            if (string.IsNullOrWhiteSpace(command))
            {
                return "The command is empty.";
            }

            var bytes = Encoding.UTF8.GetByteCount(command);
            if (bytes > MaxBytes)
            {
                return $"The command has {bytes} bytes; the service takes at most {MaxBytes}.";
            }

            var refused = command!.Where(c => !IsAllowed(c)).Distinct().ToList();
            if (refused.Count > 0)
            {
                return "The command contains characters the service does not accept: " + string.Join(" ", refused.Select(c => "'" + c + "'")) +
                    ". Only letters, digits, spaces and _ . / : - are allowed.";
            }

            return null;
        }

        private static bool IsAllowed(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || AllowedPunctuation.IndexOf(c) >= 0;
    }
}
