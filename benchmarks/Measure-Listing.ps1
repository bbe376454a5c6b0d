<#
    Lists every instance of the emulator in one pwsh process: the time to the first object and
    in total.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Url,
    [Parameter(Mandatory)] [string] $Token,
    [int] $ThrottleLimit = 4
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModulePath
Connect-KooPhone -Endpoint $Url -Token (ConvertTo-SecureString $Token -AsPlainText -Force)
$null = Get-KooPhoneInstance | Select-Object -First 1   # warm-up
$first = $null
$count = 0
$clock = [Diagnostics.Stopwatch]::StartNew()
Get-KooPhoneInstance -ThrottleLimit $ThrottleLimit | ForEach-Object {
    if ($count -eq 0) { $first = $clock.Elapsed.TotalMilliseconds }
    $count++
}
$clock.Stop()
[pscustomobject]@{ Instances = $count; ThrottleLimit = $ThrottleLimit; FirstMilliseconds = [math]::Round($first, 1); TotalMilliseconds = [math]::Round($clock.Elapsed.TotalMilliseconds, 1) } | ConvertTo-Json -Compress
