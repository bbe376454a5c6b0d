using System.Management.Automation;
using KooPhone.Client.Models;
using KooPhone.Client.Reconciling;
using KooPhone.Client.Validation;
using KooPhone.PowerShell.Internal;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// A cmdlet over user–instance pairs, piped from objects with UserId and InstanceId properties
    /// (a CSV of assignments, say) or given as parameters.
    /// </summary>
    public abstract class UserInstanceCmdlet<TResponse> : BatchCmdlet<UserInstancePair, TResponse>
    {
        /// <summary>
        /// <para type="description">The end user's id (at most 32 characters). Takes the UserId property of piped objects, also under the name user_id.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("user_id")]
        [AllowEmptyString]
        public string UserId { get; set; } = "";

        /// <summary>
        /// <para type="description">The instance's id (at most 32 characters). Takes the InstanceId property of piped objects, also under the names Id and instance_id.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.InstanceIdCompleter))]
        [Alias("Id", "instance_id")]
        [AllowEmptyString]
        public string InstanceId { get; set; } = "";

        protected override bool Confirm(UserInstancePair pair) => true;

        protected override void ProcessRecord()
        {
            var user = UserId?.Trim();
            var instance = InstanceId?.Trim();
            var problem = InstanceIdRules.Check(instance) ?? UserIdRules.Check(user);
            if (problem != null)
            {
                Refuse(ErrorRecords.Invalid(problem, ErrorRecords.InvalidInstanceId, InstanceId), InstanceId);
                return;
            }

            // An instance goes to one user per call; the same instance twice is sent once.
            Submit(new UserInstancePair(user!, instance!), instance!);
        }
    }
}
