# What the module reports is what happened. The emulator carries calls out and then loses the
# answer (reset, 502/504, an answer later than the client's timeout) on a share of calls, with
# state that shows late; its own record of what it did (/_emulator/actions) is the truth the
# module's output is checked against.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force

    # Faults after acting on about 15 % of the operation's calls, three ways of losing the answer.
    function Set-LostAnswerFault([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $Path) {
        Set-EmulatorFault $Emulator @(
            @{ kind = 'drop'; phase = 'after'; rate = 0.05; path = $Path }
            @{ kind = 'status'; status = 504; phase = 'after'; rate = 0.05; path = $Path }
            @{ kind = 'latency'; delayMs = 2500; phase = 'after'; rate = 0.05; path = $Path }
        )
    }

    # The ids of the calls whose answers the emulator lost, from its request log.
    function Get-LostId([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $Path) {
        @(Get-EmulatorRequest $Emulator -Path $Path | Where-Object { $_.fault } | ForEach-Object { $_.instanceIds })
    }

    # Runs a cmdlet over the ids and sorts what came back: results, errors by kind, ids covered.
    function Invoke-Observed([scriptblock] $Command) {
        # Errors go to the output stream so that none stops the run; they are sorted out below.
        $ErrorActionPreference = 'Continue'
        $output = @(& $Command 2>&1)
        $errors = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $results = @($output | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
        [pscustomobject]@{
            Results = $results
            Unknown = @($errors | Where-Object { $_.FullyQualifiedErrorId -like 'KooPhone.OutcomeUnknown*' })
            Plain = @($errors | Where-Object { $_.FullyQualifiedErrorId -notlike 'KooPhone.OutcomeUnknown*' })
            Covered = @($results | ForEach-Object InstanceId) + @($errors | ForEach-Object TargetObject)
        }
    }

    function Assert-EveryIdOnce($Observed, [string[]] $Ids) {
        $Observed.Covered | Should -HaveCount $Ids.Count -Because 'results + errors = inputs'
        @($Observed.Covered | Sort-Object -Unique) | Should -HaveCount $Ids.Count -Because 'no id ends twice'
    }

    function Assert-NoneTwice($Emulator, [string] $Operation) {
        @(Get-EmulatorAction $Emulator -Operation $Operation | Where-Object count -gt 1) | Should -HaveCount 0 -Because "no instance may be acted on twice by $Operation"
    }

    function Assert-ActedNeverPlainFailure($Emulator, [string] $Operation, $Observed) {
        $acted = @(Get-EmulatorAction $Emulator -Operation $Operation | ForEach-Object instance_id)
        @($Observed.Plain | Where-Object { $acted -contains $_.TargetObject }) | Should -HaveCount 0 -Because 'an instance the service acted on is never a plain failure'
    }
}

Describe 'Lost answers of <Cmdlet>, seed <Seed>' -ForEach @(
    @{ Cmdlet = 'Backup'; Seed = 11 }, @{ Cmdlet = 'Backup'; Seed = 12 }
    @{ Cmdlet = 'Remove'; Seed = 13 }
    @{ Cmdlet = 'Grant'; Seed = 14 }
    @{ Cmdlet = 'Revoke'; Seed = 15 }
    @{ Cmdlet = 'Reset'; Seed = 16 }
    @{ Cmdlet = 'Restart'; Seed = 17 }
) {
    BeforeAll {
        $script:emulator = Start-TestEmulator -Instances 4400 -JobDelayMs 300 -ExtraArguments @('--seed', "$Seed", '--visibility-lag-ms', '700', '--delete-lag-ms', '900')
        # A short attempt timeout, so the late answers come after the client gave up.
        $script:context = Connect-KooPhone -Endpoint $emulator.Url -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force) -Timeout 1 -PassThru
        $script:fleet = @(Get-KooPhoneInstance -Context $context)
        Clear-EmulatorRequest $emulator
        Clear-EmulatorAction $emulator
    }

    AfterAll { Stop-TestEmulator $emulator }

    It 'acts on nothing twice, reports no acted instance as a plain failure, and settles what the state can settle' {
        switch ($Cmdlet) {
            'Backup' {
                $operation = 'BatchBackupInstances'; $path = '/v1/instances/backup'; $settles = $true
                $ids = @($fleet.InstanceId | Select-Object -First 2000)
                Set-LostAnswerFault $emulator $path
                $observed = Invoke-Observed { $ids | Backup-KooPhoneInstance -Context $context -Force -BatchSize 50 -ThrottleLimit 8 }
            }
            'Remove' {
                $operation = 'DeleteInstance'; $path = '/v1/instances/delete'; $settles = $true
                $ids = @($fleet | Where-Object BillingMode -eq 'prePaid' | Select-Object -First 2000 -ExpandProperty InstanceId)
                Set-LostAnswerFault $emulator $path
                $observed = Invoke-Observed { $ids | Remove-KooPhoneInstance -Context $context -Force -BatchSize 50 -ThrottleLimit 8 }
            }
            'Grant' {
                $operation = 'ProvisionInstance'; $path = '/v1/instances/assign'; $settles = $true
                $pairs = @($fleet | Where-Object { -not $_.IsAssigned } | ForEach-Object { [pscustomobject]@{ InstanceId = $_.InstanceId; UserId = 'user-' + $_.InstanceId } })
                $ids = @($pairs.InstanceId)
                Set-LostAnswerFault $emulator $path
                $observed = Invoke-Observed { $pairs | Grant-KooPhoneInstance -Context $context -BatchSize 50 -ThrottleLimit 8 }
            }
            'Revoke' {
                $operation = 'CancelInstance'; $path = '/v1/instances/unassign'; $settles = $true
                $pairs = @($fleet | Where-Object IsAssigned | ForEach-Object { [pscustomobject]@{ InstanceId = $_.InstanceId; UserId = $_.AssignedUser } })
                $ids = @($pairs.InstanceId)
                Set-LostAnswerFault $emulator $path
                $observed = Invoke-Observed { $pairs | Revoke-KooPhoneInstance -Context $context -Force -BatchSize 50 -ThrottleLimit 8 }
            }
            'Reset' {
                $operation = 'BatchResetInstance'; $path = '/v1/instances/batch-reset'; $settles = $false
                $ids = @($fleet.InstanceId | Select-Object -First 2000)
                Set-LostAnswerFault $emulator $path
                $observed = Invoke-Observed { $ids | Reset-KooPhoneInstance -Context $context -Force -BatchSize 50 -ThrottleLimit 8 }
            }
            'Restart' {
                $operation = 'BatchRebootInstance'; $path = '/v1/instances/reboot'; $settles = $false
                $ids = @($fleet.InstanceId | Select-Object -First 2000)
                Set-LostAnswerFault $emulator $path
                $observed = Invoke-Observed { $ids | Restart-KooPhoneInstance -Context $context -BatchSize 50 -ThrottleLimit 8 }
            }
        }

        $ids.Count | Should -BeGreaterOrEqual 2000
        $lost = @(Get-LostId $emulator $path)
        $lost.Count | Should -BeGreaterThan 0 -Because 'the faults must have hit some calls for the test to mean anything'

        Assert-EveryIdOnce $observed $ids
        Assert-NoneTwice $emulator $operation
        Assert-ActedNeverPlainFailure $emulator $operation $observed
        $observed.Plain | Should -HaveCount 0 -Because 'every fault here came after the service acted'
        if ($settles) {
            $observed.Unknown | Should -HaveCount 0 -Because "the instances' state settles every lost answer of $operation"
            $observed.Results | Should -HaveCount $ids.Count
            @($observed.Results | Where-Object Evidence).Count | Should -Be @($lost | Sort-Object -Unique).Count -Because 'each id of a lost answer is settled from state, and says so'
        }
        else {
            @($observed.Unknown.TargetObject | Sort-Object) | Should -Be @($lost | Sort-Object) -Because "$operation leaves no trace: exactly the lost-answer ids are Unknown"
            $observed.Unknown[0].CategoryInfo.Category | Should -Be 'ReadError'
            $observed.Unknown[0].ErrorDetails.RecommendedAction | Should -Match 'Check'
            $observed.Unknown[0].ErrorDetails.RecommendedAction | Should -Not -Match 'run the command again for the instances that failed'
        }

        # The run record holds every id, Unknown ones included.
        $entries = @(Get-KooPhoneRun -Last)
        $entries | Should -HaveCount $ids.Count
        @($entries | Where-Object Outcome -eq Unknown).Count | Should -Be $observed.Unknown.Count
        $entries[0].Operation | Should -Be $operation
    }
}

Describe 'A call whose answer was lost before the service acted' {
    BeforeAll {
        $script:emulator = Start-TestEmulator -Instances 300 -JobDelayMs 300 -ExtraArguments @('--visibility-lag-ms', '300')
        $script:context = Connect-KooPhone -Endpoint $emulator.Url -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force) -ReconcileTimeout 3 -PassThru
        $script:ids = @((Get-KooPhoneInstance -Context $context).InstanceId | Select-Object -First 150)
    }

    AfterAll { Stop-TestEmulator $emulator }

    It 'is sent again only once the state shows it untouched, and acts once' {
        Clear-EmulatorRequest $emulator
        Set-EmulatorFault $emulator @(@{ kind = 'status'; status = 503; times = 1; path = '/v1/instances/backup' })
        # One call at a time, so the first call (the full batch of 100) is the one that meets the 503.
        $results = @($ids | Backup-KooPhoneInstance -Context $context -Force -BatchSize 100 -ThrottleLimit 1 -Verbose 4>&1)

        $verbose = @($results | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $jobs = @($results | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $jobs | Should -HaveCount 150
        @(Get-EmulatorAction $emulator -Operation BatchBackupInstances) | Should -HaveCount 150
        Assert-NoneTwice $emulator 'BatchBackupInstances'
        $requests = @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup')
        $requests | Should -HaveCount 3 -Because 'the 503 batch is read back from state and sent again once, in a new call'
        ($verbose.Message -join "`n") | Should -Match '0 carried out, 100 untouched \(sent again\)'
    }
}

Describe 'Answers that say nothing' {
    BeforeAll {
        $script:emulator = Start-TestEmulator -Instances 50 -JobDelayMs 300
        $token = ConvertTo-SecureString $emulator.Token -AsPlainText -Force
        $script:context = Connect-KooPhone -Endpoint $emulator.Url -Token $token -ReconcileTimeout 2 -PassThru
        $script:ids = @((Get-KooPhoneInstance -Context $context).InstanceId | Select-Object -First 5)
    }

    AfterAll { Stop-TestEmulator $emulator }

    # Every answer here says nothing and the service did not act. An operation whose effect shows
    # in state is read back and sent again once; one without is Unknown; a read is an error.
    It '<Kind> is never success for <Cmdlet>: <Expect>' -ForEach @(
        @{ Kind = 'busy'; Cmdlet = 'Restart-KooPhoneInstance'; Path = '/v1/instances/reboot'; Expect = 'Unknown' }
        @{ Kind = 'nulldata'; Cmdlet = 'Reset-KooPhoneInstance'; Path = '/v1/instances/batch-reset'; Expect = 'Unknown' }
        @{ Kind = 'wrongshape'; Cmdlet = 'Start-KooPhoneCommand'; Path = '/v1/instances/async-command'; Expect = 'Unknown' }
        @{ Kind = 'busy'; Cmdlet = 'Remove-KooPhoneInstance'; Path = '/v1/instances/delete'; Expect = 'Resent' }
        @{ Kind = 'emptydata'; Cmdlet = 'Backup-KooPhoneInstance'; Path = '/v1/instances/backup'; Expect = 'Resent' }
        @{ Kind = 'wrongtype'; Cmdlet = 'Revoke-KooPhoneInstance'; Path = '/v1/instances/unassign'; Expect = 'Resent' }
        @{ Kind = 'emptydata'; Cmdlet = 'Get-KooPhoneInstanceStatus'; Path = '/v1/instances/batch-query-status'; Expect = 'Error' }
        @{ Kind = 'nulldata'; Cmdlet = 'Get-KooPhoneApp'; Path = '/v1/instances/*/app-list'; Expect = 'Error' }
    ) {
        Reset-TestEmulator $emulator
        Clear-EmulatorRequest $emulator
        Clear-EmulatorAction $emulator
        $fault = @{ kind = $Kind; times = 1 }
        if ($Path -notlike '*`**') { $fault.path = $Path }
        Set-EmulatorFault $emulator @($fault)
        $extra = switch ($Cmdlet) {
            'Start-KooPhoneCommand' { @{ Command = 'ls' } }
            { $_ -like 'Get-*' -or $_ -eq 'Restart-KooPhoneInstance' } { @{} }
            default { @{ Force = $true } }
        }
        $given = if ($Cmdlet -eq 'Revoke-KooPhoneInstance') {
            Get-KooPhoneInstance -Context $context | Where-Object IsAssigned | Select-Object -First 5 | ForEach-Object { [pscustomobject]@{ InstanceId = $_.InstanceId; UserId = $_.AssignedUser } }
        } elseif ($Cmdlet -eq 'Get-KooPhoneApp') { @($ids[0]) } else { $ids }
        $errors = @()
        $results = @($given | & $Cmdlet -Context $context @extra -ErrorAction SilentlyContinue -ErrorVariable +errors)

        switch ($Expect) {
            'Unknown' {
                $results | Should -HaveCount 0 -Because 'a 200 without the documented success shape is not success'
                $errors | Should -HaveCount @($given).Count
                $errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'KooPhone.OutcomeUnknown*' }
            }
            'Resent' {
                $errors | Should -HaveCount 0
                $results | Should -HaveCount @($given).Count
                @(Get-EmulatorRequest $emulator | Where-Object { $_.path -eq $Path -and $_.method -ne 'GET' }) | Should -HaveCount 2 -Because 'the answer that said nothing was checked against state, then sent again'
                @(Get-EmulatorAction $emulator | Where-Object count -gt 1) | Should -HaveCount 0
            }
            'Error' {
                $results | Should -HaveCount 0
                $errors | Should -Not -BeNullOrEmpty
                $errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -Not -BeLike 'KooPhone.OutcomeUnknown*' -Because 'a read that says nothing is an error, not an unknown outcome' }
            }
        }
    }
}

Describe 'The run record' {
    BeforeAll {
        $script:emulator = Start-TestEmulator -Instances 200 -JobDelayMs 300
        $script:context = Connect-TestEmulator $emulator -PassThru
        $script:ids = @((Get-KooPhoneInstance -Context $context).InstanceId | Select-Object -First 120)
        $script:folder = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
        New-Item -ItemType Directory $folder | Out-Null
    }

    AfterAll {
        Stop-TestEmulator $emulator
        Remove-Item -Recurse -Force $folder
    }

    It 'holds every id of a run with faults, and exports and re-imports' {
        Set-EmulatorFault $emulator @(@{ kind = 'drop'; phase = 'after'; times = 1; path = '/v1/instances/reboot' })
        $given = @($ids) + @('', ('x' * 40))
        $given | Restart-KooPhoneInstance -Context $context -BatchSize 40 -ErrorAction SilentlyContinue | Out-Null

        $entries = @(Get-KooPhoneRun -Last)
        $entries | Should -HaveCount 122
        @($entries | Where-Object Outcome -eq Result) | Should -HaveCount 80
        @($entries | Where-Object Outcome -eq Unknown) | Should -HaveCount 40
        @($entries | Where-Object Outcome -eq Error) | Should -HaveCount 2
        ($entries | Where-Object Outcome -eq Unknown)[0].ErrorCode | Should -Be 'KooPhone.OutcomeUnknown'
        ($entries | Where-Object Outcome -eq Result)[0].RequestId | Should -Not -BeNullOrEmpty

        $csv = Join-Path $folder 'check.csv'
        Get-KooPhoneRun -Last -Outcome Unknown, Error | Export-Csv $csv
        $back = @(Import-Csv $csv)
        $back | Should -HaveCount 42
        @($back.InstanceId | Where-Object { $_ } | Sort-Object) | Should -Be @($entries | Where-Object Outcome -ne Result | ForEach-Object InstanceId | Where-Object { $_ } | Sort-Object)

        # The record's own file is a CSV too.
        $run = (Get-KooPhoneRun -List)[-1]
        @(Import-Csv $run.Path) | Should -HaveCount 122
        $run.Unknown | Should -Be 40
        $run.Results | Should -Be 80
    }

    # Ctrl+C within milliseconds of the first call hanging: the engine's run tracks each call from
    # the moment it is sent until its outcome is recorded (KooPhone.Client.Tests BatchRunStopTests).
    It 'keeps the ids a stopped run never sent as NotSent' {
        Clear-EmulatorFault $emulator
        Set-EmulatorFault $emulator @(@{ kind = 'hang'; times = 1; path = '/v1/instances/reboot' })
        # The feeder signals once the cmdlet has taken 19 ids (each write returns only after the
        # cmdlet's ProcessRecord has): 10 in the hanging call, 9 in the buffer. The 20th fills the
        # buffer and blocks there, with one call allowed, so no id after it ever reaches the cmdlet.
        $taken = [System.Threading.ManualResetEventSlim]::new($false)
        $shell = [powershell]::Create()
        $null = $shell.AddScript("param(`$Module, `$Context, `$Ids, `$Taken) Import-Module `$Module; & { `$n = 0; foreach (`$id in `$Ids) { if (`$n -eq 19) { `$Taken.Set() }; `$id; `$n++ } } | Restart-KooPhoneInstance -Context `$Context -BatchSize 10 -ThrottleLimit 1")
        $null = $shell.AddParameters(@{ Module = $env:KOOPHONE_TEST_MODULE; Context = $context; Ids = $ids; Taken = $taken })
        $async = $shell.BeginInvoke()
        Wait-EmulatorCondition -Description 'the first call hangs and 19 ids were taken' -Condition { ($taken.IsSet -and @(Get-EmulatorRequest $emulator -Path '/v1/instances/reboot' | Where-Object { $_.fault -eq 'hang' }).Count -ge 1) -or $async.IsCompleted }
        $shell.Stop()
        $shell.Dispose()

        $entries = @(Get-KooPhoneRun -Last)
        # One call of 10 hangs in flight; the 20th id may or may not have reached the buffer before the stop.
        $notSent = @($entries | Where-Object Outcome -eq NotSent)
        @($entries | Where-Object Outcome -eq Unknown).InstanceId | Sort-Object | Should -Be ($ids[0..9] | Sort-Object) -Because 'the call in flight may have been carried out'
        $notSent.Count | Should -BeIn 9, 10 -Because 'ids the run took but never sent are safe to run again'
        $notSent.InstanceId | Sort-Object | Should -Be ($ids[10..(9 + $notSent.Count)] | Sort-Object)
        $entries | Should -HaveCount (10 + $notSent.Count) -Because 'ids that never reached the cmdlet are not in its record'
    }

    It 'keeps every id the service acted on when Select-Object -First stops the pipeline' {
        Reset-TestEmulator $emulator
        Clear-EmulatorAction $emulator
        $first = @($ids | Backup-KooPhoneInstance -Context $context -Force -BatchSize 10 -ThrottleLimit 4 | Select-Object -First 5)

        $first | Should -HaveCount 5
        $record = @{}
        Get-KooPhoneRun -Last | ForEach-Object { $record[$_.InstanceId] = $_ }
        $acted = @(Get-EmulatorAction $emulator -Operation BatchBackupInstances)
        $acted.Count | Should -BeGreaterThan 5
        foreach ($action in $acted) {
            $record[$action.instance_id].Outcome | Should -BeIn 'Result', 'Unknown' -Because "$($action.instance_id) was backed up"
        }
    }

    It 'keeps every id the service acted on through 30 Ctrl+C at random moments, answers hanging after acting' {
        # Every second backup call is carried out and then never answered. Each round stops the
        # command once a random number of calls (1 to 4: two go at a time, so after the 4th both
        # slots hang) has reached the service; whatever the moment, each id the emulator acted on
        # must be in the run record as a result or Unknown.
        $random = [Random]::new(21)
        $runspace = [runspacefactory]::CreateRunspace()
        $runspace.Open()
        try {
            $loader = [powershell]::Create($runspace)
            $null = $loader.AddScript("Import-Module '$env:KOOPHONE_TEST_MODULE'").Invoke()
            $loader.Dispose()
            $unrecorded = [System.Collections.Generic.List[string]]::new()
            foreach ($round in 1..30) {
                Reset-TestEmulator $emulator
                Clear-EmulatorAction $emulator
                Clear-EmulatorRequest $emulator
                Set-EmulatorFault $emulator @(@{ kind = 'hang'; phase = 'after'; every = 2; path = '/v1/instances/backup' })
                $calls = $random.Next(1, 5)
                $shell = [powershell]::Create($runspace)
                $null = $shell.AddScript('param($Context, $Ids) $Ids | Backup-KooPhoneInstance -Context $Context -Force -BatchSize 10 -ThrottleLimit 2 -ErrorAction SilentlyContinue')
                $null = $shell.AddParameters(@{ Context = $context; Ids = $ids[0..59] })
                $async = $shell.BeginInvoke()
                Wait-EmulatorCondition -Description "round $round`: $calls call(s) reached the service" -Condition {
                    @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup').Count -ge $calls -or $async.IsCompleted }
                $shell.Stop()
                $shell.Dispose()

                $record = @{}
                Get-KooPhoneRun -Last | ForEach-Object { $record[$_.InstanceId] = $_ }
                foreach ($acted in @(Get-EmulatorAction $emulator -Operation BatchBackupInstances)) {
                    $entry = $record[$acted.instance_id]
                    if ($null -eq $entry -or $entry.Outcome -notin 'Result', 'Unknown') { $unrecorded.Add("round $round`: $($acted.instance_id) $($entry.Outcome)") }
                }
            }
            $unrecorded | Should -BeNullOrEmpty -Because 'an id the service acted on is never missing from the record, nor NotSent or an error'
        }
        finally {
            Clear-EmulatorFault $emulator
            $runspace.Dispose()
        }
    }
}

Describe 'A lost delete answer' {
    BeforeAll {
        $script:emulator = Start-TestEmulator -Instances 60
        $script:context = Connect-KooPhone -Endpoint $emulator.Url -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force) -ReconcileTimeout 2 -PassThru
        $script:prePaid = @(Get-KooPhoneInstance -Context $context | Where-Object BillingMode -eq 'prePaid' | ForEach-Object InstanceId)
    }

    AfterAll { Stop-TestEmulator $emulator }

    BeforeEach {
        Clear-EmulatorRequest $emulator
        Clear-EmulatorAction $emulator
        # The first delete call is carried out (or refused), and its answer is lost.
        Set-EmulatorFault $emulator @(@{ kind = 'drop'; phase = 'after'; times = 1; path = '/v1/instances/delete' })
    }

    AfterEach { Clear-EmulatorFault $emulator }

    It 'never makes ids that never existed "removed"' {
        # Not listed after the call: a delete carried out and an id that never existed look alike.
        $ghosts = 1..5 | ForEach-Object { 'ghost{0:D2}' -f $_ }
        $errors = @()
        $results = @($ghosts | Remove-KooPhoneInstance -Context $context -Force -ErrorAction SilentlyContinue -ErrorVariable +errors)

        @(Get-EmulatorRequest $emulator -Path '/v1/instances/delete' | Where-Object fault) | Should -HaveCount 1 -Because 'the answer was lost'
        $results | Should -HaveCount 0 -Because 'the service deleted nothing'
        $errors | Should -HaveCount 5
        $errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'KooPhone.OutcomeUnknown*' }
        @(Get-EmulatorAction $emulator -Operation DeleteInstance) | Should -HaveCount 0
    }

    It 'settles a lost answer from state for instances the service showed before the delete' {
        $doomed = @($prePaid[0..4])
        $errors = @()
        $results = @($doomed | Remove-KooPhoneInstance -Context $context -Force -ErrorAction SilentlyContinue -ErrorVariable +errors)

        $errors | Should -HaveCount 0
        $results | Should -HaveCount 5
        $results | ForEach-Object { $_.Evidence | Should -Match 'no longer listed' }
        @(Get-EmulatorAction $emulator -Operation DeleteInstance) | Should -HaveCount 5
        @(Get-EmulatorRequest $emulator -Path '/v1/instances/delete') | Should -HaveCount 1 -Because 'a delete whose effect shows is never sent again'
    }
}

Describe 'State that shows later than -ReconcileTimeout' {
    BeforeAll {
        # Changes show 6 s late; the module waits 2 s for them, so a backup carried out looks untouched.
        $script:emulator = Start-TestEmulator -Instances 60 -JobDelayMs 300 -ExtraArguments @('--visibility-lag-ms', '6000')
        $script:context = Connect-KooPhone -Endpoint $emulator.Url -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force) -ReconcileTimeout 2 -PassThru
        # Instances whose last backup is days old, so that its time cannot be taken for this call's.
        $old = [datetime]::UtcNow.AddDays(-3)
        $script:ids = @(Get-KooPhoneInstance -Context $context | Where-Object { $_.BackupTime -and $_.BackupTime -lt $old } | Select-Object -First 5 -ExpandProperty InstanceId)
    }

    AfterAll { Stop-TestEmulator $emulator }

    It 'takes a refused repeat of a lost backup for the first call''s doing, never for the id''s failure' {
        $ids | Should -HaveCount 5
        Clear-EmulatorRequest $emulator
        Clear-EmulatorAction $emulator
        Set-EmulatorFault $emulator @(@{ kind = 'drop'; phase = 'after'; times = 1; path = '/v1/instances/backup' })

        $errors = @()
        $output = @($ids | Backup-KooPhoneInstance -Context $context -Force -ErrorAction SilentlyContinue -ErrorVariable +errors -Verbose 4>&1)

        $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $results = @($output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] -and $_ -isnot [System.Management.Automation.ErrorRecord] })
        $calls = @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup')
        $calls | Should -HaveCount 2 -Because 'the stale state showed the backups untouched, so they were sent again'
        $calls[1].errorCode | Should -BeIn 'KOOPHONE.API.5005', 'KOOPHONE.API.2006' -Because 'the repeat meets the first backup'
        @(Get-EmulatorAction $emulator -Operation BatchBackupInstances | Where-Object count -eq 1) | Should -HaveCount 5
        @($errors | Where-Object { $_.FullyQualifiedErrorId -notlike 'KooPhone.OutcomeUnknown*' }) | Should -HaveCount 0 -Because 'every backup was carried out'
        ($results.Count + $errors.Count) | Should -Be 5
        $results | ForEach-Object { $_.Evidence | Should -Not -BeNullOrEmpty }
        ($verbose.Message -join "`n") | Should -Match 'refused .* read again'
    }
}
