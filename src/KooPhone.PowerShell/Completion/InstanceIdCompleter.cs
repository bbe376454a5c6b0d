using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using KooPhone.Client.Api;
using KooPhone.Client.Connection;
using KooPhone.Client.Models;

namespace KooPhone.PowerShell.Completion
{
    /// <summary>
    /// Completes -InstanceId from the cached listing of the context in use (-Context if typed,
    /// else the default). With no fresh listing it lists once — a bounded number of pages, within
    /// a few seconds — and caches that, so keystrokes do not each call the API. Matches ids and names.
    /// </summary>
    public sealed class InstanceIdCompleter : IArgumentCompleter
    {
        private const int MaxPages = InstanceNameCache.MaxEntries / InstanceLister.MaxPageSize;
        private static readonly TimeSpan ListingBudget = TimeSpan.FromSeconds(5);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var context = ContextOf(fakeBoundParameters);
            if (context == null || context.IsDisposed)
            {
                return Enumerable.Empty<CompletionResult>();
            }

            var names = InstanceNameCache.TryGet(context) ?? ListOnce(context);
            var prefix = (wordToComplete ?? "").Trim('\'', '"');
            return names
                .Where(n => n.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || n.Value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .OrderBy(n => n.Key, StringComparer.Ordinal)
                .Select(n => new CompletionResult(n.Key, string.IsNullOrEmpty(n.Value) ? n.Key : n.Key + " (" + n.Value + ")", CompletionResultType.ParameterValue, string.IsNullOrEmpty(n.Value) ? n.Key : n.Value))
                .ToList();
        }

        private static KooPhoneContext? ContextOf(IDictionary fakeBoundParameters)
        {
            try
            {
                var given = fakeBoundParameters?["Context"];
                given = given is PSObject wrapped ? wrapped.BaseObject : given;
                return (given is string name ? KooPhoneContextRegistry.Find(name) : given as KooPhoneContext) ?? KooPhoneContextRegistry.Current();
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        private static IReadOnlyList<KeyValuePair<string, string>> ListOnce(KooPhoneContext context)
        {
            var names = new List<KeyValuePair<string, string>>();
            using (var budget = new CancellationTokenSource(ListingBudget))
            {
                try
                {
                    foreach (var page in new InstanceLister(new KooPhoneApiClient(context), 4).ReadPages(InstanceQuery.All, InstanceLister.MaxPageSize, budget.Token).Take(MaxPages))
                    {
                        names.AddRange(page.Instances.Select(InstanceNameCache.NameOf));
                    }
                }
                catch (Exception e) when (e is OperationCanceledException || e is KooPhoneApiException || e is KooPhoneConnectionException)
                {
                    // Completion never fails the prompt: what arrived in time is offered.
                }
            }

            InstanceNameCache.Store(context, names);
            return names;
        }
    }
}
