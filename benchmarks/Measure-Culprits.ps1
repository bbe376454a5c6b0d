<#
    Runs inside one pwsh process: 10,000 ids backed up clean, then with 10 culprits (5 unknown
    ids, 5 instances already backing up) spread across batches, once with refusals that name the
    culprits and once with refusals that name none (bisection). Writes one JSON object per run:
    time, results, errors and the backup calls the emulator received.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Url,
    [Parameter(Mandatory)] [string] $Token,
    [int] $Count = 10000,
    [int] $ThrottleLimit = 16,
    [int] $Repeat = 3
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModulePath
$context = Connect-KooPhone -Endpoint $Url -Token (ConvertTo-SecureString $Token -AsPlainText -Force) -PassThru
$fleet = [string[]]@((Get-KooPhoneInstance -Context $context -ThrottleLimit 16).InstanceId)

function Invoke-Admin([string] $Method, [string] $Path, $Body) {
    $arguments = @{ Method = $Method; Uri = "$Url/_emulator/$Path" }
    if ($Body) { $arguments.Body = ($Body | ConvertTo-Json); $arguments.ContentType = 'application/json' }
    Invoke-RestMethod @arguments
}

function Measure-Run([string] $Kind, [string] $RefusalIds, [switch] $Culprits) {
    $samples = foreach ($i in 1..$Repeat) {
        Invoke-Admin Post 'reset' | Out-Null
        Invoke-Admin Post 'options' @{ refusalIds = $RefusalIds } | Out-Null
        $ids = [System.Collections.Generic.List[string]]::new([string[]]$fleet[0..($Count - 1)])
        if ($Culprits) {
            foreach ($n in 0..4) { Invoke-Admin Post "instances/$($fleet[150 + 1000 * $n])/state" @{ backup_status = 1 } | Out-Null }
            foreach ($n in 0..4) { $ids.Insert(600 + 2000 * $n, ('nosuch{0:D2}' -f $n)) }
        }
        Invoke-Admin Delete 'requests' | Out-Null
        [GC]::Collect()
        $errors = @()
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $results = ($ids | Backup-KooPhoneInstance -Context $context -Force -ThrottleLimit $ThrottleLimit -ErrorAction SilentlyContinue -ErrorVariable +errors | Measure-Object).Count
        $clock.Stop()
        $calls = @(Invoke-RestMethod "$Url/_emulator/requests" | ForEach-Object { $_ } | Where-Object path -eq '/v1/instances/backup').Count
        [pscustomobject]@{ Ms = $clock.Elapsed.TotalMilliseconds; Results = $results; Errors = $errors.Count; Calls = $calls; Ids = $ids.Count }
    }
    $median = @($samples | Sort-Object Ms)[[int][math]::Floor($Repeat / 2)]
    [pscustomobject]@{ Kind = $Kind; Milliseconds = [math]::Round($median.Ms, 1); Results = $median.Results; Errors = $median.Errors; Calls = $median.Calls; Batches = [math]::Ceiling($median.Ids / 100) } | ConvertTo-Json -Compress
}

# Warm-up: JIT and connection pool, not measured.
Invoke-Admin Post 'reset' | Out-Null
$null = $fleet[0..999] | Backup-KooPhoneInstance -Context $context -Force -ThrottleLimit $ThrottleLimit

Measure-Run 'Clean' 'named'
Measure-Run 'Named' 'named' -Culprits
Measure-Run 'Unnamed' 'none' -Culprits
