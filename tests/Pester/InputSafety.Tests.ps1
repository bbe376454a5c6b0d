# A command acts only on what it was given: empty or unbindable input acts on nothing, objects
# that are not ids are refused before anything is sent, Remove is right whatever pages upstream,
# and confirmation fits both consoles and runbooks. Checked against the emulator's state and
# request log, not only against the output.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    $script:emulator = Start-TestEmulator -Instances 60 -JobDelayMs 300
    $script:context = Connect-TestEmulator $emulator -PassThru
    $script:allIds = @((Get-KooPhoneInstance).InstanceId)
    # Odd positions are prepaid (deletable) in the emulator's seed.
    $script:deletable = @(Get-KooPhoneInstance -Name 'phone-*[13579]').InstanceId

    function Get-SentId([string] $Path) { @(Get-EmulatorRequest $emulator -Path $Path | ForEach-Object { $_.instanceIds }) }
    function Get-FleetId { @((Get-KooPhoneInstance).InstanceId) }
    function Invoke-Refused([scriptblock] $Command) {
        # Binding errors come from PowerShell itself, before the cmdlet runs: -ErrorVariable does
        # not see them, the error stream does.
        $ErrorActionPreference = 'Continue'
        @(& $Command 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
    }
}

AfterAll {
    Disconnect-KooPhone
    Stop-TestEmulator $emulator
}

Describe 'Pipeline input means only that input' {
    BeforeEach {
        Reset-TestEmulator $emulator
        Clear-EmulatorRequest $emulator
        $script:folder = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
        New-Item -ItemType Directory $folder | Out-Null
        Set-Content (Join-Path $folder 'empty.txt') -Value $null -NoNewline
        Set-Content (Join-Path $folder 'blank.txt') -Value @('', '   ', '')
        Set-Content (Join-Path $folder 'one.txt') -Value $deletable[2]
    }

    AfterEach { Remove-Item -Recurse -Force $folder }

    It 'Get | Remove with <Name> deletes exactly <Expected> instance(s) and leaves the rest' -ForEach @(
        @{ Name = '@()'; Expected = 0; Source = { @() } }
        @{ Name = 'a file with zero ids'; Expected = 0; Source = { Get-Content (Join-Path $folder 'empty.txt') } }
        @{ Name = 'a file of blank lines'; Expected = 0; Source = { Get-Content (Join-Path $folder 'blank.txt') } }
        @{ Name = 'a file with one id'; Expected = 1; Source = { Get-Content (Join-Path $folder 'one.txt') } }
        @{ Name = '$null'; Expected = 0; Source = { $null } }
    ) {
        $before = Get-FleetId
        Clear-EmulatorRequest $emulator

        & $Source | Get-KooPhoneInstance -ErrorAction SilentlyContinue | Remove-KooPhoneInstance -Force -ErrorAction SilentlyContinue

        $expectedIds = if ($Expected) { @($deletable[2]) } else { @() }
        Get-SentId '/v1/instances/delete' | Should -Be $expectedIds
        @(Get-EmulatorRequest $emulator -Path '/v1/instances/batch-query' | Where-Object { -not $_.query.Contains('instance_id') }) |
            Should -HaveCount 0 -Because 'nothing lists the whole fleet'
        $after = Get-FleetId
        $after.Count | Should -Be ($before.Count - $Expected)
        @($before | Where-Object { $after -notcontains $_ }) | Should -Be $expectedIds
    }

    It 'Get | Backup with <Name> backs up exactly <Expected> instance(s)' -ForEach @(
        @{ Name = '@()'; Expected = 0; Source = { @() } }
        @{ Name = 'a file with zero ids'; Expected = 0; Source = { Get-Content (Join-Path $folder 'empty.txt') } }
        @{ Name = 'a file of blank lines'; Expected = 0; Source = { Get-Content (Join-Path $folder 'blank.txt') } }
        @{ Name = 'a file with one id'; Expected = 1; Source = { Get-Content (Join-Path $folder 'one.txt') } }
        @{ Name = '$null'; Expected = 0; Source = { $null } }
    ) {
        $results = @(& $Source | Get-KooPhoneInstance -ErrorAction SilentlyContinue | Backup-KooPhoneInstance -Force -ErrorAction SilentlyContinue)

        $expectedIds = if ($Expected) { @($deletable[2]) } else { @() }
        Get-SentId '/v1/instances/backup' | Should -Be $expectedIds
        $results.InstanceId | Should -Be $expectedIds
        foreach ($id in $allIds | Where-Object { $expectedIds -notcontains $_ } | Select-Object -First 10) {
            (Get-EmulatorInstance $emulator $id).backup_status | Should -Be 2 -Because "$id was not given"
        }
    }

    It 'the same inputs piped straight into <Cmdlet> act on exactly what was given' -ForEach @(
        @{ Cmdlet = 'Remove-KooPhoneInstance'; Path = '/v1/instances/delete' }
        @{ Cmdlet = 'Backup-KooPhoneInstance'; Path = '/v1/instances/backup' }
    ) {
        @() | & $Cmdlet -Force
        Get-Content (Join-Path $folder 'empty.txt') | & $Cmdlet -Force
        Get-Content (Join-Path $folder 'blank.txt') | & $Cmdlet -Force -ErrorAction SilentlyContinue
        $null | & $Cmdlet -Force -ErrorAction SilentlyContinue
        Get-SentId $Path | Should -HaveCount 0

        Get-Content (Join-Path $folder 'one.txt') | & $Cmdlet -Force | Out-Null
        Get-SentId $Path | Should -Be @($deletable[2])
    }

    It 'a plain id string piped into Get-KooPhoneInstance gets that instance only' {
        $got = @($allIds[5] | Get-KooPhoneInstance)
        $got.InstanceId | Should -Be @($allIds[5])
        $got = @($allIds[5], $allIds[7] | Get-KooPhoneInstance -Name 'phone-*')
        $got.InstanceId | Should -Be @($allIds[5], $allIds[7])
    }

    It 'an explicitly empty -InstanceId lists nothing' {
        @(Get-KooPhoneInstance -InstanceId @()) | Should -HaveCount 0
        @(Get-EmulatorRequest $emulator -Path '/v1/instances/batch-query') | Should -HaveCount 0
    }

    It 'Disconnect-KooPhone given $null from the pipeline keeps the default connection' {
        $null | Disconnect-KooPhone
        Get-KooPhoneContext | Should -Not -BeNullOrEmpty
        @(Get-KooPhoneInstance -InstanceId $allIds[0]) | Should -HaveCount 1
    }
}

Describe 'Objects that are not instance ids' {
    BeforeEach {
        Reset-TestEmulator $emulator
        Clear-EmulatorRequest $emulator
    }

    It 'refuses <Name> with one clear error naming it, and sends nothing' -ForEach @(
        @{ Name = 'a hashtable'; Source = { @{ Foo = 1 } }; Shown = 'System.Collections.Hashtable' }
        @{ Name = 'a hashtable with an InstanceId key'; Source = { @{ InstanceId = 'abc' } }; Shown = 'hashtable' }
        @{ Name = 'a PSCustomObject without an id'; Source = { [pscustomobject]@{ Foo = 'bar' } }; Shown = 'Foo=bar' }
        @{ Name = 'a process'; Source = { Get-Process -Id $PID }; Shown = 'System.Diagnostics.Process' }
        @{ Name = 'a file'; Source = { Get-Item $PSCommandPath }; Shown = 'System.IO.FileInfo' }
        @{ Name = 'a nested array'; Source = { , @('abc', @('def', 'ghi')) }; Shown = 'array inside' }
    ) {
        foreach ($cmdlet in 'Remove-KooPhoneInstance', 'Backup-KooPhoneInstance', 'Get-KooPhoneInstance') {
            $extra = if ($cmdlet -eq 'Get-KooPhoneInstance') { @{} } else { @{ Force = $true } }
            $errors = Invoke-Refused { & $Source | & $cmdlet @extra }
            $errors | Should -HaveCount 1 -Because "$cmdlet refuses $Name once"
            $errors[0].FullyQualifiedErrorId | Should -Match 'ParameterArgumentTransformationError'
            $errors[0].Exception.Message | Should -Match 'is not an instance id'
            $errors[0].Exception.Message | Should -BeLike "*$Shown*"
        }
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0 -Because 'refused input is never sent, nor does it list the fleet'
    }

    It 'Get-Process | Remove-KooPhoneInstance -WhatIf gives one error per process and sends nothing' {
        $processes = @(Get-Process | Select-Object -First 3)
        $errors = Invoke-Refused { $processes | Remove-KooPhoneInstance -WhatIf }
        $errors | Should -HaveCount 3
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0
    }

    It 'one refused object does not stop the ids around it' {
        $results = @($allIds[1], @{ Foo = 1 }, $allIds[3] | Backup-KooPhoneInstance -Force -ErrorAction SilentlyContinue)
        $results.InstanceId | Should -Be @($allIds[1], $allIds[3])
    }

    It 'still binds <Name>' -ForEach @(
        @{ Name = '[pscustomobject]@{InstanceId=…}'; Source = { [pscustomobject]@{ InstanceId = $allIds[4] } } }
        @{ Name = '[pscustomobject]@{Id=…}'; Source = { [pscustomobject]@{ Id = $allIds[4] } } }
        @{ Name = '[pscustomobject]@{instance_id=…}'; Source = { [pscustomobject]@{ instance_id = $allIds[4] } } }
        @{ Name = 'a CSV row'; Source = { [pscustomobject]@{ InstanceId = $allIds[4]; Note = 'x' } | ConvertTo-Csv | ConvertFrom-Csv } }
        @{ Name = 'Get-KooPhoneInstance output'; Source = { Get-KooPhoneInstance -InstanceId $allIds[4] } }
        @{ Name = 'an array of ids as one object'; Source = { , @($allIds[4]) } }
    ) {
        $results = @(& $Source | Backup-KooPhoneInstance -Force)
        $results.InstanceId | Should -Be @($allIds[4])
        Get-SentId '/v1/instances/backup' | Should -Be @($allIds[4])
    }

    It 'takes objects given to -InstanceId directly, and numbers typed without quotes' {
        $instances = Get-KooPhoneInstance -InstanceId $allIds[6], $allIds[8]
        @((Backup-KooPhoneInstance -InstanceId $instances -Force).InstanceId | Sort-Object) | Should -Be @($allIds[6], $allIds[8] | Sort-Object)
        $errors = Invoke-Refused { Backup-KooPhoneInstance -InstanceId 12345678 -Force }
        Get-SentId '/v1/instances/backup' | Should -Contain '12345678'
    }
}

Describe 'Filters given without a value' {
    # An unset variable is $null: a filter bound to it must refuse, as -Name does, and never widen
    # the listing to the whole fleet that the next command (here Remove) then acts on. Parameter
    # binding refuses it before the pipeline runs, so the refusal is thrown, not written.
    BeforeEach {
        Reset-TestEmulator $emulator
        Clear-EmulatorRequest $emulator
    }

    It 'Get-KooPhoneInstance -<Parameter> <Value> | Remove-KooPhoneInstance is refused by binding and deletes nothing' -ForEach @(
        @{ Parameter = 'Since'; Value = '$null'; Command = { Get-KooPhoneInstance -Since $unsetVariable | Remove-KooPhoneInstance -Force } }
        @{ Parameter = 'Until'; Value = '$null'; Command = { Get-KooPhoneInstance -Until $unsetVariable | Remove-KooPhoneInstance -Force } }
        @{ Parameter = 'Scene'; Value = '$null'; Command = { Get-KooPhoneInstance -Scene $unsetVariable | Remove-KooPhoneInstance -Force } }
        @{ Parameter = 'Since'; Value = '$null beside -Until'; Command = { Get-KooPhoneInstance -Since $unsetVariable -Until (Get-Date) | Remove-KooPhoneInstance -Force } }
        @{ Parameter = 'Name'; Value = '$null'; Command = { Get-KooPhoneInstance -Name $unsetVariable | Remove-KooPhoneInstance -Force } }
        @{ Parameter = 'Name'; Value = '@()'; Command = { Get-KooPhoneInstance -Name @() | Remove-KooPhoneInstance -Force } }
        @{ Parameter = 'PoolName'; Value = '$null'; Command = { Get-KooPhoneInstance -PoolName $unsetVariable | Remove-KooPhoneInstance -Force } }
        @{ Parameter = 'SortBy'; Value = "''"; Command = { Get-KooPhoneInstance -SortBy '' | Remove-KooPhoneInstance -Force } }
    ) {
        $before = Get-FleetId
        Clear-EmulatorRequest $emulator

        $refused = $Command | Should -Throw -ErrorId 'ParameterArgumentValidationError,KooPhone.PowerShell.Cmdlets.GetKooPhoneInstanceCommand' -PassThru

        $refused.Exception.Message | Should -BeLike "*parameter '$Parameter'*"
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0 -Because 'nothing is listed, let alone deleted'
        Get-FleetId | Should -Be $before
    }

    It 'Get-KooPhoneRun -Outcome <Value> | Backup-KooPhoneInstance is refused by binding and sends nothing' -ForEach @(
        @{ Value = '$null'; Command = { Get-KooPhoneRun -Outcome $unsetVariable | Backup-KooPhoneInstance -Force } }
        @{ Value = '@()'; Command = { Get-KooPhoneRun -Outcome @() | Backup-KooPhoneInstance -Force } }
    ) {
        $null = $allIds[0..2] | Backup-KooPhoneInstance -Force
        Clear-EmulatorRequest $emulator

        $Command | Should -Throw -ErrorId 'ParameterArgumentValidationError,KooPhone.PowerShell.Cmdlets.GetKooPhoneRunCommand'

        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0 -Because "the last run's ids are not backed up again"
    }
}

Describe 'Remove-KooPhoneInstance over a listing that is still paging' {
    BeforeAll {
        # 1,000 instances with a page of 50: the 500 odd-numbered names match, interleaved with the
        # 500 even ones. Deleting while the listing pages by offset used to skip whole pages.
        $script:fleet = Start-TestEmulator -Instances 1000 -ExtraArguments @('--max-page-size', '50')
        $script:fleetContext = Connect-TestEmulator $fleet -PassThru
    }

    AfterAll { Stop-TestEmulator $fleet }

    It 'leaves no matching instance and every other one at -ThrottleLimit <Throttle>' -ForEach @(
        @{ Throttle = 1 }, @{ Throttle = 4 }, @{ Throttle = 16 }
    ) {
        Reset-TestEmulator $fleet
        $matching = @(Get-KooPhoneInstance -Context $fleetContext -Name 'phone-*[13579]')
        $matching | Should -HaveCount 500

        Get-KooPhoneInstance -Context $fleetContext -Name 'phone-*[13579]' -ThrottleLimit $Throttle |
            Remove-KooPhoneInstance -Context $fleetContext -Force -ThrottleLimit $Throttle -BatchSize 20 | Out-Null

        $left = @(Get-KooPhoneInstance -Context $fleetContext)
        $left | Should -HaveCount 500
        @($left | Where-Object Name -like 'phone-*[13579]') | Should -HaveCount 0
        @($left | Where-Object Name -like 'phone-*[02468]') | Should -HaveCount 500
    }
}

Describe 'Confirmation' {
    BeforeAll {
        # Runs a command "interactively", answering every prompt with $Answer; returns the prompts
        # asked, the ids sent, the output and the lines written to the host.
        function Invoke-Answered([string] $Answer, [string] $Command, [string] $Path) {
            Clear-EmulatorRequest $emulator
            $run = Invoke-InTestHost -Command "`$input | $Command" -Context $context -InputObject $ids -Answer $Answer
            $run | Add-Member -NotePropertyName Sent -NotePropertyValue @(Get-SentId $Path) -PassThru
        }
        $script:ids = @($deletable[0], $deletable[1])
    }

    BeforeEach { Reset-TestEmulator $emulator }

    It 'Remove (ConfirmImpact High) in a console: <Switches> answered <Answer> asks <Prompts> time(s) and deletes <Deleted>' -ForEach @(
        @{ Switches = ''; Answer = 'Yes'; Prompts = 2; Deleted = 2 }
        @{ Switches = ''; Answer = 'Yes to All'; Prompts = 1; Deleted = 2 }
        @{ Switches = ''; Answer = 'No'; Prompts = 2; Deleted = 0 }
        @{ Switches = '-Force'; Answer = 'No'; Prompts = 0; Deleted = 2 }
        @{ Switches = '-Confirm'; Answer = 'Yes'; Prompts = 2; Deleted = 2 }
        @{ Switches = '-Force -Confirm'; Answer = 'No'; Prompts = 2; Deleted = 0 }
        @{ Switches = '-Confirm:$false'; Answer = 'No'; Prompts = 0; Deleted = 2 }
        @{ Switches = '-WhatIf'; Answer = 'Yes'; Prompts = 0; Deleted = 0 }
        @{ Switches = '-WhatIf -Force'; Answer = 'Yes'; Prompts = 0; Deleted = 0 }
    ) {
        $run = Invoke-Answered $Answer "Remove-KooPhoneInstance $Switches" '/v1/instances/delete'
        $run.Prompts | Should -Be $Prompts
        $run.Sent | Should -HaveCount $Deleted
        $run.Output | Should -HaveCount $Deleted
        $run.Errors | Should -HaveCount 0
        if ($Switches -like '-WhatIf*') { @($run.Lines -match 'What if') | Should -HaveCount 2 }
    }

    It '<Cmdlet> asks first (once per id) unless -Force' -ForEach @(
        @{ Cmdlet = 'Backup-KooPhoneInstance'; Path = '/v1/instances/backup' }
        @{ Cmdlet = 'Reset-KooPhoneInstance'; Path = '/v1/instances/batch-reset' }
    ) {
        (Invoke-Answered 'No' $Cmdlet $Path).Prompts | Should -Be 2
        (Invoke-Answered 'No' $Cmdlet $Path).Sent | Should -HaveCount 0
        $forced = Invoke-Answered 'No' "$Cmdlet -Force" $Path
        $forced.Prompts | Should -Be 0
        $forced.Sent | Should -HaveCount 2
    }

    It 'Restart keeps ConfirmImpact Medium: it does not ask unless -Confirm' {
        $plain = Invoke-Answered 'No' 'Restart-KooPhoneInstance' '/v1/instances/reboot'
        $plain.Prompts | Should -Be 0
        $plain.Sent | Should -HaveCount 2
        (Invoke-Answered 'No' 'Restart-KooPhoneInstance -Confirm' '/v1/instances/reboot').Prompts | Should -Be 2
        (Get-Command Restart-KooPhoneInstance).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact |
            Should -Be 'Medium'
    }

    It 'Remove and New are ConfirmImpact High' {
        foreach ($name in 'Remove-KooPhoneInstance', 'New-KooPhoneInstance') {
            (Get-Command $name).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact |
                Should -Be 'High'
        }
    }

    It 'with -NonInteractive: <Switches> sends <Deleted> and gives <ErrorId>' -ForEach @(
        @{ Switches = ''; Deleted = 0; ErrorId = 'KooPhone.ConfirmationRequired' }
        @{ Switches = '-Confirm'; Deleted = 0; ErrorId = 'KooPhone.ConfirmationRequired' }
        @{ Switches = '-Force'; Deleted = 2; ErrorId = '' }
        @{ Switches = '-Confirm:$false'; Deleted = 2; ErrorId = '' }
        @{ Switches = '-WhatIf'; Deleted = 0; ErrorId = '' }
        @{ Switches = '-WhatIf -Force'; Deleted = 0; ErrorId = '' }
    ) {
        Clear-EmulatorRequest $emulator
        $script = @"
Import-Module '$env:KOOPHONE_TEST_MODULE'
`$token = ConvertTo-SecureString '$($emulator.Token)' -AsPlainText -Force
Connect-KooPhone -Endpoint '$($emulator.Url)' -Token `$token
`$errors = @()
try { '$($ids[0])', '$($ids[1])' | Remove-KooPhoneInstance $Switches -ErrorAction Stop | Out-Null }
catch { `$errors += `$_ }
'ERRORS:' + ((`$errors | ForEach-Object FullyQualifiedErrorId) -join ';')
`$errors | ForEach-Object { 'MESSAGE:' + `$_.Exception.Message }
"@
        $lines = @(& dotnet pwsh -NoProfile -NonInteractive -Command $script 2>&1 | ForEach-Object { "$_" })
        $errorLine = $lines | Where-Object { $_ -like 'ERRORS:*' }
        $errorLine | Should -Not -BeNullOrEmpty -Because ($lines -join "`n")
        $errorIds = $errorLine.Substring(7)
        if ($ErrorId) {
            $errorIds | Should -BeLike "$ErrorId*"
            @($errorIds -split ';') | Should -HaveCount 1
            ($lines | Where-Object { $_ -like 'MESSAGE:*' }) | Should -Match '-Force'
        }
        else { $errorIds | Should -BeNullOrEmpty }
        Get-SentId '/v1/instances/delete' | Should -HaveCount $Deleted
    }
}
