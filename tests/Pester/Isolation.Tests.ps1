# The module and other versions of its libraries in one session, in either order.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    $script:packages = [System.IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../../out/packages'))
    & dotnet restore (Join-Path $PSScriptRoot '../tools/ConflictingAssemblies.csproj') --packages $packages --nologo -v quiet
    if ($LASTEXITCODE -ne 0) { throw 'Could not restore the conflicting packages.' }
    $script:emulator = Start-TestEmulator -Instances 300 -JobDelayMs 200

    function Invoke-Scenario([string] $Order) {
        $output = & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'Isolation/Invoke-IsolationScenario.ps1') `
            -Order $Order -ModulePath $env:KOOPHONE_TEST_MODULE -PackagesPath $packages -Url $emulator.Url -Token $emulator.Token 2>&1
        if ($LASTEXITCODE -ne 0) { throw "The $Order scenario failed: $($output -join "`n")" }
        ($output | Select-Object -Last 1) | ConvertFrom-Json
    }
}

AfterAll { Stop-TestEmulator $emulator }

Describe 'Dependency isolation' {
    BeforeEach { Reset-TestEmulator $emulator }

    It 'works in a session that loaded other versions of its libraries first' {
        $summary = Invoke-Scenario 'OthersFirst'
        $summary.Total | Should -Be 150
        $summary.Succeeded | Should -Be 150
        # Both versions live side by side: the session's 6.0 and the module's own 8.0, privately.
        $http = @($summary.Loaded | Where-Object Name -eq 'Microsoft.Extensions.Http')
        @($http.Version) | Should -Contain '6.0.0.0'
        @($http.Version) | Should -Contain '8.0.0.0'
        ($http | Where-Object Version -eq '8.0.0.0').Context | Should -Match 'KooPhone'
    }

    It 'does not break a session that loads other versions after it' {
        $summary = Invoke-Scenario 'ModuleFirst'
        $summary.Total | Should -Be 300
        $summary.Succeeded | Should -Be 300
        @($summary.Loaded | Where-Object Name -eq 'Microsoft.Extensions.DependencyInjection.Abstractions').Version | Should -Contain '6.0.0.0'
    }
}

Describe 'Import' {
    It 'makes the engine''s type names resolve, and takes them away on Remove-Module' {
        # PowerShell caches names it has resolved, so the check after Remove-Module uses a name not asked for before.
        $answers = & dotnet pwsh -NoProfile -NonInteractive -Command "Import-Module '$env:KOOPHONE_TEST_MODULE'; [KooPhone.Client.Models.InstanceRunStatus]::Running; Remove-Module KooPhone; 'KooPhone.Client.Models.KooPhoneJobStatus' -as [type]; 'end'" 2>&1
        $answers | Should -Be @('Running', 'end')
    }

    It 'loads no engine dependency and calls no service at import' {
        $loaded = & dotnet pwsh -NoProfile -NonInteractive -Command "Import-Module '$env:KOOPHONE_TEST_MODULE'; [AppDomain]::CurrentDomain.GetAssemblies().GetName().Name" 2>&1
        $loaded | Should -Contain 'KooPhone'
        $loaded | Should -Not -Contain 'Polly.Core'
        $loaded | Should -Not -Contain 'Microsoft.Extensions.Http'
    }
}
