# The module on the runtimes of older PowerShell 7 releases: Azure Automation runs runbooks on
# PowerShell 7.4 (.NET 8), and 7.5 runs on .NET 9, whose System.Text.Json and
# System.Diagnostics.DiagnosticSource are older than the 10 line the engine and the Azure
# libraries ask for. No pwsh of those releases is served here, so a self-contained program of
# each runtime (tests/tools/OlderRuntime, its runtime from NuGet) loads the engine through the
# module's own loader, lists instances from the emulator and keeps a blob journal on Azurite.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    $script:emulator = Start-TestEmulator -Instances 25
    $script:azurite = Start-TestAzurite
    New-TestAzuriteContainer -Azurite $azurite -Name 'journals'
    $script:sas = New-TestAzuriteSas -Azurite $azurite -Container 'journals'
    $script:project = Join-Path $PSScriptRoot '../tools/OlderRuntime/OlderRuntimeProbe.csproj'
    $script:builds = Join-Path $PSScriptRoot '../../out/older-runtime'

    function Invoke-Probe([string] $Framework) {
        $folder = Join-Path $builds $Framework
        $output = & dotnet publish $project -f $Framework -o $folder -p:ModuleFolder=$env:KOOPHONE_TEST_MODULE --nologo -v quiet 2>&1
        if ($LASTEXITCODE -ne 0) { throw "The probe for $Framework did not build: $($output -join "`n")" }
        $journal = "$($azurite.BlobEndpoint)/journals/$Framework-$([guid]::NewGuid().ToString('N')).csv?$sas"
        $exe = Join-Path $folder ('OlderRuntimeProbe' + $(if ($IsWindows) { '.exe' } else { '' }))
        $output = & $exe $env:KOOPHONE_TEST_MODULE $emulator.Url $emulator.Token $journal 2>&1
        if ($LASTEXITCODE -ne 0) { throw "The probe on $Framework failed: $($output -join "`n")" }
        ($output | Select-Object -Last 1) | ConvertFrom-Json
    }
}

AfterAll {
    Stop-TestAzurite $azurite
    Stop-TestEmulator $emulator
}

Describe 'The engine on the runtime of an older PowerShell 7' {
    It 'lists instances and keeps a blob journal on .NET <Major> (PowerShell <PowerShell>)' -TestCases @(
        @{ Framework = 'net8.0'; Major = 8; PowerShell = '7.4' }
        @{ Framework = 'net9.0'; Major = 9; PowerShell = '7.5' }
    ) {
        $probe = Invoke-Probe $Framework

        $probe.Runtime | Should -BeLike "$Major.*"
        $probe.Listed | Should -Be 10
        # The second run read the first run's intent records back from the blob: sent, no outcome.
        $probe.Doubtful | Should -Be 10
        # The runtime's System.Text.Json and DiagnosticSource are too old for the engine: the
        # module's own copies serve it, in the module's context, beside the runtime's (which the
        # probe's own output and HttpClient use); the Azure libraries load there too.
        foreach ($name in 'System.Text.Json', 'System.Diagnostics.DiagnosticSource') {
            $copies = @($probe.Loaded | Where-Object Name -eq $name)
            @($copies | Where-Object Context -Match 'DependencyLoadContext').Version | Should -BeLike '10.*' -Because "the module's own $name serves the engine"
            @($copies | Where-Object Context -NotMatch 'DependencyLoadContext').Version | Should -BeLike "$Major.*"
        }
        foreach ($name in 'KooPhone.Client', 'Azure.Core', 'Azure.Storage.Blobs') {
            ($probe.Loaded | Where-Object Name -eq $name).Context | Should -Match 'DependencyLoadContext' -Because "$name is the module's own copy"
        }
    }
}

Describe 'The engine on the runtime of this PowerShell' {
    It 'shares the runtime''s System.Text.Json, which is new enough' {
        $url = "$($azurite.BlobEndpoint)/journals/this-$([guid]::NewGuid().ToString('N')).csv?$sas"
        $script = @"
Import-Module '$env:KOOPHONE_TEST_MODULE'
Connect-KooPhone -Endpoint '$($emulator.Url)' -Token (ConvertTo-SecureString '$($emulator.Token)' -AsPlainText -Force) | Out-Null
`$results = @(Get-KooPhoneInstance | Select-Object -First 5 | Backup-KooPhoneInstance -Force -JournalPath '$url')
@([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -in 'System.Text.Json', 'Azure.Core' } | ForEach-Object {
    [pscustomobject]@{ Name = `$_.GetName().Name; Context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).ToString(); Results = `$results.Count }
}) | ConvertTo-Json -Compress
"@
        $output = & dotnet pwsh -NoProfile -NonInteractive -Command $script 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        $loaded = ($output | Select-Object -Last 1) | ConvertFrom-Json
        @($loaded | Where-Object Name -eq 'System.Text.Json').Context | Should -Not -Match 'DependencyLoadContext'
        @($loaded | Where-Object Name -eq 'System.Text.Json').Count | Should -Be 1
        ($loaded | Where-Object Name -eq 'Azure.Core').Context | Should -Match 'DependencyLoadContext'
        $loaded[0].Results | Should -Be 5
    }
}
