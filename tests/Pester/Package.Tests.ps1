# The manifest, out/KooPhone.zip and out/KooPhone.<version>.nupkg as PowerShell, Azure Automation
# and PowerShell Gallery (PSResourceGet) need them.
BeforeAll {
    $script:manifestPath = Join-Path $env:KOOPHONE_TEST_MODULE 'KooPhone.psd1'
    $script:manifest = Import-PowerShellDataFile $manifestPath
    $script:psData = $manifest.PrivateData.PSData
    $script:root = [System.IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../..'))
}

Describe 'Manifest' {
    It 'declares both editions, PowerShell 5.1 and .NET Framework 4.7.2' {
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.PowerShellVersion | Should -Be '5.1'
        $manifest.DotNetFrameworkVersion | Should -Be '4.7.2'
    }

    It 'exports an explicit list, no wildcards, equal to what the module has' {
        foreach ($list in 'CmdletsToExport', 'FunctionsToExport', 'AliasesToExport', 'VariablesToExport') {
            $manifest.ContainsKey($list) | Should -BeTrue -Because "$list must be explicit"
            @($manifest[$list]) | Where-Object { $_ -match '\*' } | Should -BeNullOrEmpty
        }
        $commands = & dotnet pwsh -NoProfile -NonInteractive -Command "Import-Module '$env:KOOPHONE_TEST_MODULE'; (Get-Command -Module KooPhone -CommandType Cmdlet).Name"
        @($manifest.CmdletsToExport | Sort-Object) | Should -Be @($commands | Sort-Object)
    }

    It 'takes its version from the one place it is kept' {
        $props = [xml](Get-Content -Raw (Join-Path $root 'Directory.Build.props'))
        $version = $props.SelectSingleNode('/Project/PropertyGroup/Version').InnerText
        $manifest.ModuleVersion | Should -Be $version
        $assembly = [System.Reflection.AssemblyName]::GetAssemblyName((Join-Path $env:KOOPHONE_TEST_MODULE $manifest.RootModule))
        $assembly.Version.ToString(3) | Should -Be $version
    }
}

Describe 'Gallery metadata' {
    It 'tags both editions, describes this version in its release notes, and invents no address' {
        foreach ($edition in $manifest.CompatiblePSEditions) { $psData.Tags | Should -Contain "PSEdition_$edition" }
        $psData.Tags | Should -Contain 'KooPhone'
        $psData.ReleaseNotes | Should -Match "^$([regex]::Escape($manifest.ModuleVersion)): " -Because 'release notes must be rewritten with each version'
        $psData.LicenseUri | Should -Not -BeNullOrEmpty
        foreach ($key in 'ProjectUri', 'IconUri') { $psData.ContainsKey($key) | Should -BeFalse -Because 'the project has no public address yet' }
        $manifest.ContainsKey('HelpInfoURI') | Should -BeFalse
    }

    It 'ships the MIT licence, copyright of the manifest''s author, beside the manifest' {
        $license = Get-Content -Raw (Join-Path $env:KOOPHONE_TEST_MODULE 'LICENSE')
        $license | Should -BeExactly (Get-Content -Raw (Join-Path $root 'LICENSE'))
        $license | Should -Match '^MIT License'
        $license | Should -Match "Copyright \(c\) \d{4} $([regex]::Escape($manifest.Author))"
    }
}

Describe 'out/KooPhone.zip' {
    BeforeAll {
        $script:unpacked = Join-Path ([System.IO.Path]::GetTempPath()) ('koophone-zip-' + [guid]::NewGuid())
        Expand-Archive -Path $env:KOOPHONE_TEST_PACKAGE -DestinationPath $unpacked
        $script:entries = @([System.IO.Compression.ZipFile]::OpenRead($env:KOOPHONE_TEST_PACKAGE).Entries.FullName)
    }
    AfterAll { Remove-Item -Recurse -Force $unpacked -ErrorAction SilentlyContinue }

    It 'holds one folder named like the zip, with the manifest and root assembly named alike' {
        @(Get-ChildItem $unpacked).Name | Should -Be @('KooPhone')
        Test-Path (Join-Path $unpacked 'KooPhone/KooPhone.psd1') | Should -BeTrue
        Test-Path (Join-Path $unpacked 'KooPhone/KooPhone.dll') | Should -BeTrue
        Test-Path (Join-Path $unpacked 'KooPhone/LICENSE') | Should -BeTrue
        (Split-Path $env:KOOPHONE_TEST_PACKAGE -Leaf) | Should -Be 'KooPhone.zip'
    }

    It 'keeps every path under 140 characters' {
        $entries.Count | Should -BeGreaterThan 10
        $entries | ForEach-Object { $_.Length | Should -BeLessThan 140 -Because $_ }
    }

    It 'imports from the unpacked folder with help and views' {
        $folder = Join-Path $unpacked 'KooPhone'
        $output = & dotnet pwsh -NoProfile -NonInteractive -Command "Import-Module '$folder'; (Get-Command -Module KooPhone).Count; (Get-Help Backup-KooPhoneInstance).Synopsis"
        [int]$output[0] | Should -Be $manifest.CmdletsToExport.Count
        $output[1] | Should -Match 'Backs up'
    }
}

Describe 'The .nupkg in out/' {
    BeforeAll {
        $script:nupkg = Join-Path (Split-Path $env:KOOPHONE_TEST_PACKAGE) "KooPhone.$($manifest.ModuleVersion).nupkg"
        $archive = [System.IO.Compression.ZipFile]::OpenRead($nupkg)
        try {
            $script:nupkgEntries = @($archive.Entries.FullName)
            $reader = [System.IO.StreamReader]::new($archive.GetEntry('KooPhone.nuspec').Open())
            $script:nuspec = ([xml]$reader.ReadToEnd()).package.metadata
            $reader.Dispose()
        }
        finally { $archive.Dispose() }
    }

    It 'describes the module as its manifest does' {
        $nuspec.id | Should -Be 'KooPhone'
        $nuspec.version | Should -Be $manifest.ModuleVersion
        $nuspec.authors | Should -Be $manifest.Author
        $nuspec.licenseUrl | Should -Be $psData.LicenseUri
        $nuspec.releaseNotes | Should -Be $psData.ReleaseNotes
        foreach ($tag in $psData.Tags) { $nuspec.tags -split ' ' | Should -Contain $tag }
        $nuspec.SelectSingleNode('*[local-name()="projectUrl"]') | Should -BeNullOrEmpty
    }

    It 'holds every file of the module folder, the licence among them, at the package root' {
        $module = (Resolve-Path $env:KOOPHONE_TEST_MODULE).Path
        $files = @(Get-ChildItem -Recurse -File $module | ForEach-Object { [System.IO.Path]::GetRelativePath($module, $_.FullName) -replace '\\', '/' })
        $files | Should -Contain 'LICENSE'
        $files | Should -Contain 'Dependencies/KooPhone.Client.dll'
        foreach ($file in $files) { $nupkgEntries | Should -Contain $file }
    }
}

# On Windows, .NET takes PSResourceGet's store and the CurrentUser module folder from the shell's
# known folders, not from the environment, so this test could not keep them out of the profile.
Describe 'Installing from a local repository with PSResourceGet, offline' -Skip:$IsWindows {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
        Import-Module (Join-Path $root 'tools/IsolatedPowerShell.psm1') -Force
        $script:emulator = Start-TestEmulator -Instances 20 -JobDelayMs 100
        $script:scratch = Join-Path ([System.IO.Path]::GetTempPath()) ('koophone-gallery-' + [guid]::NewGuid().ToString('N'))
        $script:userFolder = Join-Path $scratch 'user'
        # The store of the user running the tests, to show it is left as it was.
        $script:ownStore = Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'PSResourceGet/PSResourceRepository.xml'
        function Get-StoreState { if (Test-Path $ownStore) { (Get-FileHash $ownStore).Hash } else { 'absent' } }
        $script:ownStoreBefore = Get-StoreState

        # Offline: every proxy variable names a closed port, so anything that tried to reach the
        # internet (PowerShell Gallery included) would fail; only the emulator on loopback is direct.
        # Both spellings: .NET and NuGet read either, and Linux keeps them apart.
        $offline = [System.Collections.Generic.Dictionary[string, string]]::new([StringComparer]::Ordinal)
        foreach ($name in 'http_proxy', 'https_proxy', 'all_proxy') { $offline[$name] = $offline[$name.ToUpperInvariant()] = 'http://127.0.0.1:9' }
        $offline['no_proxy'] = $offline['NO_PROXY'] = '127.0.0.1,localhost'
        $lines = @(Invoke-IsolatedPowerShell -UserFolder $userFolder -File (Join-Path $PSScriptRoot 'Gallery/Invoke-GalleryRoundTrip.ps1') -Environment $offline -ArgumentList @(
            '-ModulePath', (Resolve-Path $env:KOOPHONE_TEST_MODULE).Path, '-RepositoryPath', (Join-Path $scratch 'repository'),
            '-Url', $emulator.Url, '-Token', $emulator.Token))
        $script:roundTrip = $lines[-1] | ConvertFrom-Json
    }

    AfterAll {
        Stop-TestEmulator $emulator
        Remove-Item -Recurse -Force $scratch -ErrorAction SilentlyContinue
    }

    It 'publishes the staged module as KooPhone.(version).nupkg' {
        $roundTrip.Published | Should -Be @("KooPhone.$($manifest.ModuleVersion).nupkg")
    }

    It 'installs KooPhone by name from that folder alone, into the temporary profile, and imports it by name' {
        $roundTrip.Repositories | Should -Be @('KooPhoneLocal')
        $roundTrip.ModuleBase | Should -BeLike "$([System.IO.Path]::GetFullPath($userFolder))*"
        $roundTrip.ModuleBase | Should -Not -BeLike "$((Resolve-Path $env:KOOPHONE_TEST_MODULE).Path)*"
        $roundTrip.Version | Should -Be $manifest.ModuleVersion
    }

    It 'runs against the emulator once installed' {
        $roundTrip.Count | Should -Be 20
    }

    It 'keeps PSResourceGet''s repository store in the temporary profile and the user''s as it was' {
        $roundTrip.Store | Should -BeLike "$([System.IO.Path]::GetFullPath($userFolder))*"
        Test-Path $roundTrip.Store | Should -BeTrue
        Get-StoreState | Should -Be $ownStoreBefore
    }
}
