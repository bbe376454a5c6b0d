<#
.SYNOPSIS
    Measures the module against the physical limit of the API and against hand-written
    alternatives, all in one run against the bundled emulator with 50 ms added to every request,
    and writes the table to docs/performance.md. Run it with ./build.ps1 Bench.
.DESCRIPTION
    Absolute times on a shared machine are noise; the table reports ratios measured in the same
    run. The physical limit of a batch operation is ceil(ceil(N/100)/T) round trips of the
    emulator's latency.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [Parameter(Mandatory)] [string] $ReportPath,
    # Smaller sizes, for a quick look; the report says so.
    [switch] $Quick,
    # A build of the module from an earlier commit, measured in the same run as the baseline of
    # the clean-run throughput, the fault and memory scenarios and the import (build.ps1 Bench
    # -BaselineRef builds it).
    [string] $BaselineModulePath,
    [string] $BaselineName
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../tools/KooPhoneEmulator.psm1')
$latencyMs = 50
$sizes = if ($Quick) { @(1000, 10000) } else { @(1000, 10000, 100000) }
$memorySizes = if ($Quick) { @(10000, 100000) } else { @(10000, 1000000) }
$listingSize = if ($Quick) { 10000 } else { 100000 }

function Invoke-Child([string] $Script, [hashtable] $Arguments) {
    # An empty value passes a switch.
    $list = foreach ($pair in $Arguments.GetEnumerator()) { "-$($pair.Key)"; if ("$($pair.Value)") { [string]$pair.Value } }
    $lines = & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot $Script) @list 2>&1
    if ($LASTEXITCODE -ne 0) { throw "$Script failed: $($lines -join "`n")" }
    @($lines | Where-Object { "$_".StartsWith('{') } | ForEach-Object { $_ | ConvertFrom-Json })
}
function Start-Emulator([int] $Instances) {
    Start-KooPhoneEmulator -EmulatorPath $EmulatorPath -Instances $Instances -JobDelayMs 1000 -ExtraArguments '--latency-ms', $latencyMs
}
function Physical([int] $n, [int] $t) { [math]::Ceiling([math]::Ceiling($n / 100) / $t) * $latencyMs }
function Median([double[]] $values) { $sorted = $values | Sort-Object; $sorted[[int][math]::Floor($sorted.Count / 2)] }

Write-Host 'Throughput…'
$emulator = Start-Emulator ($sizes | Measure-Object -Maximum).Maximum
try {
    $throughput = Invoke-Child 'Measure-Throughput.ps1' @{ ModulePath = $ModulePath; Url = $emulator.Url; Token = $emulator.Token; Sizes = ($sizes -join ','); ThrottleLimits = '1,4,16' }
}
finally { Stop-KooPhoneEmulator $emulator }

Write-Host 'Culprits…'
$emulator = Start-Emulator 10000
try { $culprits = Invoke-Child 'Measure-Culprits.ps1' @{ ModulePath = $ModulePath; Url = $emulator.Url; Token = $emulator.Token } }
finally { Stop-KooPhoneEmulator $emulator }

Write-Host 'Throttled…'
# The service takes 4 calls at once and throttles the rest; the module is given -ThrottleLimit 64.
$serviceLimit = 4
$throttledSize = if ($Quick) { 20000 } else { 40000 }
$emulator = Start-KooPhoneEmulator -EmulatorPath $EmulatorPath -Instances $throttledSize -JobDelayMs 1000 -ExtraArguments '--latency-ms', $latencyMs, '--max-concurrency', $serviceLimit
try { $throttled = Invoke-Child 'Measure-Throttled.ps1' @{ ModulePath = $ModulePath; Url = $emulator.Url; Token = $emulator.Token; Count = $throttledSize; ThrottleLimit = 64 } }
finally { Stop-KooPhoneEmulator $emulator }

$baseline = @()
if ($BaselineModulePath) {
    Write-Host "Baseline ($BaselineName)…"
    $emulator = Start-Emulator 10000
    try {
        # The same measurement of the baseline, then the current module once more right after
        # it, so both medians come from the same stretch of the machine's load.
        $baseline = Invoke-Child 'Measure-Throughput.ps1' @{ ModulePath = $BaselineModulePath; Url = $emulator.Url; Token = $emulator.Token; Sizes = '1000,10000'; ThrottleLimits = '4,16'; Repeat = 5; ModuleOnly = '' }
        $current = Invoke-Child 'Measure-Throughput.ps1' @{ ModulePath = $ModulePath; Url = $emulator.Url; Token = $emulator.Token; Sizes = '1000,10000'; ThrottleLimits = '4,16'; Repeat = 5; ModuleOnly = '' }
    }
    finally { Stop-KooPhoneEmulator $emulator }

    # The fault and memory scenarios of the baseline too, each on an emulator like this build's.
    $emulator = Start-Emulator 10000
    try { $baselineCulprits = Invoke-Child 'Measure-Culprits.ps1' @{ ModulePath = $BaselineModulePath; Url = $emulator.Url; Token = $emulator.Token } }
    finally { Stop-KooPhoneEmulator $emulator }
    $emulator = Start-KooPhoneEmulator -EmulatorPath $EmulatorPath -Instances $throttledSize -JobDelayMs 1000 -ExtraArguments '--latency-ms', $latencyMs, '--max-concurrency', $serviceLimit
    try { $baselineThrottled = Invoke-Child 'Measure-Throttled.ps1' @{ ModulePath = $BaselineModulePath; Url = $emulator.Url; Token = $emulator.Token; Count = $throttledSize; ThrottleLimit = 64 } }
    finally { Stop-KooPhoneEmulator $emulator }
    if (-not $Quick) {
        $emulator = Start-KooPhoneEmulator -EmulatorPath $EmulatorPath -Instances $memorySizes[-1] -JobDelayMs 3600000 -ExtraArguments '--latency-ms', $latencyMs
        try { $baselineWaitMemory = Invoke-Child 'Measure-Memory.ps1' @{ ModulePath = $BaselineModulePath; Url = $emulator.Url; Token = $emulator.Token; Count = $memorySizes[-1]; Wait = '' } }
        finally { Stop-KooPhoneEmulator $emulator }
    }
}

Write-Host 'Memory…'
$memory = foreach ($n in $memorySizes) {
    $emulator = Start-Emulator $n
    try { Invoke-Child 'Measure-Memory.ps1' @{ ModulePath = $ModulePath; Url = $emulator.Url; Token = $emulator.Token; Count = $n } }
    finally { Stop-KooPhoneEmulator $emulator }
}

$waitMemory = $null
if (-not $Quick) {
    Write-Host 'Memory with -Wait…'
    # Jobs that outlast the submission: every result is pending when the last batch is sent.
    $emulator = Start-KooPhoneEmulator -EmulatorPath $EmulatorPath -Instances $memorySizes[-1] -JobDelayMs 3600000 -ExtraArguments '--latency-ms', $latencyMs
    try { $waitMemory = Invoke-Child 'Measure-Memory.ps1' @{ ModulePath = $ModulePath; Url = $emulator.Url; Token = $emulator.Token; Count = $memorySizes[-1]; Wait = '' } }
    finally { Stop-KooPhoneEmulator $emulator }
}

Write-Host 'Listing…'
$emulator = Start-Emulator $listingSize
try { $listing = Invoke-Child 'Measure-Listing.ps1' @{ ModulePath = $ModulePath; Url = $emulator.Url; Token = $emulator.Token; ThrottleLimit = 4 } }
finally { Stop-KooPhoneEmulator $emulator }

Write-Host 'Polling…'
$polling = foreach ($unsupported in @($false, $true)) {
    $extra = @('--latency-ms', $latencyMs) + $(if ($unsupported) { @('--task-query-unsupported', 'backup') } else { @() })
    $emulator = Start-KooPhoneEmulator -EmulatorPath $EmulatorPath -Instances 10000 -JobDelayMs 1000 -ExtraArguments $extra
    $scenario = if ($unsupported) { 'state fallback' } else { 'task query' }
    try { Invoke-Child 'Measure-Polling.ps1' @{ ModulePath = $ModulePath; Url = $emulator.Url; Token = $emulator.Token; Count = 10000; Scenario = $scenario } }
    finally { Stop-KooPhoneEmulator $emulator }
}
$pollingRows = foreach ($p in $polling) { "| $($p.Scenario) | $('{0:N0}' -f $p.Ids) | $($p.Rounds) | $('{0:0.0}' -f $p.PollsPerTask) | $('{0:N0}' -f $p.StateReads) | $('{0:N0}' -f $p.TotalCalls) | $('{0:N0}' -f $p.TotalMilliseconds) |" }

Write-Host 'Import…'
# Each round imports every build in a fresh process, in an order reversed every other round, so a
# drift of the machine's load hits both builds alike. Timed inside the process
# (Measure-Import.ps1): the start of a process on a busy machine varies by far more than the
# import costs.
$importRounds = 31
$builds = [ordered]@{ current = $ModulePath }
if ($BaselineModulePath) { $builds.baseline = $BaselineModulePath }
$imports = @{ current = @(); baseline = @() }
foreach ($round in 1..$importRounds) {
    $names = @($builds.Keys)
    if ($round % 2) { [array]::Reverse($names) }
    foreach ($name in $names) { $imports[$name] += Invoke-Child 'Measure-Import.ps1' @{ ModulePath = $builds[$name] } }
}
$importMs = Median $imports.current.ImportMilliseconds
$firstUseMs = Median $imports.current.FirstUseMilliseconds
$azureLoaded = @($imports.current.Azure | Sort-Object -Unique)

Write-Host 'Seen-id set…'
$setCounts = if ($Quick) { @(100000, 1000000) } else { @(1000000, 10000000) }
$setMemory = & (Join-Path $PSScriptRoot 'Measure-SetMemory.ps1') -Counts $setCounts
$setRows = foreach ($s in $setMemory) { '| {0:N0} | {1} | {2:N1} | {3:N1} | {4:N0} |' -f $s.Count, $s.Kind, $s.PeakMB, $s.KeptMB, $s.Milliseconds }

# The report.
$loop = $throughput | Where-Object Kind -eq 'PerIdLoop'
$loopPerId = $loop.Milliseconds / $loop.N
$rows = foreach ($m in $throughput | Where-Object Kind -eq 'Module') {
    $physical = Physical $m.N $m.ThrottleLimit
    $hand = $throughput | Where-Object { $_.Kind -eq 'HandBatched' -and $_.N -eq $m.N }
    '| {0:N0} | {1} | {2:N0} | {3:N0} | {4:0.00}× | {5} | {6:0}× |' -f $m.N, $m.ThrottleLimit, $m.Milliseconds, $physical, ($m.Milliseconds / $physical),
        $(if ($hand) { '{0:0.0}×' -f ($hand.Milliseconds / $m.Milliseconds) } else { '–' }), ($loopPerId * $m.N / $m.Milliseconds)
}
$handRows = foreach ($h in $throughput | Where-Object Kind -eq 'HandBatched') {
    '| {0:N0} | {1:N0} | {2:N0} | {3:0.00}× |' -f $h.N, $h.Milliseconds, (Physical $h.N 1), ($h.Milliseconds / (Physical $h.N 1))
}
$memoryRows = foreach ($m in $memory) { '| {0:N0} | {1:N1} | {2:N1} | {3:N0} |' -f $m.Results, $m.PeakWorkingSetMB, $m.LiveManagedMB, $m.Milliseconds }
$memoryGrowth = $memory[-1].PeakWorkingSetMB - $memory[0].PeakWorkingSetMB
$liveGrowth = $memory[-1].LiveManagedMB - $memory[0].LiveManagedMB
$pages = [math]::Ceiling($listing.Instances / 100)
$ten = $throughput | Where-Object { $_.Kind -eq 'Module' -and $_.N -eq 10000 -and $_.ThrottleLimit -eq 16 }
$throttledIdeal = Physical $throttled.N $serviceLimit
$throttledRatio = $throttled.Milliseconds / $throttledIdeal
$throttledLost = $throttled.N - $throttled.Results
$baselineRows = foreach ($b in $baseline) {
    $c = $current | Where-Object { $_.N -eq $b.N -and $_.ThrottleLimit -eq $b.ThrottleLimit }
    '| {0:N0} | {1} | {2:N0} | {3:N0} | {4:0.000}× |' -f $b.N, $b.ThrottleLimit, $b.Milliseconds, $c.Milliseconds, ($c.Milliseconds / $b.Milliseconds)
}
$scenarioRows = if ($baseline) {
    foreach ($kind in 'Clean', 'Named', 'Unnamed') {
        $b = $baselineCulprits | Where-Object Kind -eq $kind; $c = $culprits | Where-Object Kind -eq $kind
        if ($b -and $c) { '| culprits: {0}, 10,000 ids, ms | {1:N0} | {2:N0} | {3:0.00}× |' -f $kind, $b.Milliseconds, $c.Milliseconds, ($c.Milliseconds / $b.Milliseconds) }
    }
    '| throttled: {0:N0} ids, ms | {1:N0} | {2:N0} | {3:0.00}× |' -f $throttled.N, $baselineThrottled.Milliseconds, $throttled.Milliseconds, ($throttled.Milliseconds / $baselineThrottled.Milliseconds)
    if ($waitMemory -and $baselineWaitMemory) {
        '| -Wait, {0:N0} ids: peak working set, MB | {1:N1} | {2:N1} | {3:0.00}× |' -f $waitMemory.Results, $baselineWaitMemory.PeakWorkingSetMB, $waitMemory.PeakWorkingSetMB, ($waitMemory.PeakWorkingSetMB / $baselineWaitMemory.PeakWorkingSetMB)
    }
    foreach ($kind in @{ Key = 'ImportMilliseconds'; Label = 'Import-Module' }, @{ Key = 'FirstUseMilliseconds'; Label = 'Import-Module, Get-KooPhoneContext' }) {
        $b = Median $imports.baseline.($kind.Key); $c = Median $imports.current.($kind.Key)
        '| {0}, ms in a fresh pwsh | {1:N1} | {2:N1} | {3:0.00}× |' -f $kind.Label, $b, $c, ($c / $b)
    }
}
$baselineSection = if ($baseline) { @"

## Against the baseline

The clean run (no faults) of this build against $BaselineName, built from git and measured in the
same run against the same emulator: medians of 5 runs each.

| N | T | baseline ms | this build ms | this build / baseline |
| ---: | ---: | ---: | ---: | ---: |
$($baselineRows -join "`n")

The fault and memory scenarios, each run once per build (the baseline's right after this build's
series above, on an emulator set up the same way), and the import of both builds, medians of the
same $importRounds rounds (see Import below):

| Scenario | baseline | this build | this build / baseline |
| --- | ---: | ---: | ---: |
$(($scenarioRows | Where-Object { $_ }) -join "`n")
"@ } else { '' }

$waitSection = if ($waitMemory) { @"
With ``-Wait`` and jobs that outlast the submission (the emulator's jobs take an hour; the wait is
cut short by ``-TimeoutSeconds 1``), every job is still pending when the last batch is sent and is
held, packed (src/KooPhone.Client/Waiting/PackedTaskJobs.cs), until the time limit: $('{0:N0}' -f $waitMemory.Results) ids,
peak working set $('{0:N1}' -f $waitMemory.PeakWorkingSetMB) MB ($('{0:0.00}' -f ($waitMemory.PeakWorkingSetMB / $memory[-1].PeakWorkingSetMB))× the run without -Wait; target at most 2×),
live managed $('{0:N1}' -f $waitMemory.LiveManagedMB) MB when the first result is written (all still held): about $('{0:N0}' -f ((($waitMemory.LiveManagedMB - $memory[-1].LiveManagedMB) * 1MB) / $waitMemory.Results)) bytes per pending job.

"@ } else { '' }
$report = @"
# Performance

Measured by ``dotnet pwsh ./build.ps1 Bench`` (benchmarks/), which rewrites this file. Every
request to the emulator waits $latencyMs ms, so the physical limit of a batch operation is
ceil(ceil(N/100)/T) × $latencyMs ms: ceil(N/100) calls, T in flight. Absolute times depend on
the machine; the ratios, measured in one run, are what to compare.$(if ($Quick) { "`n`n**Quick run: smaller sizes than the full benchmark.**" })

Run on $((Get-Date).ToUniversalTime().ToString('yyyy-MM-dd HH:mm')) UTC, $([Environment]::ProcessorCount) cores, PowerShell $($PSVersionTable.PSVersion).

## Targets

| Target | Measured | Met |
| --- | --- | --- |
| N = 10,000, -ThrottleLimit 16: at most 1.25 × the physical limit | $('{0:0.00}×' -f ($ten.Milliseconds / (Physical 10000 16))) | $(if ($ten.Milliseconds / (Physical 10000 16) -le 1.25) { 'yes' } else { 'no' }) |
| N = 10,000, -ThrottleLimit 16: at least 50 × faster than the per-id loop (extrapolated) | $('{0:0}×' -f ($loopPerId * 10000 / $ten.Milliseconds)) | $(if ($loopPerId * 10000 / $ten.Milliseconds -ge 50) { 'yes' } else { 'no' }) |
| Peak memory at $('{0:N0}' -f $memory[-1].Results) ids within 50 MB of $('{0:N0}' -f $memory[0].Results) | +$('{0:N1}' -f $memoryGrowth) MB working set (+$('{0:N1}' -f $liveGrowth) MB live managed) | $(if ($memoryGrowth -le 50) { 'yes' } else { 'no' }) |
| 10 culprits named among 10,000 ids: at most 1.3 × the clean run | $('{0:0.00}×' -f (($culprits | Where-Object Kind -eq 'Named').Milliseconds / ($culprits | Where-Object Kind -eq 'Clean').Milliseconds)) | $(if ((($culprits | Where-Object Kind -eq 'Named').Milliseconds / ($culprits | Where-Object Kind -eq 'Clean').Milliseconds) -le 1.3) { 'yes' } else { 'no' }) |
| Throttled: $('{0:N0}' -f $throttled.N) ids, -ThrottleLimit 64, service takes $serviceLimit at once: at most 1.5 × the ideal at the service's limit, 0 lost | $('{0:0.00}×' -f $throttledRatio), $throttledLost lost | $(if ($throttledRatio -le 1.5 -and $throttledLost -eq 0) { 'yes' } else { 'no' }) |
| Import-Module under 200 ms | $('{0:N0}' -f $importMs) ms | $(if ($importMs -lt 200) { 'yes' } else { 'no' }) |

## Backup throughput

``<ids> | Backup-KooPhoneInstance -Force -ThrottleLimit T``, timed inside one pwsh process.
"vs hand-batched" compares with a sequential Invoke-RestMethod script sending 100 ids per call;
Runs of up to 10,000 ids are the median of 3. "vs per-id loop" with one Invoke-RestMethod call per id ($('{0:N0}' -f $loop.N) ids measured:
$('{0:N1}' -f $loopPerId) ms per id, extrapolated to N).

| N | T | ms | physical limit ms | ratio to limit | faster than hand-batched | faster than per-id loop |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |
$($rows -join "`n")

Hand-batched script alone:

| N | ms | physical limit ms (T = 1) | ratio |
| ---: | ---: | ---: | ---: |
$($handRows -join "`n")
$baselineSection

## Culprits

10,000 ids backed up with -ThrottleLimit 16 (medians of 3 runs), clean and with 10 culprits
(5 unknown ids and 5 instances already backing up) spread across batches. The culprits end
alone with their own codes; their neighbours are sent again without them: named by the refusal,
or found by halves when the refusal names none.

| run | ms | vs clean | results | errors | backup calls | extra calls | extra calls per rejected batch |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
$(($culprits | ForEach-Object { $clean = $culprits | Where-Object Kind -eq 'Clean'; $extra = $_.Calls - $_.Batches; '| {0} | {1:N0} | {2:0.00}× | {3:N0} | {4} | {5} | {6} | {7} |' -f $_.Kind, $_.Milliseconds, ($_.Milliseconds / $clean.Milliseconds), $_.Results, $_.Errors, $_.Calls, $extra, $(if ($_.Kind -eq 'Clean') { '–' } else { '{0:0.0}' -f ($extra / 10) }) }) -join "`n")

## Throttled

``<ids> | Backup-KooPhoneInstance -Force -ThrottleLimit 64`` with a fresh connection, against an
emulator started with ``--max-concurrency $serviceLimit``: above $serviceLimit calls in flight it answers
429 with ``Retry-After: 1``. The module has to learn the service's pace (docs/resilience.md). The
ideal is the service's own limit: ceil(ceil(N/100)/$serviceLimit) × $latencyMs ms.

| N | ms | ideal ms | ratio | results | lost | 429s | peak in flight |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
$('| {0:N0} | {1:N0} | {2:N0} | {3:0.00}× | {4:N0} | {5:N0} | {6:N0} | {7} |' -f $throttled.N, $throttled.Milliseconds, $throttledIdeal, $throttledRatio, $throttled.Results, $throttledLost, $throttled.Throttled, $throttled.PeakInFlight)

## Streaming memory

``Get-KooPhoneInstance | Backup-KooPhoneInstance -Force -ThrottleLimit 16`` over the whole fleet,
each size in a fresh process: the peak working set of that process, and the live managed memory
(after a full collection) 250 results before the end — what the module really holds, without the
runtime's slack. The one thing that grows with N is the set of ids seen (to send duplicates once):
eight bytes an id, packed.

| ids | peak working set MB | live managed MB | ms |
| ---: | ---: | ---: | ---: |
$($memoryRows -join "`n")

$waitSection
## Seen-id set

The set of ids seen (src/KooPhone.Client/Batching/SeenKeys.cs) keeps packed ids in a set of its
own (src/KooPhone.Client/Batching/UInt64Set.cs); against ``HashSet<ulong>`` with the same packing,
distinct ids added in a fresh process each run (benchmarks/Measure-SetMemory.ps1): the peak managed
heap while the set grew (the arrays it outgrew count until they are collected) and what it keeps
after a full collection. Medians of 5 runs.

| ids | set | peak MB | kept MB | ms |
| ---: | --- | ---: | ---: | ---: |
$($setRows -join "`n")

## Listing

``Get-KooPhoneInstance -ThrottleLimit $($listing.ThrottleLimit)`` over $('{0:N0}' -f $listing.Instances) instances ($pages pages of 100):
first object after $('{0:N0}' -f $listing.FirstMilliseconds) ms, all after $('{0:N0}' -f $listing.TotalMilliseconds) ms;
pages × latency would be $('{0:N0}' -f ($pages * $latencyMs)) ms (ratio $('{0:0.00}' -f ($listing.TotalMilliseconds / ($pages * $latencyMs)))).

## Polling

``Backup-KooPhoneInstance -Wait`` of 10,000 ids (100 tasks); with the task query, and with backup tasks that cannot be polled (the state fallback reads only the pending ids, at most min(ids, pages) calls a round):

| scenario | ids | rounds | polls per task | state reads | total calls | ms |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
$($pollingRows -join "`n")

## Import

``Import-Module`` takes $('{0:N0}' -f $importMs) ms in a fresh ``pwsh -NoProfile``, and with a first cmdlet that loads
the engine (src/KooPhone.Client) but opens no journal, ``Get-KooPhoneContext``, $('{0:N0}' -f $firstUseMs) ms. Medians of
$importRounds rounds, each importing every build in a fresh process (benchmarks/Measure-Import.ps1), timed
inside it once pwsh's own start-up work has settled (1.5 s): the start of a process varies by far
more than the import costs, and pwsh's background start-up work competes with an import made
right away. Azure assemblies loaded after the first cmdlet: $(if ($azureLoaded) { $azureLoaded -join ', ' } else { 'none' }) (Azure.Storage.Blobs and
Azure.Identity load only for a journal that is a blob URL, src/KooPhone.Client/Runs/JournalStores.cs).
"@
Set-Content -Path $ReportPath -Value $report -Encoding utf8
Write-Host $report
