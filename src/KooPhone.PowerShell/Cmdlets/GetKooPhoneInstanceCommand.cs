using System;
using System.Collections.Generic;
using System.Management.Automation;
using KooPhone.Client.Models;
using KooPhone.Client.Validation;
using KooPhone.PowerShell.Internal;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Lists the tenant's cloud phones.</para>
    /// <para type="description">Get-KooPhoneInstance pages through ListInstances and writes one typed object per instance as soon as its page arrives: id, name, run status, assignment, backup and restore status and times, and the other fields the service reports. After the first page it fetches several pages at once (-ThrottleLimit), in order. Its output pipes straight into Backup-KooPhoneInstance and the other instance cmdlets, which bind its InstanceId property.</para>
    /// <para type="description">-Name matches names as PowerShell does: without regard to case, with wildcards. The service's own name filter is not documented to ignore case, so it is used only for exact names that have no letters; any other -Name reads the whole fleet (one call per 100 instances, about 1 s per 2,000 instances on a fast link) and matches locally. An exact name that matches nothing gives an ObjectNotFound error, as Get-Process -Name does; a wildcard that matches nothing gives nothing.</para>
    /// <para type="description">-Since, -Until, -Scene, -PoolName, -SortBy and -Descending are handed to the service's filters and order. The reference gives their names and formats but not what the time window compares with (the emulator takes the creation time), nor which fields -SortBy accepts: they are sent as given. A filter given without a value ($null, e.g. an unset variable, or an empty -Name, -PoolName or -SortBy) is refused by parameter binding before anything is sent: it never widens the listing to the whole fleet.</para>
    /// <para type="description">The service pages by position, so instances created or deleted while a listing runs can shift others between pages. Every instance is written once; when the total count changes between pages, the listing is read again (at most twice more), writing only instances not written yet. If it still changed, a warning says how many instances may be missing.</para>
    /// <para type="description">-InstanceId, or ids piped in (strings or objects with an InstanceId property), looks up those instances only; an id that does not exist gives an ObjectNotFound error. It reads the first page and then takes the cheaper way: one query per id, or one listing of the fleet filtered locally, so 1,000 ids in a fleet of 10,000 cost about 100 calls rather than 1,000, and never more than one call per id plus one. Either way the instances are written in the order their ids were given (a repeated id once): one found early waits for those before it, and only those instances are held, never the fleet. Errors are written as soon as they are known. A command that gets pipeline input never lists the whole fleet on its own account: an empty file, an empty array or input that is not an id lists nothing.</para>
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
    ///   <para>Backs up every running instance whose name starts with shop-, in any case.</para>
    /// </example>
    /// <example>
    ///   <code>Get-KooPhoneInstance -Since (Get-Date).AddDays(-7) -SortBy instance_name -Descending</code>
    ///   <para>Lists the instances the service places in the last seven days' window, sorted by name from Z to A.</para>
    /// </example>
    /// <example>
    ///   <code>Get-KooPhoneInstance -Scene CloudPhone -PoolName 'pool-1'</code>
    ///   <para>Lists the cloud phones of one node group.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "KooPhoneInstance", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(KooPhoneInstance))]
    public sealed class GetKooPhoneInstanceCommand : KooPhoneCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        private readonly List<string> _ids = new List<string>();

        /// <summary>
        /// <para type="description">Instance names to match, without regard to case; wildcards are allowed. Without it (and without ids), every instance is listed. An exact name that matches nothing gives an ObjectNotFound error. Unless every name is exact and has no letters, the whole fleet is read and matched locally.</para>
        /// </summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>
        /// <para type="description">Ids of the instances to get. Takes id strings from the pipeline (Get-Content ids.txt) and the InstanceId property of piped objects, also under the names Id and instance_id; anything else gives an error and is not looked up. When the command gets pipeline input, it looks up only those ids: an empty file or pipeline lists nothing, never the whole fleet. Makes one query per id or one listing of the fleet, whichever takes fewer calls, and writes the instances in the order of their ids.</para>
        /// </summary>
        [Parameter(ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.InstanceIdCompleter))]
        [Alias("Id", "instance_id")]
        [InstanceIdTransformation]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        public string[]? InstanceId { get; set; }

        /// <summary>
        /// <para type="description">The start of the service's time window (query_start_time), sent in UTC to the second. A time without a zone is local time, as Get-Date and [datetime]'2025-01-02 03:04:05' mean it, and is converted to UTC; give a UTC time with a Z ('2025-01-02T03:04:05Z') or [datetime]::SpecifyKind(…, 'Utc'). Which time of an instance the window compares with is not documented; the emulator takes its creation time.</para>
        /// </summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNull]
        public DateTime? Since { get; set; }

        /// <summary>
        /// <para type="description">The end of the service's time window (query_end_time), sent in UTC to the second; a time without a zone is local time, as for -Since. It must not be before -Since.</para>
        /// </summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNull]
        public DateTime? Until { get; set; }

        /// <summary>
        /// <para type="description">Only instances whose pool serves this scene (pool_scene_tag): CloudPhone or CloudApp.</para>
        /// </summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNull]
        public PoolScene? Scene { get; set; }

        /// <summary>
        /// <para type="description">Only instances of the node group with this name (pool_name), as the service matches it.</para>
        /// </summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? PoolName { get; set; }

        /// <summary>
        /// <para type="description">The field the service sorts by (order_by), in the service's own spelling, e.g. instance_name. The accepted fields are not documented, so the value is sent as given. Without -Descending no direction is sent (no order parameter) and the service sorts in its own default direction, which the reference does not name (the emulator sorts ascending).</para>
        /// </summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? SortBy { get; set; }

        /// <summary>
        /// <para type="description">Asks the service for descending order (order=desc), by -SortBy or by its own default field. -Descending:$false asks for ascending order (order=asc); without the switch, no order is sent.</para>
        /// </summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Descending { get; set; }

        /// <summary>
        /// <para type="description">How many pages (or lookups) may be fetched at once, 1 to 64; default 4.</para>
        /// </summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (Since.HasValue && Until.HasValue && UtcTime.FromInput(Until.Value) < UtcTime.FromInput(Since.Value))
            {
                ThrowTerminatingError(ErrorRecords.Invalid("-Until must not be before -Since.", "KooPhone.InvalidTimeWindow", Until));
            }
        }

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
            var names = new InstanceNameFilter(Name);
            // Ids given (on the command line or through the pipeline) mean those ids only. An empty or
            // unbindable pipeline gives none, and must not fall through to listing the whole fleet:
            // the next command could be Remove-KooPhoneInstance.
            if (_ids.Count > 0 || MyInvocation.ExpectingInput || MyInvocation.BoundParameters.ContainsKey(nameof(InstanceId)))
            {
                if (_ids.Count == 0)
                {
                    return;
                }

                new InstanceLookup(this, Calls, Api, ThrottleLimit, names, _ids).Write();
            }
            else
            {
                new FleetListing(this, Calls, Api, ThrottleLimit, names).Write(Filter, IsFiltered);
            }

            names.WriteUnmatched(this);
        }

        private bool IsFiltered => Since.HasValue || Until.HasValue || Scene.HasValue || PoolName != null || SortBy != null
            || MyInvocation.BoundParameters.ContainsKey(nameof(Descending));

        private InstanceQuery Filter() => new InstanceQuery
        {
            Since = Since.HasValue ? new DateTimeOffset(UtcTime.FromInput(Since.Value)) : (DateTimeOffset?)null,
            Until = Until.HasValue ? new DateTimeOffset(UtcTime.FromInput(Until.Value)) : (DateTimeOffset?)null,
            Scene = Scene,
            PoolName = PoolName,
            SortBy = SortBy,
            // order only when -Descending was given: -SortBy alone sends order_by alone, and the
            // service keeps its own default direction, which the reference does not document.
            Descending = MyInvocation.BoundParameters.ContainsKey(nameof(Descending)) ? Descending.IsPresent : (bool?)null,
        };
    }
}
