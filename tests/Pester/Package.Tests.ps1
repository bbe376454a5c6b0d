# The manifest and out/KooPhone.zip as PowerShell and Azure Automation need them.
BeforeAll {
    $script:manifestPath = Join-Path $env:KOOPHONE_TEST_MODULE 'KooPhone.psd1'
    $script:manifest = Import-PowerShellDataFile $manifestPath
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
