using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using KooPhone.Client.Models;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// -Name of Get-KooPhoneInstance, matched the way PowerShell matches names: case-insensitive,
    /// wildcards allowed. It remembers which exact names (no wildcards) matched, so that one that
    /// matched nothing can be reported as Get-Process -Name does.
    /// </summary>
    internal sealed class InstanceNameFilter
    {
        private readonly WildcardPattern[] _patterns;
        private readonly string[] _names;
        private readonly bool[] _exact;
        private readonly bool[] _matched;

        public InstanceNameFilter(IEnumerable<string>? names)
        {
            _names = (names ?? Array.Empty<string>()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            _patterns = _names.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToArray();
            _exact = _names.Select(n => !WildcardPattern.ContainsWildcardCharacters(n)).ToArray();
            _matched = new bool[_names.Length];
        }

        /// <summary>
        /// The names to hand to the service's instance_name filter, or null when it must list every
        /// instance and match here. The reference does not say whether that filter is exact,
        /// substring or case-sensitive [UNCONFIRMED]; any of those keeps every instance whose name
        /// equals the value in the same case. So it is used only for exact names without a letter
        /// whose case could differ (say '0042'); anything else could exclude a match.
        /// </summary>
        public IReadOnlyList<string>? ServiceNames
        {
            get
            {
                if (_names.Length == 0)
                {
                    return null;
                }

                var literal = _names.Select(WildcardPattern.Unescape).ToArray();
                return _exact.All(e => e) && literal.All(n => n.ToUpperInvariant() == n.ToLowerInvariant()) ? literal : null;
            }
        }

        /// <summary>True when there is no -Name or one matches the instance's name.</summary>
        public bool IsMatch(KooPhoneInstance instance)
        {
            if (_names.Length == 0)
            {
                return true;
            }

            var any = false;
            for (var i = 0; i < _patterns.Length; i++)
            {
                if (_patterns[i].IsMatch(instance.Name ?? ""))
                {
                    _matched[i] = true;
                    any = true;
                }
            }

            return any;
        }

        /// <summary>Writes an ObjectNotFound error for each exact name that matched no instance written.</summary>
        public void WriteUnmatched(Cmdlet cmdlet)
        {
            foreach (var name in _names.Where((_, i) => _exact[i] && !_matched[i]))
            {
                var error = new ItemNotFoundException($"No instance named '{name}' was found.");
                cmdlet.WriteError(new ErrorRecord(error, "KooPhone.InstanceNameNotFound", ErrorCategory.ObjectNotFound, name));
            }
        }
    }
}
