<#
.SYNOPSIS
    The main job end to end: start the emulator with 500 cloud phones, list them, back them all
    up and wait for every job, then show what happened. Run it with ./build.ps1 Demo.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [int] $Instances = 500
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'   # progress bars do not belong in a log
Import-Module (Join-Path $PSScriptRoot '../tools/KooPhoneEmulator.psm1')

$emulator = Start-KooPhoneEmulator -EmulatorPath $EmulatorPath -Instances $Instances -JobDelayMs 1500
try {
    Write-Host "Emulator listening on $($emulator.Url) with $Instances instances."
    Import-Module $ModulePath
    Connect-KooPhone -Endpoint $emulator.Url -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force)
    Get-KooPhoneContext | Format-Table | Out-String | Write-Host

    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    Write-Host '> Get-KooPhoneInstance | Backup-KooPhoneInstance -Force -Wait'
    $results = Get-KooPhoneInstance | Backup-KooPhoneInstance -Force -Wait
    $clock.Stop()

    Write-Host "`nA few results:"
    $results | Select-Object -First 5 | Format-Table | Out-String | Write-Host
    Write-Host 'Summary by status:'
    $results | Group-Object Status | Sort-Object Name | Format-Table @{ n = 'Status'; e = { $_.Name } }, Count -AutoSize | Out-String | Write-Host
    $tasks = @($results.TaskId | Sort-Object -Unique).Count
    Write-Host ("{0} instances backed up through {1} tasks in {2:0.0} s." -f $results.Count, $tasks, $clock.Elapsed.TotalSeconds)

    $succeeded = @($results | Where-Object Status -eq 'Succeeded').Count
    if ($results.Count -ne $Instances -or $succeeded -ne $Instances) {
        Write-Host "Expected $Instances succeeded results, got $succeeded of $($results.Count)."
        exit 1
    }
}
finally {
    Disconnect-KooPhone -ErrorAction SilentlyContinue
    Stop-KooPhoneEmulator $emulator
}
