using System;
using System.Management.Automation;
using KooPhone.Client.Reconciling;
using KooPhone.Client.Validation;
using KooPhone.PowerShell.Internal;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>A cmdlet over instance ids from the pipeline: checks each id and hands it to the batching engine.</summary>
    public abstract class InstanceCmdlet<TResponse> : BatchCmdlet<string, TResponse>
    {
        /// <summary>
        /// <para type="description">The ids of the instances. Takes strings from the pipeline, and the InstanceId property of any piped object (Get-KooPhoneInstance's output, a CSV row), also under the names Id and instance_id. Anything else (a hashtable, an object without such a property, a nested array) gives an error naming it and is never sent. An id that is empty, white space or longer than 32 characters gives an error and is not sent; an id given twice is sent once.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "instance_id")]
        [ArgumentCompleter(typeof(Completion.InstanceIdCompleter))]
        [InstanceIdTransformation]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        public string[] InstanceId { get; set; } = Array.Empty<string>();

        /// <summary>
        /// <para type="description">The region of the piped instance, taken from its Region property (Get-KooPhoneInstance's output carries it): ids of different regions never share a call, since the service refuses such a call whole (KOOPHONE.API.1002). Plain id strings carry no region and are batched together.</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        [Alias("Region")]
        public string? InstanceRegion { get; set; }

        // The region bound with the record being processed; a cmdlet that sends later (Remove) has none.
        private string? _recordRegion;

        protected override string? PartitionOf(string item) => _recordRegion;

        /// <summary>Read-only cmdlets keep this; cmdlets that change state ask ShouldProcess.</summary>
        protected override bool Confirm(string instanceId) => true;

        protected override void ProcessRecord()
        {
            _recordRegion = string.IsNullOrWhiteSpace(InstanceRegion) ? null : InstanceRegion!.Trim();
            try
            {
                SubmitIds();
            }
            finally
            {
                _recordRegion = null;
            }
        }

        private void SubmitIds()
        {
            foreach (var raw in InstanceId ?? new string[] { null! })
            {
                var id = raw?.Trim();
                var problem = InstanceIdRules.Check(id);
                if (problem != null)
                {
                    Refuse(ErrorRecords.Invalid(problem, ErrorRecords.InvalidInstanceId, raw), raw);
                    continue;
                }

                Submit(id!, id!);
            }
        }
    }
}
