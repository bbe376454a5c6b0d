using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using KooPhone.Client.Connection;

namespace KooPhone.PowerShell.Completion
{
    /// <summary>Completes -Region with the regions KooPhone is known to serve.</summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? "").Trim('\'', '"');
            return KooPhoneRegions.Known
                .Where(r => r.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase))
                .Select(r => new CompletionResult(r, r, CompletionResultType.ParameterValue, r));
        }
    }
}
