using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;
using KooPhone.Client.Runs;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Backs up cloud phones to OBS and releases their machines.</para>
    /// <para type="description">Backup-KooPhoneInstance sends the instances it is given to BatchBackupInstances in batches of up to 100, several batches at once, and writes one result per instance as soon as its batch is answered: the task and job that carry it, its status and the x-request-id of the call. An id the service refuses (unknown, busy…) gives one error of its own with the service's code; the other ids of its batch are sent again without it, and the other batches go on. Ids that are empty, white space or longer than 32 characters give an error and are never sent; an id given twice is sent once.</para>
    /// <para type="description">A backup takes the phone away from its user, so the cmdlet asks before acting; -Force skips the question (runbooks, which cannot answer prompts, must pass it) and -WhatIf sends nothing. With -Wait it polls the tasks until every job has ended and writes the results with their final status.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-KooPhoneInstance -Name 'shop-*' | Backup-KooPhoneInstance -Force</code>
    ///   <para>Backs up every instance whose name starts with shop- and writes one submitted result per instance.</para>
    /// </example>
    /// <example>
    ///   <code>Get-Content ids.txt | Backup-KooPhoneInstance -Force -Wait -ThrottleLimit 16 | Where-Object Status -ne Succeeded | Export-Csv failed.csv</code>
    ///   <para>Backs up the instances listed in a file, 16 calls at a time, waits for every job to end and keeps the ones that did not succeed.</para>
    /// </example>
    [Cmdlet(VerbsData.Backup, "KooPhoneInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(KooPhoneJobResult))]
    public sealed class BackupKooPhoneInstanceCommand : InstanceTaskCmdlet
    {
        /// <summary>
        /// <para type="description">Backs up without asking. Needed wherever nobody can answer a prompt (runbooks, CI). -WhatIf still sends nothing.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override string ActionName => "Backup";

        internal override BatchCall<string, BatchSubmission> Call => BatchCalls.Backup;

        protected override bool Confirm(string instanceId) =>
            ConfirmWithForce(instanceId, "Back up to OBS and release the machine (its user loses the phone until it is restored)", Force);
    }
}
