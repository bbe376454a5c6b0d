# Backup-KooPhoneInstance end to end: the real module over real HTTP against the emulator.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    $script:emulator = Start-TestEmulator -Instances 400 -JobDelayMs 300
    $script:context = Connect-TestEmulator $emulator -PassThru
    $script:allIds = @((Get-KooPhoneInstance).InstanceId)

    function Get-BackupRequest { @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup') }
}

AfterAll {
    Disconnect-KooPhone
    Stop-TestEmulator $emulator
}

Describe 'Backup-KooPhoneInstance' {
    BeforeEach {
        Reset-TestEmulator $emulator
        Clear-EmulatorRequest $emulator
    }

    It 'sends 250 piped ids as three requests of 100, 100 and 50, each id once' {
        $ids = $allIds[0..249]
        $results = $ids | Backup-KooPhoneInstance -Force

        $requests = Get-BackupRequest
        @($requests | ForEach-Object { $_.instanceIds.Count } | Sort-Object) | Should -Be @(50, 100, 100)
        $sent = @($requests | ForEach-Object { $_.instanceIds })
        $sent.Count | Should -Be 250
        @($sent | Sort-Object -Unique).Count | Should -Be 250
        @($sent | Sort-Object) | Should -Be @($ids | Sort-Object)
        $results.Count | Should -Be 250
    }

    It 'writes one typed result per instance with task, job, status and the request id that carried it' {
        $ids = $allIds[0..149]
        $results = $ids | Backup-KooPhoneInstance -Force

        $results | Should -HaveCount 150
        $results[0].GetType().Name | Should -Be 'KooPhoneJobResult'
        @($results.InstanceId | Sort-Object) | Should -Be @($ids | Sort-Object)
        $results | ForEach-Object {
            $_.Status | Should -Be 'Submitted'
            $_.TaskId | Should -Match '^[0-9a-f]{32}$'
            $_.JobId | Should -Not -BeNullOrEmpty
        }
        $requestIdOf = @{}
        foreach ($request in Get-BackupRequest) { foreach ($id in $request.instanceIds) { $requestIdOf[$id] = $request.requestId } }
        $results | ForEach-Object { $_.RequestId | Should -Be $requestIdOf[$_.InstanceId] }
        @($results.JobId | Sort-Object -Unique).Count | Should -Be 150
    }

    It 'sends a duplicate id once and still answers for it once' {
        $results = @($allIds[0], $allIds[1], $allIds[0]) | Backup-KooPhoneInstance -Force
        $results | Should -HaveCount 2
        @((Get-BackupRequest).instanceIds) | Should -Be @($allIds[0], $allIds[1])
    }

    It 'binds objects from Get-KooPhoneInstance by property name' {
        $results = Get-KooPhoneInstance -Name 'phone-0000[1-5]' | Backup-KooPhoneInstance -Force
        $results | Should -HaveCount 5
        $expected = @(Get-KooPhoneInstance -Name 'phone-0000[1-5]').InstanceId | Sort-Object
        @($results.InstanceId | Sort-Object) | Should -Be @($expected)
    }

    It 'binds the Id and instance_id aliases of other objects' {
        $rows = @([pscustomobject]@{ Id = $allIds[0] }, [pscustomobject]@{ instance_id = $allIds[1] })
        $results = $rows | Backup-KooPhoneInstance -Force
        @($results.InstanceId | Sort-Object) | Should -Be @($allIds[0], $allIds[1] | Sort-Object)
    }

    It 'sends the first batch as soon as it is full, before the input ends' {
        $script:sentDuringInput = -1
        $first = $allIds[0..99]
        $rest = $allIds[100..149]
        & {
            $first
            # Times out, failing the test, when the first batch waits for the input to end.
            Wait-EmulatorCondition -Description 'the first batch sent while input still flows' -Condition { (Get-BackupRequest).Count -ge 1 }
            $script:sentDuringInput = (Get-BackupRequest).Count
            $rest
        } | Backup-KooPhoneInstance -Force | Out-Null

        $script:sentDuringInput | Should -Be 1
        (Get-BackupRequest).Count | Should -Be 2
    }

    It 'gives one error per invalid id, sends none of them, and sends the valid ones' {
        $long = 'x' * 33
        $inputs = @('', '   ', $long, $allIds[0], $allIds[1])
        $results = $inputs | Backup-KooPhoneInstance -Force -ErrorVariable problems -ErrorAction SilentlyContinue

        $results | Should -HaveCount 2
        $problems | Should -HaveCount 3
        $problems | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -BeLike 'KooPhone.InvalidInstanceId*'
            $_.CategoryInfo.Category | Should -Be 'InvalidArgument'
        }
        ($problems | Where-Object { $_.TargetObject -eq $long }).Exception.Message | Should -Match '33 characters'
        @((Get-BackupRequest).instanceIds) | Should -Be @($allIds[0], $allIds[1])
    }

    It 'gives an error for a null id from the pipeline' {
        $results = @($null, $allIds[0]) | Backup-KooPhoneInstance -Force -ErrorVariable problems -ErrorAction SilentlyContinue
        $results | Should -HaveCount 1
        $problems | Should -HaveCount 1
        $problems[0].Exception.Message | Should -Match 'null'
    }

    It 'gives the culprit of a rejected batch its own error and sends its neighbours again without it' {
        $unknown = 'nosuch01'
        $ids = @($allIds[0..99]) + @($allIds[100..198]) + @($unknown) + @($allIds[199..248])
        $results = $ids | Backup-KooPhoneInstance -Force -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems | Should -HaveCount 1
        $problems[0].TargetObject | Should -Be $unknown
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KOOPHONE.API.1001*'
        $problems[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $results | Should -HaveCount 249
        @($results.InstanceId | Sort-Object) | Should -Be @($allIds[0..248] | Sort-Object)
        # The healthy neighbours of the culprit were backed up, by the call that left it out.
        (Get-EmulatorAction $emulator -Operation BatchBackupInstances -InstanceId $allIds[100]).count | Should -Be 1
        @(Get-BackupRequest) | Should -HaveCount 4 -Because 'three batches and one call again without the culprit'
    }

    It 'honours -ErrorAction Stop on a rejected batch' {
        { @('nosuch01') | Backup-KooPhoneInstance -Force -ErrorAction Stop } | Should -Throw -ErrorId 'KOOPHONE.API.1001*'
    }

    It 'maps a not-running instance to the service''s code' {
        Set-EmulatorInstanceState $emulator $allIds[0] @{ running_status = 1 }
        $null = @($allIds[0]) | Backup-KooPhoneInstance -Force -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KOOPHONE.API.5005*'
        $problems[0].TargetObject | Should -Be $allIds[0]
    }

    It 'sends no request with -WhatIf, even with -Force' {
        # In a host of its own: the 160 "What if:" lines are asserted here instead of flooding the log.
        foreach ($case in @{ Command = '$input | Backup-KooPhoneInstance -WhatIf'; Ids = $allIds[0..149] },
            @{ Command = '$input | Backup-KooPhoneInstance -WhatIf -Force'; Ids = $allIds[0..9] }) {
            $run = Invoke-InTestHost -Command $case.Command -Context $context -InputObject $case.Ids
            $run.Output | Should -BeNullOrEmpty
            $run.Errors | Should -BeNullOrEmpty
            $run.Prompts | Should -Be 0
            $named = @($run.Lines -like 'What if:*' | ForEach-Object { ($_ -split '"')[-2] })
            @($named | Sort-Object) | Should -Be @($case.Ids | Sort-Object) -Because "$($case.Command) says what it would do to each id"
        }
        (Get-EmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'refuses to act without -Force in a session that cannot answer the question' {
        { @($allIds[0]) | Backup-KooPhoneInstance -ErrorAction Stop } | Should -Throw -ErrorId 'KooPhone.ConfirmationRequired*'
        (Get-BackupRequest).Count | Should -Be 0
    }

    It 'waits with -Wait until every job has ended and writes the final statuses' {
        $ids = $allIds[0..149]
        $results = $ids | Backup-KooPhoneInstance -Force -Wait

        $results | Should -HaveCount 150
        $results | ForEach-Object {
            $_.Status | Should -Be 'Succeeded'
            $_.CompletedAt | Should -Not -BeNullOrEmpty
        }
        (Get-EmulatorRequest $emulator -Path "/v1/instances/tasks/$($results[0].TaskId)").Count | Should -BeGreaterThan 0
        (Get-EmulatorInstance $emulator $ids[0]).backup_status | Should -Be 2
    }
}

Describe 'Backup-KooPhoneInstance -Wait where the service cannot report backup tasks' {
    BeforeAll {
        $script:blind = Start-TestEmulator -Instances 120 -JobDelayMs 300 -ExtraArguments '--backup-task-query', 'unsupported'
        $script:blindContext = Connect-TestEmulator $blind -PassThru
    }
    AfterAll { Stop-TestEmulator $blind }

    It 'falls back to the instances'' backup status and still ends with the truth' {
        $ids = @((Get-KooPhoneInstance -Context $blindContext).InstanceId)
        $results = $ids | Backup-KooPhoneInstance -Context $blindContext -Force -Wait

        $results | Should -HaveCount 120
        $results | ForEach-Object { $_.Status | Should -Be 'Succeeded' }
        (Get-EmulatorRequest $blind -Path '/v1/instances/batch-query').Count | Should -BeGreaterThan 1
    }
}
