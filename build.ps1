#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds, tests, packages and demonstrates the KooPhone module.
.DESCRIPTION
    Tasks:
      Build    (default) writes the importable module to out/KooPhone and the emulator to out/emulator.
      Test     builds, runs the xunit tests and the Pester tests (Pester 5.7.1 is restored from NuGet),
               names every failed and skipped test and ends with one line 'N passed, N failed,
               N skipped'; exits non-zero when anything failed. -Loaded keeps every core busy with a
               spinning process meanwhile; -Repeat N runs the suites N times, stopping at a failure.
      Demo     builds, starts the emulator with 500 instances, backs the fleet up and shows a summary.
      Package  builds and writes out/KooPhone.zip and out/KooPhone.<version>.nupkg (with PSResourceGet).
      Bench    builds, measures throughput, memory, listing and import against the emulator, and
               rewrites docs/performance.md.
    Run it with the pinned PowerShell: dotnet tool restore; dotnet pwsh ./build.ps1 <Task>
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Package', 'Bench')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Build only the module (for work on the cmdlets while the emulator is being changed).
    [switch] $SkipEmulator,

    # Bench with smaller sizes, for a quick look.
    [switch] $Quick,

    # Bench: also build this git commit (or tag, or branch) and measure its clean-run throughput,
    # fault and memory scenarios and import in the same run, as the baseline the current build is
    # compared with.
    [string] $BaselineRef,

    # Test: keep every core busy with a spinning process while the tests run.
    [switch] $Loaded,

    # Test: run the suites this many times, stopping at the first run with a failure.
    [ValidateRange(1, 100)]
    [int] $Repeat = 1
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$out = Join-Path $root 'out'
$moduleDir = Join-Path $out 'KooPhone'
$emulatorDir = Join-Path $out 'emulator'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Get-ModuleVersion {
    $props = [xml](Get-Content -Raw (Join-Path $root 'Directory.Build.props'))
    return $props.SelectSingleNode('/Project/PropertyGroup/Version').InnerText
}

function Invoke-Build {
    $staging = Join-Path $out 'staging'
    Remove-Item -Recurse -Force $moduleDir, $staging -ErrorAction SilentlyContinue
    Invoke-Dotnet publish (Join-Path $root 'src/KooPhone.PowerShell') -c $Configuration -o $staging --nologo -v quiet
    Invoke-Dotnet publish (Join-Path $root 'src/KooPhone.Loader') -c $Configuration -o $staging --nologo -v quiet
    if (-not $SkipEmulator) {
        Remove-Item -Recurse -Force $emulatorDir -ErrorAction SilentlyContinue
        Invoke-Dotnet publish (Join-Path $root 'src/KooPhone.Emulator') -c $Configuration -o $emulatorDir --nologo -v quiet
    }

    # Layout: the cmdlet assembly and the loader beside the manifest; the engine and every library
    # it uses in Dependencies/, where PowerShell does not look, so the loader can keep them private
    # (docs/design-notes.md). PowerShell itself supplies System.Management.Automation.
    $dependencies = Join-Path $moduleDir 'Dependencies'
    New-Item -ItemType Directory -Force $dependencies | Out-Null
    $beside = 'KooPhone.dll', 'KooPhone.Loader.dll'
    foreach ($dll in Get-ChildItem $staging -Filter *.dll) {
        if ($dll.Name -match '^(System\.Management\.Automation|System\.Runtime\.Loader)\.dll$') { continue }
        $target = if ($beside -contains $dll.Name) { $moduleDir } else { $dependencies }
        Copy-Item $dll.FullName $target
    }
    Copy-Item (Join-Path $root 'src/KooPhone.PowerShell/KooPhone.Format.ps1xml'), (Join-Path $root 'src/KooPhone.PowerShell/KooPhone.Types.ps1xml') $moduleDir
    # The licence travels with the module, so the .zip and the .nupkg carry it.
    Copy-Item (Join-Path $root 'LICENSE') $moduleDir
    $version = Get-ModuleVersion
    (Get-Content -Raw (Join-Path $root 'KooPhone.psd1')) -replace "ModuleVersion(\s*)=(\s*)'[^']*'", "ModuleVersion`$1=`$2'$version'" |
        Set-Content -Encoding utf8 (Join-Path $moduleDir 'KooPhone.psd1')
    Write-Help -Staging $staging
    Remove-Item -Recurse -Force $staging
    Write-Host "Built module $version to $moduleDir and the emulator to $emulatorDir"
}

function Write-Help {
    param([string] $Staging)
    # Help comes from the cmdlets' metadata and XML doc comments, generated on every build so it
    # never drifts from the code; the about topic is a file of its own.
    $help = Join-Path $moduleDir 'en-US'
    New-Item -ItemType Directory -Force $help | Out-Null
    $about = Join-Path $root 'src/KooPhone.PowerShell/en-US/about_KooPhone.help.txt'
    if (Test-Path $about) { Copy-Item $about $help }
    $generator = Join-Path $root 'tools/New-MamlHelp.ps1'
    if (Test-Path $generator) {
        & dotnet pwsh -NoProfile -NonInteractive -File $generator -ModuleManifest (Join-Path $moduleDir 'KooPhone.psd1') `
            -XmlDocPath (Join-Path $Staging 'KooPhone.xml') -OutputPath (Join-Path $help 'KooPhone.dll-Help.xml')
        if ($LASTEXITCODE -ne 0) { throw "Help generation failed with exit code $LASTEXITCODE." }
    }
}

function Get-PesterModulePath {
    $packages = Join-Path $out 'packages'
    $manifest = Join-Path $packages 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $manifest)) {
        Invoke-Dotnet restore (Join-Path $root 'tests/tools/Pester.Restore.csproj') --packages $packages --nologo -v quiet | Out-Host
    }
    return $manifest
}

function Invoke-Test {
    Invoke-Package
    $busy = @()
    if ($Loaded) {
        # One spinning thread per core, as on a loaded build machine: tests must wait on conditions,
        # never on time, so they pass all the same. Threads of this process rather than processes
        # of their own: nothing to find and kill afterwards, and they end with it whatever happens.
        $busy = @(1..[Environment]::ProcessorCount | ForEach-Object {
                $spin = [powershell]::Create().AddScript('while ($true) { }')
                [pscustomobject]@{ Shell = $spin; Async = $spin.BeginInvoke() }
            })
        Write-Host "Loaded: $($busy.Count) spinning threads, one per core"
    }
    $failed = 0
    try {
        # Stops at the first run with a failure, so the last line printed is always that run's.
        for ($run = 1; $run -le $Repeat -and $failed -eq 0; $run++) {
            $failed = Invoke-TestRun -Run $run
        }
    }
    finally {
        foreach ($spin in $busy) { $spin.Shell.Stop(); $spin.Shell.Dispose() }
    }
    if ($failed -gt 0) { exit 1 }
}

# One run of both suites; prints the names of what failed or was skipped and then, last, the line
# 'N passed, N failed, N skipped'. Returns how many failed.
function Invoke-TestRun {
    param([int] $Run)
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $results = Join-Path $out 'test-results'
    Remove-Item -Recurse -Force $results -ErrorAction SilentlyContinue
    New-Item -ItemType Directory -Force $results | Out-Null

    # xunit: engine logic. The trx file gives exact counts and names whatever the console says.
    & dotnet test (Join-Path $root 'tests/KooPhone.Client.Tests') -c $Configuration --nologo `
        --logger "trx;LogFileName=xunit.trx" --results-directory $results | Out-Host
    $xunitExit = $LASTEXITCODE
    $xunit = @{ Passed = 0; Failed = @(); Skipped = @() }
    $trx = Get-ChildItem $results -Filter xunit.trx -Recurse | Select-Object -First 1
    if ($trx) {
        $outcomes = @(([xml](Get-Content -Raw $trx.FullName)).TestRun.Results.UnitTestResult)
        $xunit.Passed = @($outcomes | Where-Object outcome -eq 'Passed').Count
        $xunit.Failed = @($outcomes | Where-Object outcome -in 'Failed', 'Error', 'Timeout', 'Aborted' | ForEach-Object testName)
        $xunit.Skipped = @($outcomes | Where-Object outcome -eq 'NotExecuted' | ForEach-Object testName)
    }
    # A build or runner failure counts as one failure.
    if ($xunitExit -ne 0 -and $xunit.Failed.Count -eq 0) { $xunit.Failed = @("xunit run (dotnet test exited with $xunitExit)") }

    # Pester: the module end to end over real HTTP, in a fresh PowerShell process.
    $pesterManifest = Get-PesterModulePath
    $summary = Join-Path $results 'pester.json'
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'tests/Pester/Invoke-PesterSuite.ps1') `
        -PesterManifest $pesterManifest -ModulePath $moduleDir -EmulatorPath (Join-Path $emulatorDir 'KooPhone.Emulator.dll') -SummaryPath $summary `
        -PackagePath (Join-Path $out 'KooPhone.zip') | Out-Host
    $pester = @{ Passed = 0; Failed = @('Pester run (it wrote no summary)'); Skipped = @() }
    if (Test-Path $summary) {
        $counts = Get-Content -Raw $summary | ConvertFrom-Json
        $pester = @{ Passed = [int]$counts.Passed; Failed = @($counts.FailedNames); Skipped = @($counts.SkippedNames) }
    }

    $failed = @($xunit.Failed) + @($pester.Failed)
    $skipped = @($xunit.Skipped) + @($pester.Skipped)
    Write-Host ("Run {0} of {1} took {2:mm\:ss}{3}" -f $Run, $Repeat, $watch.Elapsed, $(if ($Loaded) { ', every core kept busy' } else { '' }))
    Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed.Count) failed, $($xunit.Skipped.Count) skipped; Pester: $($pester.Passed) passed, $($pester.Failed.Count) failed, $($pester.Skipped.Count) skipped"
    foreach ($name in $failed) { Write-Host "Failed: $name" }
    foreach ($name in $skipped) { Write-Host "Skipped: $name" }
    Write-Host "$($xunit.Passed + $pester.Passed) passed, $($failed.Count) failed, $($skipped.Count) skipped"
    return $failed.Count
}

function Invoke-Demo {
    Invoke-Build
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'demo/Invoke-Demo.ps1') `
        -ModulePath $moduleDir -EmulatorPath (Join-Path $emulatorDir 'KooPhone.Emulator.dll')
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Invoke-Package {
    Invoke-Build
    $zip = Join-Path $out 'KooPhone.zip'
    Remove-Item -Force $zip -ErrorAction SilentlyContinue
    # The zip holds the folder KooPhone/ with the manifest inside: the layout Azure Automation imports.
    Compress-Archive -Path $moduleDir -DestinationPath $zip
    Write-Host "Packaged $zip"
    Write-NuGetPackage
}

function Write-NuGetPackage {
    # The .nupkg PowerShell Gallery and Install-PSResource take, written by PSResourceGet itself:
    # published to a local folder repository registered in a throwaway user folder, so the
    # builder's own repositories are never read nor changed (tools/IsolatedPowerShell.psm1).
    $nupkg = Join-Path $out "KooPhone.$(Get-ModuleVersion).nupkg"
    $scratch = Join-Path ([System.IO.Path]::GetTempPath()) ('koophone-nupkg-' + [guid]::NewGuid().ToString('N'))
    Remove-Item -Force (Join-Path $out 'KooPhone.*.nupkg') -ErrorAction SilentlyContinue
    try {
        Import-Module (Join-Path $root 'tools/IsolatedPowerShell.psm1') -Force
        $repository = Join-Path $scratch 'repository'
        $null = Invoke-IsolatedPowerShell -UserFolder (Join-Path $scratch 'user') -File (Join-Path $root 'tools/Publish-ModulePackage.ps1') `
            -ArgumentList '-ModulePath', $moduleDir, '-RepositoryPath', $repository
        Move-Item (Join-Path $repository (Split-Path $nupkg -Leaf)) $nupkg
    }
    finally { Remove-Item -Recurse -Force $scratch -ErrorAction SilentlyContinue }
    Write-Host "Packaged $nupkg"
}

function Invoke-Bench {
    Invoke-Build
    $baseline = @{}
    if ($BaselineRef) {
        # The baseline builds with its own build.ps1, in a worktree of its own under out/.
        $source = Join-Path $out 'baseline-src'
        & git -C $root worktree remove --force $source 2>$null
        Invoke-Git worktree add --detach $source $BaselineRef
        & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $source 'build.ps1') -SkipEmulator
        if ($LASTEXITCODE -ne 0) { throw "The baseline $BaselineRef did not build." }
        $baseline = @{ BaselineModulePath = (Join-Path $source 'out/KooPhone'); BaselineName = "$BaselineRef ($(& git -C $root rev-parse --short $BaselineRef))" }
    }
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'benchmarks/Invoke-Benchmarks.ps1') `
        -ModulePath $moduleDir -EmulatorPath (Join-Path $emulatorDir 'KooPhone.Emulator.dll') `
        -ReportPath (Join-Path $root 'docs/performance.md') -Quick:$Quick @baseline
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Invoke-Git {
    & git -C $root @args
    if ($LASTEXITCODE -ne 0) { throw "git $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Package' { Invoke-Package }
    'Bench' { Invoke-Bench }
}
