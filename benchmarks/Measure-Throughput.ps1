<#
    Runs inside one pwsh process: backup throughput of the module at several sizes and throttle
    limits, a per-id Invoke-RestMethod loop and a hand-batched Invoke-RestMethod script, all
    against the same emulator. Writes one JSON object per measurement.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Url,
    [Parameter(Mandatory)] [string] $Token,
    # Comma-separated, as they arrive through -File from the orchestrator.
    [string] $Sizes = '1000,10000,100000',
    [string] $ThrottleLimits = '1,4,16',
    [int] $LoopSize = 1000,
    # Each module measurement of up to 10,000 ids is repeated this often and its median reported.
    [int] $Repeat = 3,
    # Measure the module only (a baseline build), not the hand-written alternatives.
    [switch] $ModuleOnly
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$sizeList = [int[]]($Sizes -split ',')
$throttleList = [int[]]($ThrottleLimits -split ',')
Import-Module $ModulePath
Connect-KooPhone -Endpoint $Url -Token (ConvertTo-SecureString $Token -AsPlainText -Force)
$ids = [string[]]@((Get-KooPhoneInstance -ThrottleLimit 16).InstanceId)

function Reset-Emulator { Invoke-RestMethod -Method Post "$Url/_emulator/reset" | Out-Null }
function Measure-Ms([scriptblock] $Work) {
    [GC]::Collect()
    $clock = [Diagnostics.Stopwatch]::StartNew()
    & $Work
    $clock.Stop()
    $clock.Elapsed.TotalMilliseconds
}
function Emit($kind, $n, $t, $ms, $count) {
    [pscustomobject]@{ Kind = $kind; N = $n; ThrottleLimit = $t; Milliseconds = [math]::Round($ms, 1); Results = $count } | ConvertTo-Json -Compress
}

# Warm-up: JIT and connection pool, not measured.
Reset-Emulator
$null = $ids[0..999] | Backup-KooPhoneInstance -Force -ThrottleLimit 16

foreach ($n in $sizeList) {
    foreach ($t in $throttleList) {
        $samples = foreach ($i in 1..$(if ($n -le 10000) { $Repeat } else { 1 })) {
            Reset-Emulator
            $slice = $ids[0..($n - 1)]
            $counter = [ref]0
            $ms = Measure-Ms { $slice | Backup-KooPhoneInstance -Force -ThrottleLimit $t | ForEach-Object { $counter.Value++ } }
            [pscustomobject]@{ Ms = $ms; Count = $counter.Value }
        }
        $sorted = @($samples | Sort-Object Ms)
        $median = $sorted[[int][math]::Floor($sorted.Count / 2)]
        Emit 'Module' $n $t $median.Ms $median.Count
    }
}

if ($ModuleOnly) { return }

$headers = @{ 'X-Auth-Token' = $Token }
# The alternative users write by hand: one call per id.
Reset-Emulator
$counter = [ref]0
$ms = Measure-Ms {
    foreach ($id in $ids[0..($LoopSize - 1)]) {
        $headers['x-request-id'] = [guid]::NewGuid().ToString()
        $answer = Invoke-RestMethod -Method Post -Uri "$Url/v1/instances/backup" -Headers $headers -ContentType 'application/json' -Body (@{ instance_ids = @($id) } | ConvertTo-Json)
        if ($answer.error_code -eq '0') { $counter.Value++ }
    }
}
Emit 'PerIdLoop' $LoopSize 1 $ms $counter.Value

# The better hand-written alternative: 100 ids per call, one call at a time.
foreach ($n in $sizeList | Where-Object { $_ -le 10000 }) {
    Reset-Emulator
    $counter = [ref]0
    $ms = Measure-Ms {
        for ($i = 0; $i -lt $n; $i += 100) {
            $batch = $ids[$i..([math]::Min($i + 99, $n - 1))]
            $headers['x-request-id'] = [guid]::NewGuid().ToString()
            $answer = Invoke-RestMethod -Method Post -Uri "$Url/v1/instances/backup" -Headers $headers -ContentType 'application/json' -Body (@{ instance_ids = @($batch) } | ConvertTo-Json)
            if ($answer.error_code -eq '0') { $counter.Value += $batch.Count }
        }
    }
    Emit 'HandBatched' $n 1 $ms $counter.Value
}
