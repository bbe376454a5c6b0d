using System;
using System.Collections.Generic;
using System.Linq;
using KooPhone.Client.Api;

namespace KooPhone.Client.Batching
{
    /// <summary>
    /// Which refusals blame particular ids of a batch, and which ids a refusal names.
    /// </summary>
    /// <remarks>
    /// The reference implies, without saying so [UNCONFIRMED], that a call is refused whole when
    /// one of its ids is at fault, and that nothing in a refused call was applied [UNCONFIRMED].
    /// So the other ids of a batch refused for an id-blaming code are sent again without the
    /// culprits: the culprits the message names, or, when it names none, the ones bisection finds
    /// (BatchSettler). The codes that blame ids: 1001 no permission on the instance (or not this
    /// tenant's), 1012 not this tenant's, 4001 does not exist, 2004 frozen, 2005 being restored,
    /// 2006 being backed up, 2210 no such user–instance binding, 5001 pay-per-use (cannot be
    /// deleted), 5005 not running. Codes about the whole call are never split: 0000 tenant, 0004
    /// project, 1000 bad parameter, 1002 instances in different regions, 1004 not subscribed, 2003
    /// no idle instance, KPAPI.2209 no device assignable, 9999 internal error.
    /// </remarks>
    internal static class CulpritCodes
    {
        private static readonly HashSet<string> IdBlaming = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "KOOPHONE.API.1001", "KOOPHONE.API.1012", "KOOPHONE.API.4001", "KOOPHONE.API.2004", "KOOPHONE.API.2005",
            "KOOPHONE.API.2006", "KOOPHONE.API.2210", "KOOPHONE.API.5001", "KOOPHONE.API.5005",
        };

        private static readonly char[] Separators = { ' ', ',', ';', ':', '[', ']', '(', ')', '"', '\'', '\t', '\n', '\r', '，', '：', '、' };

        /// <summary>True when the service refused the call because of some of its ids.</summary>
        public static bool BlamesIds(Exception error) => error is KooPhoneApiException api && !api.OutcomeUnknown && IdBlaming.Contains(api.ErrorCode);

        /// <summary>The instance ids of <paramref name="candidates"/> that the refusal's message names.</summary>
        public static HashSet<string> NamedIn(Exception error, IEnumerable<string> candidates)
        {
            var named = new HashSet<string>(StringComparer.Ordinal);
            var message = (error as KooPhoneApiException)?.ErrorMessage;
            if (string.IsNullOrEmpty(message))
            {
                return named;
            }

            var words = new HashSet<string>(message!.Split(Separators, StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
            named.UnionWith(candidates.Where(words.Contains));
            return named;
        }
    }
}
