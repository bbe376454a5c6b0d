<#
    Streams every instance of the emulator from Get-KooPhoneInstance through
    Backup-KooPhoneInstance in one pwsh process and reports the process's peak working set, and
    the live managed memory (after a full collection) just before the stream ends — what the
    module really holds, without the runtime's own slack. Run once per size, in a fresh process.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Url,
    [Parameter(Mandatory)] [string] $Token,
    [Parameter(Mandatory)] [int] $Count,
    # With -Wait (and jobs that outlast the submission): every result is held pending until the
    # wait, cut short by -TimeoutSeconds 1, writes them.
    [switch] $Wait
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModulePath
Connect-KooPhone -Endpoint $Url -Token (ConvertTo-SecureString $Token -AsPlainText -Force)
$counter = [ref]0
$live = [ref]0
# Without -Wait, just before the stream ends; with -Wait, at the first result, when every job is
# still held pending (the emulator's jobs outlast the run).
$probeAt = if ($Wait) { 1 } else { [math]::Max(1, $Count - 250) }
$clock = [Diagnostics.Stopwatch]::StartNew()
$waitArguments = if ($Wait) { @{ Wait = $true; TimeoutSeconds = 1; WarningAction = 'SilentlyContinue' } } else { @{} }
Get-KooPhoneInstance -ThrottleLimit 16 | Backup-KooPhoneInstance -Force -ThrottleLimit 16 @waitArguments | ForEach-Object {
    $counter.Value++
    if ($counter.Value -eq $probeAt) { $live.Value = [GC]::GetTotalMemory($true) }
}
$clock.Stop()
$process = [Diagnostics.Process]::GetCurrentProcess()
$process.Refresh()
[pscustomobject]@{
    Results = $counter.Value
    Milliseconds = [math]::Round($clock.Elapsed.TotalMilliseconds)
    PeakWorkingSetMB = [math]::Round($process.PeakWorkingSet64 / 1MB, 1)
    LiveManagedMB = [math]::Round($live.Value / 1MB, 1)
} | ConvertTo-Json -Compress
