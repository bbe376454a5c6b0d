<#
    Compares the set SeenKeys keeps packed ids in (src/KooPhone.Client/Batching/UInt64Set.cs) with
    HashSet<ulong> holding the same packed values: peak managed heap while the set grows, managed
    memory it keeps, and time, at each size. Every run is a fresh process (benchmarks/SetMemory);
    the medians of -Runs runs are reported.
    Run: dotnet pwsh benchmarks/Measure-SetMemory.ps1
#>
param(
    [int[]] $Counts = @(1000000, 10000000),
    [int] $Runs = 5
)
$ErrorActionPreference = 'Stop'
$project = Join-Path $PSScriptRoot 'SetMemory'
& dotnet build $project -c Release -v quiet --nologo | Out-Null
if ($LASTEXITCODE -ne 0) { throw 'The SetMemory benchmark did not build.' }
$program = Join-Path $project 'bin/Release/net10.0/SetMemory.dll'
function Median([double[]] $values) { $sorted = $values | Sort-Object; $sorted[[int][math]::Floor($sorted.Count / 2)] }

foreach ($count in $Counts) {
    foreach ($kind in 'UInt64Set', 'HashSet') {
        # Workstation, non-concurrent collection: the same collector settings in every run.
        $env:DOTNET_gcServer = '0'
        $env:DOTNET_gcConcurrent = '0'
        $results = foreach ($i in 1..$Runs) {
            $line = & dotnet $program $kind $count
            if ($LASTEXITCODE -ne 0) { throw "SetMemory $kind $count failed." }
            $line | ConvertFrom-Json
        }
        [pscustomobject]@{
            Kind = $kind
            Count = $count
            PeakMB = Median $results.PeakMB
            KeptMB = Median $results.KeptMB
            Milliseconds = Median $results.Milliseconds
            PeakMBRuns = ($results.PeakMB -join ' ')
        }
    }
}
