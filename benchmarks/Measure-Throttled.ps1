<#
    Runs inside one pwsh process against an emulator started with --max-concurrency: backup of N
    ids with a -ThrottleLimit far above what the service takes, so the module has to learn the
    service's limit. Writes one JSON object: time, results, and the service's 429s.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Url,
    [Parameter(Mandatory)] [string] $Token,
    [int] $Count = 40000,
    [int] $ThrottleLimit = 64
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModulePath
$secure = ConvertTo-SecureString $Token -AsPlainText -Force
$ids = [string[]]@((Get-KooPhoneInstance -Context (Connect-KooPhone -Endpoint $Url -Token $secure -PassThru)).InstanceId | Select-Object -First $Count)
Invoke-RestMethod -Method Post "$Url/_emulator/reset" | Out-Null

# A fresh context, as a new session would have: its limit starts high and has to come down.
$context = Connect-KooPhone -Endpoint $Url -Token $secure -PassThru
$counter = [ref]0
$clock = [Diagnostics.Stopwatch]::StartNew()
$ids | Backup-KooPhoneInstance -Context $context -Force -ThrottleLimit $ThrottleLimit -ErrorAction SilentlyContinue | ForEach-Object { $counter.Value++ }
$clock.Stop()

$calls = @(Invoke-RestMethod "$Url/_emulator/requests" | ForEach-Object { $_ } | Where-Object path -eq '/v1/instances/backup')
[pscustomobject]@{
    Kind = 'Throttled'
    N = $ids.Count
    ThrottleLimit = $ThrottleLimit
    Milliseconds = [math]::Round($clock.Elapsed.TotalMilliseconds, 1)
    Results = $counter.Value
    Throttled = @($calls | Where-Object status -eq 429).Count
    PeakInFlight = ($calls | Measure-Object inFlight -Maximum).Maximum
} | ConvertTo-Json -Compress
