using System.Linq;
using System.Management.Automation;
using KooPhone.Client.Models;
using KooPhone.PowerShell.Internal;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Lists the cloud-phone specifications the tenant can buy.</para>
    /// <para type="description">Get-KooPhoneSku calls BatchShowSku and writes one object per region and specification: its SKU id, the tenant's bandwidth SKU id, the spec, bandwidth choices and resource pools. Their SkuId and BandwidthSkuId are what New-KooPhoneInstance orders.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-KooPhoneSku -RegionId cn-north-4 | Format-Table SkuId, Name, CalcSpec, BandSizes</code>
    ///   <para>Shows what can be bought in one region.</para>
    /// </example>
    /// <example>
    ///   <code>$sku = Get-KooPhoneSku | Where-Object Type -eq ENTERPRISE | Select-Object -First 1</code>
    ///   <para>Picks an enterprise specification for an order.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "KooPhoneSku")]
    [OutputType(typeof(KooPhoneSku))]
    public sealed class GetKooPhoneSkuCommand : KooPhoneCmdlet
    {
        /// <summary>
        /// <para type="description">Only specifications of this region.</para>
        /// </summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? RegionId { get; set; }

        protected override void EndProcessing()
        {
            try
            {
                var skus = Await(Api.GetSkusAsync(StopToken));
                WriteObject(skus.Where(s => RegionId == null || s.RegionId == RegionId), enumerateCollection: true);
            }
            catch (System.Exception e) when (ErrorRecords.IsCallFailure(e))
            {
                WriteError(ErrorRecords.ForTarget(e, RegionId, "Listing SKUs"));
            }
        }
    }
}
