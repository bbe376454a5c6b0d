# Get-Help for every cmdlet comes from the generated MAML file (tools/New-MamlHelp.ps1, from the
# cmdlets' metadata and XML doc comments) and is complete; the about topic is found and true.
BeforeDiscovery {
    $module = Import-Module $env:KOOPHONE_TEST_MODULE -Force -PassThru | Select-Object -First 1
    $common = @([System.Management.Automation.Cmdlet]::CommonParameters) + @([System.Management.Automation.Cmdlet]::OptionalCommonParameters)
    $script:cmdlets = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name | ForEach-Object {
            @{
                Name       = $_.Name
                Parameters = @($_.Parameters.Values | Where-Object { $_.Name -notin $common } | Sort-Object Name | ForEach-Object {
                        @{ Parameter = $_.Name; Type = $_.ParameterType }
                    })
            }
        })
}

BeforeAll {
    $script:module = Import-Module $env:KOOPHONE_TEST_MODULE -Force -PassThru | Select-Object -First 1
    $script:common = @([System.Management.Automation.Cmdlet]::CommonParameters) + @([System.Management.Automation.Cmdlet]::OptionalCommonParameters)

    # The text of a MAML description (an array of paragraphs, or nothing).
    function Get-HelpText($Description) { (@($Description | ForEach-Object { $_.Text }) -join "`n").Trim() }
}

Describe 'Help of <Name>' -ForEach $cmdlets {
    BeforeAll {
        $script:command = Get-Command $Name
        $script:help = Get-Help $Name -Full
        $script:helpParameters = @($help.parameters.parameter | Where-Object { $_ })
    }

    It 'comes from the module''s help file' {
        $help.ModuleName | Should -Be $module.Name
        # HelpFile is the file name until the help is loaded, its full path after.
        Test-Path (Join-Path $module.ModuleBase "en-US/$(Split-Path -Leaf $command.HelpFile)") | Should -BeTrue
    }

    It 'has a synopsis that is not the generated syntax' {
        $synopsis = "$($help.Synopsis)".Trim()
        $synopsis | Should -Not -BeNullOrEmpty
        # Without a help file, Get-Help makes the synopsis from the syntax: the name, then parameters.
        $synopsis | Should -Not -Match ('^' + [regex]::Escape($Name) + '(\s|$)')
        $synopsis | Should -Not -Match '\[<CommonParameters>\]'
    }

    It 'has a description' {
        Get-HelpText $help.description | Should -Not -BeNullOrEmpty
    }

    It 'describes -<Parameter>' -ForEach $Parameters {
        $entry = @($helpParameters | Where-Object name -EQ $Parameter)
        $entry | Should -HaveCount 1 -Because "-$Parameter is a parameter of $Name"
        Get-HelpText $entry[0].description | Should -Not -BeNullOrEmpty
        $entry[0].type.name | Should -Not -BeNullOrEmpty
        $required = @($command.ParameterSets | ForEach-Object { $_.Parameters } | Where-Object Name -EQ $Parameter | ForEach-Object IsMandatory | Sort-Object -Unique)
        if ($required.Count -eq 1) { $entry[0].required | Should -Be ([string]$required[0]).ToLowerInvariant() }
        $core = if ($Type.IsArray) { $Type.GetElementType() } else { $Type }
        if ($core.IsEnum) {
            # The syntax lists the values an enum parameter takes.
            $values = @($help.syntax.syntaxItem.parameter | Where-Object name -EQ $Parameter | ForEach-Object { $_.parameterValueGroup.parameterValue })
            @($values | Sort-Object -Unique) | Should -Be @([Enum]::GetNames($core) | Sort-Object)
        }
    }

    It 'lists no parameter the cmdlet does not have' {
        $own = @($command.Parameters.Keys | Where-Object { $_ -notin $common })
        @($helpParameters.name | Where-Object { $_ -notin $own }) | Should -BeNullOrEmpty
    }

    It 'has one syntax per parameter set' {
        @($help.syntax.syntaxItem) | Should -HaveCount $command.ParameterSets.Count
    }

    It 'names its input types' {
        $types = @($help.inputTypes.inputType | ForEach-Object { $_.type.name } | Where-Object { "$_".Trim() })
        $types | Should -Not -BeNullOrEmpty
        $piped = @($command.Parameters.Values | Where-Object { $_.ParameterSets.Values | Where-Object { $_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName } })
        if (-not $piped) { $types | Should -Be 'None' }
    }

    It 'names its output types, those of [OutputType]' {
        $types = @($help.returnValues.returnValue | ForEach-Object { $_.type.name } | Where-Object { "$_".Trim() })
        $types | Should -Not -BeNullOrEmpty
        foreach ($output in $command.OutputType) {
            $expected = if ($output.Type -eq [void]) { 'None' } else { $output.Type.FullName }
            $types | Should -Contain $expected
        }
    }

    It 'has at least two examples, each with code' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            "$($example.code)".Trim() | Should -Not -BeNullOrEmpty
            $example.title | Should -Match 'Example \d+'
        }
    }

    It 'links to about_KooPhone' {
        @($help.relatedLinks.navigationLink.linkText) | Should -Contain 'about_KooPhone'
    }
}

Describe 'about_KooPhone' {
    BeforeAll {
        $script:about = Get-Help about_KooPhone | Out-String
        $script:aboutFile = Join-Path $module.ModuleBase 'en-US/about_KooPhone.help.txt'
    }

    It 'is found by Get-Help once the module is imported' {
        $about | Should -Match 'TOPIC\s+about_KooPhone'
        $about | Should -Match 'SHORT DESCRIPTION'
        $about | Should -Match 'LONG DESCRIPTION'
    }

    It 'covers connecting, batching, retries and the emulator' {
        foreach ($fact in 'KOOPHONE_TOKEN', 'KOOPHONE_ENDPOINT', 'HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_PROJECT_ID',
            'HUAWEICLOUD_SDK_SECURITY_TOKEN', 'HUAWEICLOUD_SDK_REGION', '-PassThru', '-Context', '-BatchSize', '-ThrottleLimit',
            'FullyQualifiedErrorId', '-WhatIf', '-Confirm', '-Force', '-Wait', 'Wait-KooPhoneTask', 'Retry-After', '-MaxRetryCount',
            '-Timeout', 'Ctrl+C', 'KooPhone.Emulator.dll --port 0 --instances 500', 'emulator-token') {
            $about | Should -BeLikeExactly "*$fact*"
        }
    }

    It 'names only cmdlets the module exports' {
        $exported = @(Get-Command -Module $module.Name | ForEach-Object Name)
        $named = @([regex]::Matches($about, '\b[A-Z][a-z]+-KooPhone[A-Za-z]*\b') | ForEach-Object Value | Sort-Object -Unique)
        $named | Should -Not -BeNullOrEmpty
        @($named | Where-Object { $_ -notin $exported }) | Should -BeNullOrEmpty
    }

    It 'is plain text of lines at most 80 characters' {
        $lines = Get-Content -LiteralPath $aboutFile
        @($lines | Where-Object { $_.Length -gt 80 }) | Should -BeNullOrEmpty
    }
}
