# One -Wait path for every cmdlet that waits: each writes results as their jobs end, beside the
# submission of the rest; the run record ends with the status each wait ended with; and Ctrl+C
# keeps what had ended (the engine's RunFollower, docs/design-notes.md "A run's life").
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    # Every call takes 400 ms and every job 1.2 s: with one call of 10 ids at a time, 120 ids take
    # at least 4.8 s to submit, while the first jobs end after about 1.6 s.
    $script:emulator = Start-TestEmulator -Instances 300 -JobDelayMs 1200 -ExtraArguments @('--latency-ms', '400')
    $script:context = Connect-KooPhone -Endpoint $emulator.Url -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force) -PassThru
    $script:user = '1008600000104285462'
    $script:apk = @{ PackageUrl = 'https://bucket.obs.cn-north-4.myhuaweicloud.com/apps/demo.apk'; PackageName = 'com.example.demo'; Version = '1.2.0'; SizeMB = 12; Md5 = '9e107d9d372bb6826bd81d3542a419d6' }

    # The ids a case acts on: unassigned instances (120 unless the case says); Revoke's are granted to the user first.
    function Get-CaseInput([string] $Name, [int] $Count) {
        if (-not $Count) { $Count = 120 }
        $free = @((Get-KooPhoneInstance -Context $context | Where-Object { -not $_.IsAssigned }).InstanceId | Select-Object -First $Count)
        if ($Name -ne 'Revoke-KooPhoneInstance') { return $free }
        $pairs = @($free | ForEach-Object { [pscustomobject]@{ UserId = $user; InstanceId = $_ } })
        $null = $pairs | Grant-KooPhoneInstance -Context $context
        $pairs
    }
}

AfterAll { Stop-TestEmulator $emulator }

Describe '-Wait on every cmdlet that waits' {
    BeforeDiscovery {
        $script:cases = @(
            @{ name = 'Backup-KooPhoneInstance'; path = '/v1/instances/backup'; count = 120; run = { $input | Backup-KooPhoneInstance -Context $context -Force -Wait -ThrottleLimit 1 -BatchSize 10 } }
            @{ name = 'Reset-KooPhoneInstance'; path = '/v1/instances/batch-reset'; count = 120; run = { $input | Reset-KooPhoneInstance -Context $context -Force -Wait -ThrottleLimit 1 -BatchSize 10 } }
            # A restart quicker than the polls is never seen down (RestartWaiter): the ids of later
            # batches end at the time limit, with the status NotSeen, so the limit is short.
            @{ name = 'Restart-KooPhoneInstance'; path = '/v1/instances/reboot'; count = 120; run = { $input | Restart-KooPhoneInstance -Context $context -Wait -ThrottleLimit 1 -BatchSize 10 -TimeoutSeconds 5 } }
            # Preparation is followed one instance per call (ShowProgress): two ids a call keep the polling short.
            @{ name = 'Restore-KooPhoneInstance'; path = '/v1/instances/prepare'; count = 30; run = { $input | Restore-KooPhoneInstance -Context $context -UserId $user -Wait -ThrottleLimit 1 -BatchSize 2 } }
            @{ name = 'Revoke-KooPhoneInstance'; path = '/v1/instances/unassign'; count = 120; run = { $input | Revoke-KooPhoneInstance -Context $context -Force -Wait -ThrottleLimit 1 -BatchSize 10 } }
            @{ name = 'Start-KooPhoneCommand'; path = '/v1/instances/async-command'; count = 120; run = { $input | Start-KooPhoneCommand -Context $context -Command 'ls' -Wait -ThrottleLimit 1 -BatchSize 10 } }
            @{ name = 'Install-KooPhoneApp'; path = '/v1/instances/app/install'; count = 120; run = { $input | Install-KooPhoneApp -Context $context @apk -Wait -ThrottleLimit 1 -BatchSize 10 } }
        )
    }

    BeforeEach {
        Reset-TestEmulator $emulator
        Clear-EmulatorRequest $emulator
    }

    It '<name> writes results before its last batch is sent, and its run record ends with the status each was written with' -ForEach $cases {
        $given = @(Get-CaseInput $name $count)
        Clear-EmulatorRequest $emulator
        $arrivals = @($given | & $run | ForEach-Object { [pscustomobject]@{ Result = $_; At = [DateTimeOffset]::UtcNow } })

        $arrivals | Should -HaveCount $given.Count
        $lastSubmit = (@(Get-EmulatorRequest $emulator -Path $path) | ForEach-Object { [DateTimeOffset]$_.receivedAt } | Sort-Object)[-1]
        @($arrivals | Where-Object { $_.At -lt $lastSubmit }).Count | Should -BeGreaterThan 0 -Because 'polling starts with the first accepted batch and writes what ended while the rest is submitted'

        $record = @{}
        Get-KooPhoneRun -Last | ForEach-Object { $record[$_.InstanceId] = $_ }
        $record.Count | Should -Be $given.Count
        foreach ($arrival in $arrivals) {
            $record[$arrival.Result.InstanceId].Status | Should -Be ([string]$arrival.Result.Status) -Because 'the record ends with the status the wait wrote'
        }
    }

    It '<name> keeps in its run record, after Ctrl+C, the status of every result the wait had written' -ForEach $cases {
        $given = @(Get-CaseInput $name $count)
        $written = [System.Collections.Concurrent.ConcurrentBag[object]]::new()
        $shell = [powershell]::Create()
        $null = $shell.AddScript("param(`$Module, `$Given, `$Written, `$Run, `$Context, `$User, `$Apk) Import-Module `$Module
            `$context = `$Context; `$user = `$User; `$apk = `$Apk
            `$Given | & ([scriptblock]::Create(`$Run)) | ForEach-Object { `$Written.Add(`$_) }")
        $null = $shell.AddParameters(@{ Module = $env:KOOPHONE_TEST_MODULE; Given = $given; Written = $written; Run = $run.ToString(); Context = $context; User = $user; Apk = $apk })
        $async = $shell.BeginInvoke()
        Wait-EmulatorCondition -Description 'the first results written' -TimeoutMs 30000 -Condition { $written.Count -gt 0 -or $async.IsCompleted }
        $shell.Stop()
        $shell.Dispose()

        $before = @($written.ToArray())
        $before.Count | Should -BeGreaterThan 0
        $record = @{}
        Get-KooPhoneRun -Last | ForEach-Object { $record[$_.InstanceId] = $_ }
        foreach ($result in $before) {
            $record[$result.InstanceId].Status | Should -Be ([string]$result.Status) -Because 'what ended before Ctrl+C is kept with the status it ended with'
        }
    }
}
