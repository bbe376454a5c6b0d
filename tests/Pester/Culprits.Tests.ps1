# Batches that survive their worst member: a culprit ends alone with its own code, the run stops
# early when it cannot succeed (refused credential, dead service, -ErrorAction Stop) and keeps
# what it learned. Calls are counted from the emulator's request log.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force

    function Get-Call([Parameter(Mandatory)] $Emulator, [string] $Path = '/v1/instances/backup') {
        @(Get-EmulatorRequest $Emulator -Path $Path)
    }

    # Starts a command in a runspace of its own, so the test can act on the emulator meanwhile.
    function Start-Background([string] $Script, [hashtable] $Parameters) {
        $shell = [powershell]::Create()
        $null = $shell.AddScript($Script).AddParameters($Parameters)
        [pscustomobject]@{ Shell = $shell; Async = $shell.BeginInvoke() }
    }
}

Describe 'Culprits among 10,000 ids (message <Mode>)' -ForEach @(
    @{ Mode = 'names them'; Extra = @(); PerBatch = 2 }
    @{ Mode = 'names none'; Extra = @('--refusal-ids', 'none'); PerBatch = 12 }
) {
    BeforeAll {
        $script:emulator = Start-TestEmulator -Instances 10000 -JobDelayMs 2000 -ExtraArguments $Extra
        $script:context = Connect-TestEmulator $emulator -PassThru
        $script:fleet = @((Get-KooPhoneInstance -Context $context -ThrottleLimit 16).InstanceId)
    }

    AfterAll { Stop-TestEmulator $emulator }

    It 'writes 9,990 results and exactly one error per culprit, each with its own code, in few extra calls' {
        # Five busy instances (a backup is running) and five unknown ids, spread across batches.
        $busy = foreach ($i in 0..4) { $fleet[150 + 1000 * $i] }
        foreach ($id in $busy) { Set-EmulatorInstanceState $emulator $id @{ backup_status = 1 } }
        $unknown = foreach ($i in 0..4) { 'nosuch{0:D2}' -f $i }
        $ids = [System.Collections.Generic.List[string]]::new([string[]]($fleet[0..9994]))
        foreach ($i in 0..4) { $ids.Insert(600 + 2000 * $i, $unknown[$i]) }
        Clear-EmulatorRequest $emulator

        $results = @($ids | Backup-KooPhoneInstance -Context $context -Force -ThrottleLimit 16 -ErrorVariable problems -ErrorAction SilentlyContinue)

        $results | Should -HaveCount 9990
        $problems | Should -HaveCount 10
        @($problems.TargetObject | Sort-Object) | Should -Be @(@($busy) + @($unknown) | Sort-Object)
        foreach ($problem in $problems) {
            $expected = if ($busy -contains $problem.TargetObject) { 'KOOPHONE.API.2006' } else { 'KOOPHONE.API.1001' }
            $problem.FullyQualifiedErrorId | Should -BeLike "$expected*" -Because "$($problem.TargetObject) is refused for its own reason"
            $problem.ToString() | Should -Match ([regex]::Escape($problem.TargetObject))
            $problem.ToString() | Should -Match 'request id'
        }
        @($problems.Exception | Sort-Object { [System.Runtime.CompilerServices.RuntimeHelpers]::GetHashCode($_) } -Unique) | Should -HaveCount 10 -Because 'each record has its own exception object'

        $calls = Get-Call $emulator
        $batches = [math]::Ceiling($ids.Count / 100)
        $rejected = @($calls | Where-Object { $_.errorCode -ne '0' }).Count
        $rejected | Should -BeGreaterThan 0
        ($calls.Count - $batches) | Should -BeLessOrEqual (10 * $PerBatch) -Because "extra calls are at most $PerBatch per rejected batch"
        Write-Host "  $($calls.Count - $batches) extra calls for 10 culprits ($Mode)"
        @($calls | Where-Object { $_.errorCode -eq '0' } | ForEach-Object { $_.instanceIds } | Sort-Object -Unique) | Should -HaveCount 9990 -Because 'every healthy id was backed up, once'
    }
}

Describe 'Culprits of <Cmdlet> among 1,000 ids' -ForEach @(
    @{ Cmdlet = 'Restart-KooPhoneInstance'; Operation = 'BatchRebootInstance'; Path = '/v1/instances/reboot'; Extra = @{}
        Patch = @{ running_status = 1 }; Code = 'KOOPHONE.API.5005' }
    @{ Cmdlet = 'Reset-KooPhoneInstance'; Operation = 'BatchResetInstance'; Path = '/v1/instances/batch-reset'; Extra = @{ Force = $true }
        Patch = @{ backup_status = 1 }; Code = 'KOOPHONE.API.2006' }
) {
    BeforeAll {
        # A long job delay keeps every restarted or reset instance Starting for the whole test.
        $script:emulator = Start-TestEmulator -Instances 1000 -JobDelayMs 60000
        $script:context = Connect-TestEmulator $emulator -PassThru
        $script:fleet = @((Get-KooPhoneInstance -Context $context).InstanceId)
    }

    AfterAll { Stop-TestEmulator $emulator }

    It 'sends the healthy ids of a refused call again without the culprits it names, once each' {
        # Five instances at fault (stopped, or being backed up) and five unknown ids, each in a batch of its own.
        $patched = foreach ($i in 0..4) { $fleet[50 + 100 * $i] }
        foreach ($id in $patched) { Set-EmulatorInstanceState $emulator $id $Patch }
        $unknown = foreach ($i in 0..4) { 'nosuch{0:D2}' -f $i }
        $ids = [System.Collections.Generic.List[string]]::new([string[]]$fleet)
        foreach ($i in 0..4) { $ids.Insert(520 + 101 * $i, $unknown[$i]) }
        Clear-EmulatorRequest $emulator
        Clear-EmulatorAction $emulator

        $errors = @()
        $results = @($ids | & $Cmdlet -Context $context @Extra -ThrottleLimit 4 -ErrorAction SilentlyContinue -ErrorVariable +errors)

        $results | Should -HaveCount 995
        @($errors | Where-Object { $_.FullyQualifiedErrorId -like 'KooPhone.OutcomeUnknown*' }) | Should -HaveCount 0 -Because 'a refusal that names its culprits leaves the others untouched'
        @($errors.TargetObject | Sort-Object) | Should -Be @(@($patched) + @($unknown) | Sort-Object)
        foreach ($problem in $errors) {
            $expected = if ($patched -contains $problem.TargetObject) { $Code } else { 'KOOPHONE.API.1001' }
            $problem.FullyQualifiedErrorId | Should -BeLike "$expected*" -Because "$($problem.TargetObject) is refused for its own reason"
        }
        $acted = @(Get-EmulatorAction $emulator -Operation $Operation)
        $acted | Should -HaveCount 995
        @($acted | Where-Object count -gt 1) | Should -HaveCount 0 -Because 'no instance is acted on twice'
        @(Get-EmulatorRequest $emulator -Path $Path).Count | Should -Be ([math]::Ceiling($ids.Count / 100) + 10) -Because 'each refused call costs one more call'
    }
}

Describe 'A run that cannot succeed' {
    BeforeAll {
        $script:emulator = Start-TestEmulator -Instances 3000 -JobDelayMs 1000 -ExtraArguments @('--latency-ms', '150')
        # Every command names its context: the runs in other runspaces connect too, and the
        # default connection is the process's.
        $script:context = Connect-TestEmulator $emulator -PassThru
        $script:ids = @((Get-KooPhoneInstance -Context $context -ThrottleLimit 16).InstanceId)
    }

    AfterAll { Stop-TestEmulator $emulator }

    BeforeEach {
        Reset-TestEmulator $emulator
        Clear-EmulatorRequest $emulator
    }

    It 'stops at a token revoked mid-run with one terminating error naming the credential, and sends no more than was in flight' {
        $run = Start-Background "param(`$Module, `$Url, `$Token, `$Ids) Import-Module `$Module
            `$context = Connect-KooPhone -Endpoint `$Url -Token (ConvertTo-SecureString `$Token -AsPlainText -Force) -PassThru
            `$results = @(); `$caught = `$null
            try { `$Ids | Backup-KooPhoneInstance -Context `$context -Force -ThrottleLimit 4 | ForEach-Object { `$results += `$_ } } catch { `$caught = `$_ }
            [pscustomobject]@{ Results = `$results.Count; Error = `$caught }" @{ Module = $env:KOOPHONE_TEST_MODULE; Url = $emulator.Url; Token = $emulator.Token; Ids = $ids }
        Wait-EmulatorCondition -Description '12 backup calls' -TimeoutMs 20000 -Condition { (Get-Call $emulator).Count -ge 12 }
        Revoke-EmulatorStaticToken $emulator -Token $emulator.Token
        $revokedAt = [DateTimeOffset]::UtcNow
        $outcome = $run.Shell.EndInvoke($run.Async)[0]
        $run.Shell.Dispose()

        $outcome.Error | Should -Not -BeNullOrEmpty
        $outcome.Error.FullyQualifiedErrorId | Should -BeLike 'APIGW.0301*'
        $outcome.Error.ToString() | Should -Match 'refused the credential of the connection given with -Context'
        $outcome.Error.ToString() | Should -Match 'not sent'
        $after = @(Get-Call $emulator | Where-Object { [DateTimeOffset]$_.receivedAt -gt $revokedAt.AddMilliseconds(50) })
        $after.Count | Should -BeLessOrEqual 4 -Because 'no more calls than were in flight go out once the credential is refused'
        $accepted = @(Get-Call $emulator | Where-Object { $_.errorCode -eq '0' } | ForEach-Object { $_.instanceIds })
        $outcome.Results | Should -Be $accepted.Count -Because 'every result the service answered was written before the run ended'
        $entries = @(Get-KooPhoneRun -Last)
        @($entries | Where-Object Outcome -eq NotSent).Count | Should -BeGreaterThan 0
        @($entries | Where-Object Outcome -eq Result).Count | Should -Be $accepted.Count
    }

    It 'trips the circuit breaker on a dead service: no hang, unsent ids NotSent in the run record' {
        $dead = Start-TestEmulator -Instances 10
        $url = $dead.Url
        $run = Start-Background "param(`$Module, `$Url, `$Token, `$Ids) Import-Module `$Module
            `$context = Connect-KooPhone -Endpoint `$Url -Token (ConvertTo-SecureString `$Token -AsPlainText -Force) -MaxRetryCount 1 -PassThru
            `$caught = `$null
            try { `$Ids | Get-KooPhoneInstanceStatus -Context `$context -ThrottleLimit 2 -BatchSize 50 | Out-Null } catch { `$caught = `$_ }
            `$caught" @{ Module = $env:KOOPHONE_TEST_MODULE; Url = $url; Token = $dead.Token; Ids = $ids }
        Stop-TestEmulator $dead
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $caught = $run.Shell.EndInvoke($run.Async)[0]
        $run.Shell.Dispose()

        $clock.Elapsed.TotalSeconds | Should -BeLessThan 60
        $caught | Should -Not -BeNullOrEmpty
        $caught.ToString() | Should -Match 'not answering'
        $entries = @(Get-KooPhoneRun -Last)
        @($entries | Where-Object Outcome -eq NotSent).Count | Should -BeGreaterThan 0
        @($entries | Where-Object Outcome -eq Error).Count | Should -BeLessOrEqual ((2 * 2 + 2) * 50) -Because 'two rounds of calls trip the breaker, and the calls then in flight end'
    }

    It '-ErrorAction Stop writes the results of answered calls, then one error naming the NotSent count' {
        $given = [System.Collections.Generic.List[string]]::new([string[]]($ids[0..1999]))
        $given.Insert(1000, 'nosuch00')
        $written = [System.Collections.Generic.List[object]]::new()
        $caught = $null
        try { $given | Backup-KooPhoneInstance -Context $context -Force -ThrottleLimit 4 -ErrorAction Stop | ForEach-Object { $written.Add($_) } }
        catch { $caught = $_ }

        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'KOOPHONE.API.1001*'
        $caught.TargetObject | Should -Be 'nosuch00'
        $caught.ToString() | Should -Match '(\d+) id\(s\) were not sent'
        $notSent = [int]([regex]::Match($caught.ToString(), '(\d+) id\(s\) were not sent').Groups[1].Value)
        $accepted = @(Get-Call $emulator | Where-Object { $_.errorCode -eq '0' } | ForEach-Object { $_.instanceIds })
        $written.Count | Should -Be $accepted.Count -Because 'results already earned are written, not discarded'
        $written.Count | Should -BeGreaterThan 900
        $entries = @(Get-KooPhoneRun -Last)
        @($entries | Where-Object Outcome -eq NotSent).Count | Should -Be $notSent
    }

    It 'gives -ErrorVariable one record per failed id, each its own exception' {
        $given = @($ids[0..49]) + @(0..10 | ForEach-Object { 'nosuch{0:D2}' -f $_ })
        $null = $given | Get-KooPhoneInstanceStatus -Context $context -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems | Should -HaveCount 11
        $Error.Clear()
        $null = $given | Get-KooPhoneInstanceStatus -Context $context -ErrorAction SilentlyContinue
        @($Error | Where-Object { "$($_.TargetObject)" -like 'nosuch*' }) | Should -HaveCount 11
    }
}

Describe 'A fleet in two regions' {
    BeforeAll {
        $script:emulator = Start-TestEmulator -Instances 400 -ExtraArguments @('--regions', 'cn-north-4,cn-east-3')
        $script:context = Connect-TestEmulator $emulator -PassThru
        $script:fleet = @(Get-KooPhoneInstance -Context $context)
    }

    AfterAll { Stop-TestEmulator $emulator }

    It 'batches the objects of each region apart, so no call mixes regions' {
        @($fleet.Region | Sort-Object -Unique) | Should -HaveCount 2
        Clear-EmulatorRequest $emulator
        $results = @($fleet | Restart-KooPhoneInstance -Context $context -ErrorVariable problems -ErrorAction SilentlyContinue)

        $problems | Should -HaveCount 0
        $results | Should -HaveCount $fleet.Count
        $regionOf = @{}; foreach ($instance in $fleet) { $regionOf[$instance.InstanceId] = $instance.Region }
        foreach ($call in Get-Call $emulator '/v1/instances/reboot') {
            @($call.instanceIds | ForEach-Object { $regionOf[$_] } | Sort-Object -Unique) | Should -HaveCount 1
        }
    }

    It 'gives plain ids of mixed regions the service''s refusal, unsplit' {
        $errors = @()
        $null = @($fleet.InstanceId | Select-Object -First 10) | Restart-KooPhoneInstance -Context $context -ErrorAction SilentlyContinue -ErrorVariable +errors
        $errors | Should -HaveCount 10
        $errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'KOOPHONE.API.1002*' }
    }
}

Describe 'A refused call that the service partly applied' {
    BeforeAll {
        # A long job delay keeps the instances the refused call restarted or reset out of Running
        # while the module reads their state, however slow the machine.
        $script:emulator = Start-TestEmulator -Instances 300 -JobDelayMs 60000 -ExtraArguments @('--rejected-batches', 'partly-applied')
        $script:context = Connect-TestEmulator $emulator -PassThru
        $script:ids = @((Get-KooPhoneInstance -Context $context).InstanceId | Select-Object -First 100)
    }

    AfterAll { Stop-TestEmulator $emulator }

    BeforeEach {
        Reset-TestEmulator $emulator
        Clear-EmulatorRequest $emulator
        Clear-EmulatorAction $emulator
    }

    It 'never acts twice on <Cmdlet>, and says what it cannot know' -ForEach @(
        @{ Cmdlet = 'Backup-KooPhoneInstance'; Operation = 'BatchBackupInstances'; Path = '/v1/instances/backup'; Extra = @{ Force = $true } }
        @{ Cmdlet = 'Restart-KooPhoneInstance'; Operation = 'BatchRebootInstance'; Path = '/v1/instances/reboot'; Extra = @{} }
        @{ Cmdlet = 'Reset-KooPhoneInstance'; Operation = 'BatchResetInstance'; Path = '/v1/instances/batch-reset'; Extra = @{ Force = $true } }
    ) {
        # One unknown id spoils the call; the emulator still acts on the others.
        $given = @($ids[0..9]) + @('nosuch42') + @($ids[10..98])
        $errors = @()
        $results = @($given | & $Cmdlet -Context $context @Extra -ErrorAction SilentlyContinue -ErrorVariable +errors)

        @(Get-EmulatorAction $emulator -Operation $Operation | Where-Object count -gt 1) | Should -HaveCount 0 -Because 'no instance is acted on twice'
        @(Get-EmulatorAction $emulator -Operation $Operation) | Should -HaveCount 99 -Because 'the emulator applied the refused call to the others'
        ($results.Count + $errors.Count) | Should -Be $given.Count
        $culprit = @($errors | Where-Object TargetObject -eq 'nosuch42')
        $culprit | Should -HaveCount 1
        $culprit[0].FullyQualifiedErrorId | Should -BeLike 'KOOPHONE.API.1001*'
        if ($Cmdlet -ne 'Backup-KooPhoneInstance') {
            # A reboot or reset leaves no trace to reconcile, and the others' state shows them
            # restarting or resetting after the refusal: they are Unknown, never sent again.
            $unknown = @($errors | Where-Object { $_.FullyQualifiedErrorId -like 'KooPhone.OutcomeUnknown*' })
            $unknown | Should -HaveCount 99
            $unknown[0].ToString() | Should -Match 'Starting after the refusal'
            @(Get-Call $emulator $Path) | Should -HaveCount 1
        }
    }
}

