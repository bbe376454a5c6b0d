using System;
using System.Management.Automation;
using KooPhone.Client.Models;
using KooPhone.Client.Validation;
using KooPhone.PowerShell.Internal;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Orders new yearly/monthly cloud phones.</para>
    /// <para type="description">New-KooPhoneInstance places a CreateInstance order and writes it with the ids of the instances it created, as far as the service reports them. Take -InstanceSkuId and -BandwidthSkuId from Get-KooPhoneSku. The order is checked before it is sent: 1 to 2000 instances (the SDK's documented maximum; the API page says 1500, and the service decides between the two), a name prefix of at most 14 characters, 1 to 9 months or 1 to 3 years. The body carries what you give and what the reference requires, nothing else: -Os is required because the service requires the image and documents no default; isAutoPay, isAutoRenew, network and nodeGroupId are sent only when you give -AutoPay, -AutoRenew, -Network or -NodeGroupId. Unless -AutoPay is given, pay the order in the console. Ordering costs money, so the cmdlet asks first; -Force skips the question and -WhatIf sends nothing.</para>
    /// </summary>
    /// <example>
    ///   <code>$sku = Get-KooPhoneSku -RegionId cn-north-4 | Select-Object -First 1
    /// New-KooPhoneInstance -InstanceSkuId $sku.SkuId -BandwidthSkuId $sku.BandwidthSkuId -RegionId cn-north-4 -Os AOSP11 -NamePrefix shop -Count 10 -Bandwidth 4 -Months 1 -AutoPay</code>
    ///   <para>Orders ten Android 11 phones for one month and pays at once.</para>
    /// </example>
    /// <example>
    ///   <code>New-KooPhoneInstance -InstanceSkuId $id -BandwidthSkuId $band -RegionId cn-north-4 -Os AOSP14 -NamePrefix lab -Count 2 -Bandwidth 2 -Years 1 -WhatIf</code>
    ///   <para>Shows the order without placing it.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "KooPhoneInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = MonthlySet)]
    [OutputType(typeof(KooPhoneOrder))]
    public sealed class NewKooPhoneInstanceCommand : KooPhoneCmdlet
    {
        private const string MonthlySet = "Monthly";
        private const string YearlySet = "Yearly";

        /// <summary><para type="description">The instance SKU (Get-KooPhoneSku's SkuId).</para></summary>
        [Parameter(Mandatory = true)]
        public string InstanceSkuId { get; set; } = "";

        /// <summary><para type="description">The bandwidth SKU (Get-KooPhoneSku's BandwidthSkuId).</para></summary>
        [Parameter(Mandatory = true)]
        public string BandwidthSkuId { get; set; } = "";

        /// <summary><para type="description">The region to order in, e.g. cn-north-4.</para></summary>
        [Parameter(Mandatory = true)]
        public string RegionId { get; set; } = "";

        /// <summary><para type="description">The prefix of the new instances' names, at most 14 characters.</para></summary>
        [Parameter(Mandatory = true)]
        public string NamePrefix { get; set; } = "";

        /// <summary><para type="description">How many instances, 1 to 2000 (the SDK's documented maximum per order); a count outside that is refused before anything is sent.</para></summary>
        [Parameter(Mandatory = true)]
        public int Count { get; set; }

        /// <summary><para type="description">Bandwidth in Mbit/s, one of the SKU's BandSizes.</para></summary>
        [Parameter(Mandatory = true)]
        public double Bandwidth { get; set; }

        /// <summary><para type="description">A monthly subscription of 1 to 9 months.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = MonthlySet)]
        public int Months { get; set; }

        /// <summary><para type="description">A yearly subscription of 1 to 3 years.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = YearlySet)]
        public int Years { get; set; }

        /// <summary><para type="description">The image: AOSP11 or AOSP14. Required: the service needs it (KOOPHONE.API.3003 without it) and documents no default, so the module does not choose one for you.</para></summary>
        [Parameter(Mandatory = true)]
        [ValidateSet("AOSP11", "AOSP14")]
        public string Os { get; set; } = "";

        /// <summary><para type="description">The network: EIP or ADN. Sent only when given; without it the service takes EIP, its documented default.</para></summary>
        [Parameter]
        [ValidateSet("EIP", "ADN")]
        public string? Network { get; set; }

        /// <summary><para type="description">The node group to order into, where the tenant uses node groups.</para></summary>
        [Parameter]
        public string? NodeGroupId { get; set; }

        /// <summary><para type="description">Pays the order at once from the account balance (isAutoPay 1); -AutoPay:$false sends 0. Without it isAutoPay is not sent, and the service's documented default, 0, applies: pay in the console.</para></summary>
        [Parameter]
        public SwitchParameter AutoPay { get; set; }

        /// <summary><para type="description">Renews the subscription automatically (isAutoRenew 1); -AutoRenew:$false sends 0. Without it isAutoRenew is not sent.</para></summary>
        [Parameter]
        public SwitchParameter AutoRenew { get; set; }

        /// <summary><para type="description">Orders without asking (runbooks must pass it). -WhatIf still sends nothing.</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void EndProcessing()
        {
            var yearly = ParameterSetName == YearlySet;
            var period = yearly ? Years : Months;
            var problems = OrderRules.Check(NamePrefix, Count, yearly, period, InstanceSkuId, BandwidthSkuId, RegionId, Bandwidth);
            if (problems.Count > 0)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("The order cannot be placed: " + string.Join(" ", problems)), "KooPhone.InvalidOrder", ErrorCategory.InvalidArgument, null));
            }

            var what = $"{Count} × {InstanceSkuId} in {RegionId} for {period} {(yearly ? "year(s)" : "month(s)")}";
            if (!ConfirmWithForce(NamePrefix, "Order " + what + " (this costs money)", Force))
            {
                return;
            }

            var order = new InstanceOrder
            {
                Os = Os,
                InstanceSkuId = InstanceSkuId,
                BandwidthSkuId = BandwidthSkuId,
                RegionId = RegionId,
                NamePrefix = NamePrefix,
                Bandwidth = Bandwidth,
                Count = Count,
                Yearly = yearly,
                PeriodCount = period,
                AutoPay = Said(nameof(AutoPay), AutoPay),
                AutoRenew = Said(nameof(AutoRenew), AutoRenew),
                Network = Network,
                NodeGroupId = NodeGroupId,
            };
            try
            {
                WriteObject(Await(Api.CreateInstancesAsync(order, StopToken)));
            }
            catch (Exception e) when (ErrorRecords.IsCallFailure(e))
            {
                WriteError(ErrorRecords.ForTarget(e, NamePrefix, "Ordering instances"));
            }
        }

        // A switch the user gave, as true or false (-AutoPay:$false); null when not given, so it is not sent.
        private bool? Said(string parameter, SwitchParameter value) =>
            MyInvocation.BoundParameters.ContainsKey(parameter) ? value.IsPresent : (bool?)null;
    }
}
