using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using KooPhone.Client.Api;
using KooPhone.Client.Batching;
using KooPhone.Client.Connection;
using KooPhone.Client.Models;
using KooPhone.PowerShell.Internal;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Lists the tenant's cloud phones.</para>
    /// <para type="description">Get-KooPhoneInstance pages through ListInstances and writes one typed object per instance as soon as its page arrives: id, name, run status, assignment, backup and restore status and times, and the other fields the service reports. After the first page it fetches several pages at once (-ThrottleLimit), in order. Its output pipes straight into Backup-KooPhoneInstance and the other instance cmdlets, which bind its InstanceId property.</para>
    /// <para type="description">-Name takes wildcards; a name without wildcards is filtered by the service. -InstanceId, or ids piped in (strings or objects with an InstanceId property), looks up those instances only; an id that does not exist gives an ObjectNotFound error. A command that gets pipeline input never lists the whole fleet: an empty file, an empty array or input that is not an id lists nothing.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-KooPhoneInstance | Group-Object RunStatus</code>
    ///   <para>Counts the fleet by run status.</para>
    /// </example>
    /// <example>
    ///   <code>Get-Content ids.txt | Get-KooPhoneInstance</code>
    ///   <para>Gets the instances whose ids are listed in a file, one per line. An empty file gets nothing.</para>
    /// </example>
    /// <example>
    ///   <code>Get-KooPhoneInstance -Name 'shop-*' | Where-Object RunStatus -eq Running | Backup-KooPhoneInstance -Force</code>
    ///   <para>Backs up every running instance whose name starts with shop-.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "KooPhoneInstance")]
    [OutputType(typeof(KooPhoneInstance))]
    public sealed class GetKooPhoneInstanceCommand : KooPhoneCmdlet
    {
        private const int ProgressId = 1;
        private readonly List<string> _ids = new List<string>();

        /// <summary>
        /// <para type="description">Instance names to match; wildcards are allowed. Without it (and without ids), every instance is listed.</para>
        /// </summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>
        /// <para type="description">Ids of the instances to get. Takes id strings from the pipeline (Get-Content ids.txt) and the InstanceId property of piped objects, also under the names Id and instance_id; anything else gives an error and is not looked up. When the command gets pipeline input, it looks up only those ids: an empty file or pipeline lists nothing, never the whole fleet.</para>
        /// </summary>
        [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.InstanceIdCompleter))]
        [Alias("Id", "instance_id")]
        [InstanceIdTransformation]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        public string[]? InstanceId { get; set; }

        /// <summary>
        /// <para type="description">How many pages (or lookups) may be fetched at once, 1 to 64; default 4.</para>
        /// </summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        protected override void ProcessRecord()
        {
            foreach (var raw in InstanceId ?? Array.Empty<string>())
            {
                var id = raw?.Trim();
                var problem = InstanceIdRules.Check(id);
                if (problem != null)
                {
                    WriteError(ErrorRecords.Invalid(problem, ErrorRecords.InvalidInstanceId, raw));
                    continue;
                }

                _ids.Add(id!);
            }
        }

        protected override void EndProcessing()
        {
            var patterns = (Name ?? Array.Empty<string>()).Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            // Ids given (on the command line or through the pipeline) mean those ids only. An empty or
            // unbindable pipeline gives none, and must not fall through to listing the whole fleet:
            // the next command could be Remove-KooPhoneInstance.
            if (_ids.Count > 0 || MyInvocation.ExpectingInput || MyInvocation.BoundParameters.ContainsKey(nameof(InstanceId)))
            {
                if (_ids.Count > 0)
                {
                    WriteById(patterns);
                }

                return;
            }

            // Names without wildcards are exact: the service filters them, one listing each.
            var exactNames = Name != null && Name.All(n => !WildcardPattern.ContainsWildcardCharacters(n));
            var queries = exactNames
                ? Name!.Distinct(StringComparer.Ordinal).Select(n => new InstanceQuery { InstanceName = n }).ToArray()
                : new[] { InstanceQuery.All };

            var lister = new InstanceLister(Api, ThrottleLimit);
            // A full listing also feeds -InstanceId completion, so it need not list again.
            var listed = queries.Length == 1 && queries[0] == InstanceQuery.All ? new List<KeyValuePair<string, string>>() : null;
            foreach (var query in queries)
            {
                // One bar per query: each has its own total.
                var progress = new ListingProgress(this, ProgressId, query.InstanceName == null ? "Listing instances" : $"Listing instances named '{query.InstanceName}'");
                foreach (var page in Pages(lister, query, progress))
                {
                    if (listed != null)
                    {
                        listed.AddRange(page.Instances.Select(InstanceNameCache.NameOf));
                        // A fleet too large to tab through is not cached: a million-instance listing
                        // must stream in flat memory.
                        listed = listed.Count > InstanceNameCache.MaxEntries ? null : listed;
                    }
                    foreach (var instance in page.Instances)
                    {
                        if (Matches(instance, patterns))
                        {
                            WriteObject(instance);
                        }
                    }
                }

                progress.Complete();
            }

            if (listed != null)
            {
                InstanceNameCache.Store(Api.Context, listed);
            }
        }

        private IEnumerable<InstancePage> Pages(InstanceLister lister, InstanceQuery query, ListingProgress progress)
        {
            using (var pages = lister.ReadPages(query, InstanceLister.MaxPageSize, StopToken).GetEnumerator())
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        more = Stoppable(pages.MoveNext);
                    }
                    catch (Exception e) when (ErrorRecords.IsCallFailure(e))
                    {
                        ThrowTerminatingError(ErrorRecords.ForTarget(e, null, "Listing instances"));
                        yield break;
                    }

                    WriteTraces();
                    if (!more)
                    {
                        yield break;
                    }

                    progress.Read(pages.Current);
                    yield return pages.Current;
                }
            }
        }

        private void WriteById(List<WildcardPattern> patterns)
        {
            // One filtered query per id, ThrottleLimit at a time, through the same batching engine.
            var api = Api;
            var dispatcher = new BatchDispatcher<string, InstancePage>(1, ThrottleLimit,
                (ids, ct) => api.ListInstancesAsync(new InstanceQuery { InstanceId = ids[0] }, 1, 1, ct), StopToken);

            foreach (var id in _ids.Distinct(StringComparer.Ordinal))
            {
                Write(Stoppable(() => dispatcher.Add(id)), patterns);
            }

            Write(Stoppable(() => dispatcher.Complete().ToList()), patterns);
        }

        private void Write(IEnumerable<CompletedBatch<string, InstancePage>> lookups, List<WildcardPattern> patterns)
        {
            WriteTraces();
            foreach (var lookup in lookups)
            {
                var id = lookup.Items[0];
                if (!lookup.Succeeded)
                {
                    WriteError(ErrorRecords.ForTarget(lookup.Error!, id, "Getting instance"));
                    continue;
                }

                var instance = lookup.Response!.Instances.FirstOrDefault(i => i.InstanceId == id);
                if (instance == null)
                {
                    var error = new ItemNotFoundException($"Instance '{id}' was not found.");
                    WriteError(new ErrorRecord(error, "KooPhone.InstanceNotFound", ErrorCategory.ObjectNotFound, id));
                }
                else if (Matches(instance, patterns))
                {
                    WriteObject(instance);
                }
            }
        }

        private static bool Matches(KooPhoneInstance instance, List<WildcardPattern> patterns) =>
            patterns.Count == 0 || patterns.Any(p => p.IsMatch(instance.Name ?? ""));
    }
}
