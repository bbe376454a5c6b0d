# Retries, throttling, Ctrl+C and bad answers: every instance accounted for.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    $script:emulator = Start-TestEmulator -Instances 2000 -JobDelayMs 200
    $script:context = Connect-KooPhone -Endpoint $emulator.Url -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force) -Timeout 2 -ReconcileTimeout 3 -PassThru
    $script:allIds = @((Get-KooPhoneInstance -Context $context).InstanceId)

    function Get-BackedUp {
        # What the service really did: the instance ids of every backup call it accepted.
        @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup' | Where-Object { $_.status -eq 200 -and $_.errorCode -eq '0' } | ForEach-Object { $_.instanceIds })
    }
}

AfterAll {
    Disconnect-KooPhone
    Stop-TestEmulator $emulator
}

Describe 'Resilience' {
    BeforeEach {
        Clear-EmulatorFault $emulator
        Reset-TestEmulator $emulator
        Clear-EmulatorRequest $emulator
    }
    AfterEach { Clear-EmulatorFault $emulator }

    It 'accounts for every one of 2,000 ids under mixed faults (seed <seed>)' -ForEach @(
        @{ seed = 11 }, @{ seed = 23 }, @{ seed = 37 }
    ) {
        # A seeded schedule: which faults, how often, and a few ids the service does not know.
        $random = [System.Random]::new($seed)
        $kinds = @(
            @{ kind = 'status'; status = 429; retryAfter = '0' }
            @{ kind = 'status'; status = 503 }
            @{ kind = 'status'; status = 502 }
            @{ kind = 'status'; status = 504 }
            @{ kind = 'drop' }
            @{ kind = 'html' }
            @{ kind = 'garbage' }
            @{ kind = 'status'; status = 500 }
        )
        # Four kinds of fault, each on every k-th backup call: deterministic counts, seeded choice.
        $rules = foreach ($kind in ($kinds | Sort-Object { $random.Next() } | Select-Object -First 4)) {
            $rule = $kind.Clone()
            $rule.path = '/v1/instances/backup'
            $rule.every = $random.Next(4, 9)
            $rule
        }
        Set-EmulatorFault $emulator $rules

        $ids = [System.Collections.Generic.List[string]]::new([string[]]$allIds)
        foreach ($n in 1..5) { $ids.Insert($random.Next($ids.Count), ('unknown{0}' -f $n)) }
        $results = $ids | Backup-KooPhoneInstance -Context $context -Force -ThrottleLimit 8 -ErrorVariable problems -ErrorAction SilentlyContinue

        $succeeded = @($results.InstanceId)
        $failed = @($problems | ForEach-Object TargetObject)
        ($succeeded.Count + $failed.Count) | Should -Be $ids.Count
        @($succeeded + $failed | Sort-Object -Unique).Count | Should -Be $ids.Count
        $backedUp = Get-BackedUp
        @($backedUp | Sort-Object) | Should -Be @($succeeded | Sort-Object)
        $failed | Should -Contain 'unknown1'
        # The faults really happened, and some were ridden through.
        @(Get-EmulatorRequest $emulator | Where-Object fault).Count | Should -BeGreaterThan 0
        $succeeded.Count | Should -BeGreaterThan 500
    }

    It 'waits as long as Retry-After says before the next attempt' {
        Set-EmulatorFault $emulator @(@{ kind = 'status'; status = 429; retryAfter = '2'; times = 1; path = '/v1/instances/backup' })
        $result = @($allIds[0]) | Backup-KooPhoneInstance -Context $context -Force
        $result.Status | Should -Be 'Submitted'

        $attempts = @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup')
        $attempts | Should -HaveCount 2
        $attempts[0].requestId | Should -Be $attempts[1].requestId
        $gap = ([datetimeoffset]$attempts[1].receivedAt - [datetimeoffset]$attempts[0].receivedAt).TotalSeconds
        $gap | Should -BeGreaterOrEqual 1.9
        $gap | Should -BeLessThan 5
    }

    It 'stops at the retry cap with a clear error' {
        # A read: a 503 may come after the service acted, so only calls safe to repeat retry it.
        $capped = Connect-KooPhone -Endpoint $emulator.Url -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force) -MaxRetryCount 2 -PassThru
        Clear-EmulatorRequest $emulator
        Set-EmulatorFault $emulator @(@{ kind = 'status'; status = 503; retryAfter = '0'; path = '/v1/instances/batch-query-status' })
        $result = @($allIds[0]) | Get-KooPhoneInstanceStatus -Context $capped -ErrorVariable problems -ErrorAction SilentlyContinue

        $result | Should -BeNullOrEmpty
        $problems | Should -HaveCount 1
        $problems[0].TargetObject | Should -Be $allIds[0]
        $problems[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $problems[0].ToString() | Should -Match 'after 3 attempts'
        @(Get-EmulatorRequest $emulator -Path '/v1/instances/batch-query-status') | Should -HaveCount 3
    }

    It 'does not send a backup again after a 503 until its state shows it untouched, then sends it once more' {
        Clear-EmulatorAction $emulator
        Set-EmulatorFault $emulator @(@{ kind = 'status'; status = 503; retryAfter = '0'; times = 1; path = '/v1/instances/backup' })
        $result = @($allIds[0]) | Backup-KooPhoneInstance -Context $context -Force -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems | Should -HaveCount 0
        $result.InstanceId | Should -Be $allIds[0]
        $calls = @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup')
        $calls | Should -HaveCount 2 -Because 'not retried blindly; sent again only after the state showed nothing'
        $calls[0].requestId | Should -Not -Be $calls[1].requestId
        ([datetimeoffset]$calls[1].receivedAt - [datetimeoffset]$calls[0].receivedAt).TotalSeconds | Should -BeGreaterOrEqual 2.5 -Because 'the state is watched for the reconcile timeout first'
        (Get-EmulatorAction $emulator -Operation BatchBackupInstances).count | Should -Be 1
    }

    It 'gives up on an answer whose body stalls after its headers at the attempt timeout, and asks again' {
        # Without a time limit on the body the listing would wait for the stalled page for good, so it
        # runs in a runspace of its own and the test waits on it with a limit of its own.
        Set-EmulatorFault $emulator @(@{ kind = 'stall'; times = 1; path = '/v1/instances/batch-query-status' })
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript("param(`$Module, `$Context, `$Ids) Import-Module `$Module; `$Ids | Get-KooPhoneInstanceStatus -Context `$Context").
                AddParameters(@{ Module = $env:KOOPHONE_TEST_MODULE; Context = $context; Ids = $allIds[0..4] })
            $run = $shell.BeginInvoke()
            Wait-EmulatorCondition -Description 'the status read to end' -TimeoutMs 20000 -Condition { $run.IsCompleted }
            $statuses = @($shell.EndInvoke($run))

            $statuses.InstanceId | Should -Be $allIds[0..4]
            $shell.Streams.Error | Should -BeNullOrEmpty
            $attempts = @(Get-EmulatorRequest $emulator -Path '/v1/instances/batch-query-status')
            $attempts | Should -HaveCount 2
            $attempts[0].fault | Should -Be 'stall'
            $attempts[0].requestId | Should -Be $attempts[1].requestId -Because 'a read is asked again as the same call'
            ([datetimeoffset]$attempts[1].receivedAt - [datetimeoffset]$attempts[0].receivedAt).TotalSeconds | Should -BeGreaterOrEqual 1.9 -Because 'the attempt timeout (2 s) ended the stalled body'
        }
        finally {
            $shell.Dispose()
        }
    }

    It 'asks a read again when its body is cut off mid-way' {
        Set-EmulatorFault $emulator @(@{ kind = 'cut'; times = 1; path = '/v1/instances/batch-query-status' })
        $statuses = @($allIds[0..4] | Get-KooPhoneInstanceStatus -Context $context -ErrorVariable problems -ErrorAction SilentlyContinue)

        $problems | Should -BeNullOrEmpty
        $statuses.InstanceId | Should -Be $allIds[0..4]
        $attempts = @(Get-EmulatorRequest $emulator -Path '/v1/instances/batch-query-status')
        $attempts | Should -HaveCount 2
        $attempts[0].fault | Should -Be 'cut'
    }

    It 'never sends a backup again blindly when the body of its answer is cut off after it was carried out: the state shows it done' {
        Clear-EmulatorAction $emulator
        Set-EmulatorFault $emulator @(@{ kind = 'cut'; phase = 'after'; times = 1; path = '/v1/instances/backup' })
        $result = @($allIds[0..2] | Backup-KooPhoneInstance -Context $context -Force -ErrorVariable problems -ErrorAction SilentlyContinue)

        $problems | Should -BeNullOrEmpty
        $result.InstanceId | Should -Be $allIds[0..2]
        $result.Evidence | ForEach-Object { $_ | Should -Match 'state shows it was carried out' }
        @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup') | Should -HaveCount 1 -Because 'the answer was lost after the service acted'
        foreach ($id in $allIds[0..2]) { (Get-EmulatorAction $emulator -Operation BatchBackupInstances -InstanceId $id).count | Should -Be 1 }
    }

    It 'gives a clear error record for <kind> answers, naming operation, status and request id' -ForEach @(
        @{ kind = 'html'; code = 'HTTP.502' }
        @{ kind = 'garbage'; code = 'KooPhone.MalformedResponse' }
        @{ kind = 'nodata'; code = 'KooPhone.MalformedResponse' }
        @{ kind = 'wrongtype'; code = 'KooPhone.MalformedResponse' }
    ) {
        # BatchShowInstance needs its data; no retries, so each bad answer is the last one.
        $once = Connect-KooPhone -Endpoint $emulator.Url -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force) -MaxRetryCount 0 -PassThru
        Clear-EmulatorRequest $emulator
        Set-EmulatorFault $emulator @(@{ kind = $kind; path = '/v1/instances/batch-query-status' })
        $null = @($allIds[0], $allIds[1]) | Get-KooPhoneInstanceStatus -Context $once -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems | Should -HaveCount 2
        $requestId = @(Get-EmulatorRequest $emulator -Path '/v1/instances/batch-query-status')[-1].requestId
        foreach ($problem in $problems) {
            $problem.FullyQualifiedErrorId | Should -BeLike "$code*"
            $text = $problem.ToString()
            $text | Should -Match 'BatchShowInstance'
            $text | Should -Match 'HTTP \d{3}'
            $text | Should -Match ([regex]::Escape($requestId))
            $text | Should -Not -Match 'NullReference|JsonReaderException|at System\.'
        }
    }

    It 'takes a backup answered without its task for a malformed answer, never for success, and ends NotCarriedOut when the state never shows it' {
        Clear-EmulatorAction $emulator
        Set-EmulatorFault $emulator @(@{ kind = 'nodata'; path = '/v1/instances/backup' })
        $results = @($allIds[0], $allIds[1]) | Backup-KooPhoneInstance -Context $context -Force -ErrorVariable problems -ErrorAction SilentlyContinue
        $results | Should -BeNullOrEmpty
        $problems | Should -HaveCount 2
        @($problems.TargetObject | Sort-Object) | Should -Be @(@($allIds[0], $allIds[1]) | Sort-Object)
        foreach ($problem in $problems) {
            $problem.FullyQualifiedErrorId | Should -BeLike 'KooPhone.NotCarriedOut*'
            $problem.ToString() | Should -Match 'BatchBackupInstances'
            $problem.ToString() | Should -Match 'malformed|without'
            $problem.ErrorDetails.RecommendedAction | Should -Match 'safe to run'
        }
        @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup') | Should -HaveCount 3 -Because 'the first call and two resends after the state showed nothing'
        @(Get-EmulatorAction $emulator -Operation BatchBackupInstances) | Should -HaveCount 0
    }

    It 'gives a clear terminating error when a listing page is garbage' {
        Set-EmulatorFault $emulator @(@{ kind = 'garbage'; path = '/v1/instances/batch-query' })
        $failure = { Get-KooPhoneInstance -Context $context -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'KooPhone.MalformedResponse*'
        $failure.ToString() | Should -Match 'ListInstances'
    }

    It 'returns within a second of Ctrl+C while the server hangs, and leaves nothing running' {
        Set-EmulatorFault $emulator @(@{ kind = 'hang'; path = '/v1/instances/backup' })
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript({
                    param($module, $url, $token)
                    Import-Module $module
                    $context = Connect-KooPhone -Endpoint $url -Token (ConvertTo-SecureString $token -AsPlainText -Force) -Timeout 600 -PassThru
                    Get-KooPhoneInstance -Context $context | Select-Object -First 300 | Backup-KooPhoneInstance -Context $context -Force
                }).AddArgument($env:KOOPHONE_TEST_MODULE).AddArgument($emulator.Url).AddArgument($emulator.Token)
            $run = $shell.BeginInvoke()
            # The emulator records a hanging request as it arrives, so the run is now waiting on it.
            Wait-EmulatorCondition -Description 'a backup call hanging' -TimeoutMs 20000 -Condition { @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup').Count -ge 1 }

            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $shell.Stop()
            $clock.Stop()

            $clock.Elapsed.TotalSeconds | Should -BeLessThan 1
            $run.IsCompleted | Should -BeTrue
            $shell.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally {
            $shell.Dispose()
        }
        # The stopped command let go of its hanging call (with -Timeout 600 it would otherwise hang
        # on), and nothing was sent after it: a cancelled call is never retried.
        Clear-EmulatorFault $emulator
        $before = @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup').Count
        Wait-EmulatorCondition -Description 'the stopped calls to be abandoned' -Condition { (Get-EmulatorInFlight $emulator) -eq 0 }
        @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup').Count | Should -Be $before
    }
}
