# The module and other versions of its libraries in one session, in either order: among them an
# older Azure SDK in the default context, as Az.Accounts and Az.Storage load it, which works beside
# the module's own while the module keeps a blob journal on Azurite (issue 25).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    $script:packages = [System.IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../../out/packages'))
    & dotnet restore (Join-Path $PSScriptRoot '../tools/ConflictingAssemblies.csproj') --packages $packages --nologo -v quiet
    if ($LASTEXITCODE -ne 0) { throw 'Could not restore the conflicting packages.' }
    $script:emulator = Start-TestEmulator -Instances 300 -JobDelayMs 200

    function Invoke-Scenario([string] $Order) {
        $output = & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'Isolation/Invoke-IsolationScenario.ps1') `
            -Order $Order -ModulePath $env:KOOPHONE_TEST_MODULE -PackagesPath $packages -Url $emulator.Url -Token $emulator.Token `
            -BlobEndpoint $azurite.BlobEndpoint -Container $container -Sas $sas -ConnectionString $azurite.ConnectionString 2>&1
        if ($LASTEXITCODE -ne 0) { throw "The $Order scenario failed: $($output -join "`n")" }
        ($output | Select-Object -Last 1) | ConvertFrom-Json
    }
}

AfterAll { Stop-TestEmulator $emulator }

Describe 'Dependency isolation' {
    BeforeAll {
        # Blob journals on Azurite, in a container made beforehand; the older Azure SDK makes its own.
        $script:azurite = Start-TestAzurite
        $script:container = 'journals'
        New-TestAzuriteContainer -Azurite $azurite -Name $container
        $script:sas = New-TestAzuriteSas -Azurite $azurite -Container $container
        # The versions tests/tools/ConflictingAssemblies.csproj restores (the scenario loads them into
        # the default context, as Az.Accounts and Az.Storage do), by assembly name.
        $script:oldAzure = @{
            'Azure.Core' = '1.44.1.0'; 'System.ClientModel' = '1.1.0.0'; 'System.Memory.Data' = '6.0.0.0'
            'Azure.Identity' = '1.12.1.0'; 'Microsoft.Identity.Client' = '4.65.0.0'; 'Microsoft.Identity.Client.Extensions.Msal' = '4.65.0.0'
            'Microsoft.IdentityModel.Abstractions' = '6.35.0.0'; 'Azure.Storage.Blobs' = '12.19.1.0'; 'Azure.Storage.Common' = '12.18.1.0'; 'System.IO.Hashing' = '6.0.0.0'
        }
        # The module's own versions: those of its Dependencies folder.
        $module = if (Test-Path $env:KOOPHONE_TEST_MODULE -PathType Container) { $env:KOOPHONE_TEST_MODULE } else { Split-Path $env:KOOPHONE_TEST_MODULE }
        $script:ownVersion = @{}
        foreach ($name in $oldAzure.Keys) {
            $file = Join-Path $module "Dependencies/$name.dll"
            if (Test-Path $file) { $ownVersion[$name] = [Reflection.AssemblyName]::GetAssemblyName($file).Version.ToString() }
        }

        # What a blob-journal run (with a SAS) loads of the Azure SDK: these must be there twice.
        $script:sideBySide = 'Azure.Core', 'Azure.Storage.Blobs', 'Azure.Storage.Common', 'System.ClientModel', 'System.Memory.Data'

        function Assert-AzureIsolated($Summary) {
            $azure = @($Summary.Loaded | Where-Object Name -in $oldAzure.Keys)
            foreach ($name in $oldAzure.Keys) {
                $old = @($azure | Where-Object { $_.Name -eq $name -and $_.Default })
                @($old.Version) | Should -Be @($oldAzure[$name]) -Because "the session's $name is the older one, alone in the default context"
            }
            foreach ($name in $sideBySide) {
                $own = @($azure | Where-Object { $_.Name -eq $name -and -not $_.Default })
                @($own.Version) | Should -Be @($ownVersion[$name]) -Because "the module's own $name is loaded once, beside the session's"
                $own.Context | Should -Match 'KooPhone'
            }
            # Nothing of the SDK is anywhere else: every copy is the session's (default) or the module's.
            $azure | Where-Object { -not $_.Default } | ForEach-Object {
                $_.Context | Should -Match 'KooPhone'
                $_.Version | Should -Be $ownVersion[$_.Name]
            }
        }

        function Assert-OldAzureUsed($Summary, [int] $Uses) {
            $Summary.OldAzure | Should -HaveCount $Uses
            foreach ($use in $Summary.OldAzure) {
                $use.Read | Should -Be $use.Written -Because 'the older Azure.Storage.Blobs wrote and read a blob on Azurite'
                $use.Blobs | Should -Be $oldAzure['Azure.Storage.Blobs']
                $use.Core | Should -Be $oldAzure['Azure.Core']
                @($use.Identity) | Should -Be @($oldAzure['Azure.Identity'])
                $use.Default | Should -BeTrue
                Get-TestAzuriteBlobText -Azurite $azurite -Path "$($use.Container)/hello.txt" | Should -Be $use.Written
            }
        }

        # Each journal holds an intent line and a result line for every id its run backed up.
        function Assert-Journals($Summary, [int] $Runs) {
            $Summary.Journals | Should -HaveCount $Runs
            foreach ($journal in $Summary.Journals) {
                $rows = @(Get-TestAzuriteBlobText -Azurite $azurite -Path $journal.Blob | ConvertFrom-Csv)
                $expected = @($journal.Ids | Sort-Object)
                $expected | Should -HaveCount 150
                @($rows | Where-Object Outcome -eq 'Sent' | ForEach-Object InstanceId | Sort-Object) | Should -Be $expected
                @($rows | Where-Object { $_.Outcome -eq 'Result' -and $_.Status -eq 'Succeeded' } | ForEach-Object InstanceId | Sort-Object) | Should -Be $expected
            }
        }
    }

    AfterAll { Stop-TestAzurite $azurite }

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
        Assert-Journals $summary -Runs 1
        Assert-OldAzureUsed $summary -Uses 2
        Assert-AzureIsolated $summary
    }

    It 'does not break a session that loads other versions after it' {
        $summary = Invoke-Scenario 'ModuleFirst'
        $summary.Total | Should -Be 300
        $summary.Succeeded | Should -Be 300
        @($summary.Loaded | Where-Object Name -eq 'Microsoft.Extensions.DependencyInjection.Abstractions').Version | Should -Contain '6.0.0.0'
        Assert-Journals $summary -Runs 2
        Assert-OldAzureUsed $summary -Uses 2
        Assert-AzureIsolated $summary
    }
}

Describe 'The cmdlet assembly' {
    It 'names no library of the Dependencies folder but the engine, which alone the loader resolves' {
        # A type of another library in a signature the cmdlets call (a TimeProvider parameter, say)
        # would be looked for in the default context, where it is not, and fail at run time.
        $module = if (Test-Path $env:KOOPHONE_TEST_MODULE -PathType Container) { $env:KOOPHONE_TEST_MODULE } else { Split-Path $env:KOOPHONE_TEST_MODULE }
        $private = @(Get-ChildItem (Join-Path $module 'Dependencies') -Filter *.dll | ForEach-Object BaseName)
        $private | Should -Contain 'KooPhone.Client'
        $file = [IO.File]::OpenRead((Join-Path $module 'KooPhone.dll'))
        try {
            $pe = [Reflection.PortableExecutable.PEReader]::new($file)
            $reader = [Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
            $references = @($reader.AssemblyReferences | ForEach-Object { $reader.GetString($reader.GetAssemblyReference($_).Name) })
        }
        finally { $file.Dispose() }
        $references | Should -Contain 'KooPhone.Client'
        @($references | Where-Object { $_ -in $private -and $_ -ne 'KooPhone.Client' }) | Should -BeNullOrEmpty
    }

    It 'drives the run through the engine''s run alone, naming none of its plumbing' {
        # The batch run (dispatching, settling, following -Wait) is the engine's BatchRun; the cmdlets
        # only bind, confirm and write what it hands back (docs/design-notes.md, "A run's life").
        $module = if (Test-Path $env:KOOPHONE_TEST_MODULE -PathType Container) { $env:KOOPHONE_TEST_MODULE } else { Split-Path $env:KOOPHONE_TEST_MODULE }
        $file = [IO.File]::OpenRead((Join-Path $module 'KooPhone.dll'))
        try {
            $pe = [Reflection.PortableExecutable.PEReader]::new($file)
            $reader = [Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
            $types = @($reader.TypeReferences | ForEach-Object { $reader.GetString($reader.GetTypeReference($_).Name) })
        }
        finally { $file.Dispose() }
        $types | Should -Contain 'BatchRun`2'
        @($types | Where-Object { $_ -in 'BatchDispatcher`2', 'BatchSettler`2', 'JobWaiter', 'PollPacer', 'PrepareWaiter', 'RestartWaiter' }) | Should -BeNullOrEmpty
    }
}

Describe 'The Windows PowerShell resolver (AssemblyResolve), forced on PowerShell 7' {
    BeforeAll {
        # No Windows PowerShell here: the loader's AppContext switch makes PowerShell 7 take the
        # .NET Framework path, so FrameworkDependencyResolver itself is what is tested. Probes load
        # by name, in this order, as a dependency is asked for: a version newer than the folder's
        # (refused), an older one (the folder's newer copy answers), no version, a name not there.
        $script:probes = 'Polly.Core, Version=99.0.0.0', 'Polly.Core, Version=1.0.0.0', 'Microsoft.Extensions.Http', 'KooPhone.NoSuchLibrary'
        function Invoke-Resolver([switch] $UseAssemblyResolve) {
            $output = & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'Isolation/Invoke-ResolverScenario.ps1') `
                -ModulePath $env:KOOPHONE_TEST_MODULE -Url $emulator.Url -Token $emulator.Token -Probe ($probes -join '|') -UseAssemblyResolve:$UseAssemblyResolve 2>&1
            if ($LASTEXITCODE -ne 0) { throw "The resolver scenario failed: $($output -join "`n")" }
            ($output | Select-Object -Last 1) | ConvertFrom-Json
        }
    }

    It 'resolves the engine and its libraries from the module''s own folder, never an older copy' {
        $run = Invoke-Resolver -UseAssemblyResolve
        $run.Probes[0].Failure | Should -Be 'FileNotFoundException' -Because 'the folder''s Polly.Core is older than 99.0'
        $run.Probes[1].Location | Should -Be (Join-Path 'Dependencies' 'Polly.Core.dll')
        $run.Probes[2].Location | Should -Be (Join-Path 'Dependencies' 'Microsoft.Extensions.Http.dll')
        $run.Probes[3].Failure | Should -Be 'FileNotFoundException'
        # The engine itself came through AssemblyResolve, not through a load context.
        $run.Asked | Should -Contain 'KooPhone.Client'
        $run.Count | Should -Be 300
        @($run.Loaded.Name) | Should -Contain 'KooPhone.Client'
        @($run.Loaded.Name) | Should -Contain 'Microsoft.Extensions.Http'
        $run.Loaded | ForEach-Object { $_.Context | Should -Be 'DefaultAssemblyLoadContext' -Because "$($_.Name) is loaded as on .NET Framework, one context" }
    }

    It 'is not used without the switch: the same names do not resolve, the engine stays private' {
        $run = Invoke-Resolver
        $run.Probes | ForEach-Object { $_.Failure | Should -Be 'FileNotFoundException' -Because "$($_.Name) is found only by the resolver" }
        $run.Asked | Should -Not -Contain 'KooPhone.Client'
        $run.Count | Should -Be 300
        ($run.Loaded | Where-Object Name -eq 'KooPhone.Client').Context | Should -Be 'DependencyLoadContext'
    }
}

Describe 'Import' {
    It 'makes the engine''s type names resolve, and takes them away on Remove-Module' {
        # PowerShell caches names it has resolved, so the check after Remove-Module uses a name not asked for before.
        $answers = & dotnet pwsh -NoProfile -NonInteractive -Command "Import-Module '$env:KOOPHONE_TEST_MODULE'; [KooPhone.Client.Models.InstanceRunStatus]::Running; Remove-Module KooPhone; 'KooPhone.Client.Models.KooPhoneJobStatus' -as [type]; 'end'" 2>&1
        $answers | Should -Be @('Running', 'end')
    }

    It 'unhooks its resolver with the last Remove-Module, not while another runspace still has the module' {
        # Asking the default context for the engine by name goes through the resolver hook only.
        $script = @'
$module = $args[0]
function Test-Hook { try { $null = [Runtime.Loader.AssemblyLoadContext]::Default.LoadFromAssemblyName([Reflection.AssemblyName]'KooPhone.Client'); 'hooked' } catch { 'unhooked' } }
Import-Module $module
$other = [powershell]::Create()
$null = $other.AddScript("Import-Module '$module'").Invoke()
Remove-Module KooPhone
Test-Hook
$other.Commands.Clear(); $null = $other.AddScript('(Get-KooPhoneRun -List | Measure-Object).Count; Remove-Module KooPhone')
$other.Invoke()
Test-Hook
Import-Module $module
Test-Hook
(Get-Command Get-KooPhoneRun).Name
'@
        $file = Join-Path $TestDrive 'hook.ps1'
        Set-Content $file $script
        $answers = & dotnet pwsh -NoProfile -NonInteractive -File $file $env:KOOPHONE_TEST_MODULE 2>&1
        $answers | Should -Be @('hooked', '0', 'unhooked', 'hooked', 'Get-KooPhoneRun')
    }

    It 'loads no engine dependency and calls no service at import' {
        $loaded = & dotnet pwsh -NoProfile -NonInteractive -Command "Import-Module '$env:KOOPHONE_TEST_MODULE'; [AppDomain]::CurrentDomain.GetAssemblies().GetName().Name" 2>&1
        $loaded | Should -Contain 'KooPhone'
        $loaded | Should -Not -Contain 'Polly.Core'
        $loaded | Should -Not -Contain 'Microsoft.Extensions.Http'
    }
}
