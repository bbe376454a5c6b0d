<#
    Backs up Count instances with -Wait in one pwsh process and reports what the wait cost:
    polling rounds, task queries per task and state reads (the module's own count, from its
    verbose "Polling:" line), and every /v1 call the emulator saw (its request log), as a JSON line.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Url,
    [Parameter(Mandatory)] [string] $Token,
    [int] $Count = 10000,
    [string] $Scenario = 'task query'
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModulePath
Connect-KooPhone -Endpoint $Url -Token (ConvertTo-SecureString $Token -AsPlainText -Force)
$ids = @(Get-KooPhoneInstance | Select-Object -First $Count -ExpandProperty InstanceId)
Invoke-RestMethod -Method Delete "$Url/_emulator/requests" | Out-Null

$clock = [Diagnostics.Stopwatch]::StartNew()
$results = 0
$cost = $null
$ids | Backup-KooPhoneInstance -Force -Wait -Verbose 4>&1 | ForEach-Object {
    if ($_ -is [System.Management.Automation.VerboseRecord]) {
        if ($_.Message -like 'Polling:*') { $cost = $_.Message }
    }
    else { $results++ }
}
$clock.Stop()

$calls = @(Invoke-RestMethod "$Url/_emulator/requests" | ForEach-Object { $_ })
$numbers = if ($cost -match '(\d+) rounds, (\d+) task queries for (\d+) tasks \(([\d.]+) per task\), (\d+) state reads') { $Matches } else { throw "No polling line in the verbose output." }
[pscustomobject]@{
    Scenario           = $Scenario
    Ids                = $ids.Count
    Results            = $results
    Rounds             = [int]$numbers[1]
    TaskQueries        = [int]$numbers[2]
    Tasks              = [int]$numbers[3]
    PollsPerTask       = [double]$numbers[4]
    StateReads         = [int]$numbers[5]
    TotalCalls         = $calls.Count
    TotalMilliseconds  = [math]::Round($clock.Elapsed.TotalMilliseconds, 1)
} | ConvertTo-Json -Compress
