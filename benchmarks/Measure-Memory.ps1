<#
    Streams every instance of the emulator from Get-KooPhoneInstance through
    Backup-KooPhoneInstance in one pwsh process and reports the process's peak working set.
    Run once per fleet size, each in a fresh process.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Url,
    [Parameter(Mandatory)] [string] $Token
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModulePath
Connect-KooPhone -Endpoint $Url -Token (ConvertTo-SecureString $Token -AsPlainText -Force)
$count = 0
$clock = [Diagnostics.Stopwatch]::StartNew()
Get-KooPhoneInstance -ThrottleLimit 16 | Backup-KooPhoneInstance -Force -ThrottleLimit 16 | ForEach-Object { $count++ }
$clock.Stop()
$process = [Diagnostics.Process]::GetCurrentProcess()
$process.Refresh()
[pscustomobject]@{ Results = $count; Milliseconds = [math]::Round($clock.Elapsed.TotalMilliseconds); PeakWorkingSetMB = [math]::Round($process.PeakWorkingSet64 / 1MB, 1) } | ConvertTo-Json -Compress
