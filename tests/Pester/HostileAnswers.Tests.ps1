# HTTP 200 answers that look like success and are not (issue 26, items 1 to 3): a task answer
# without the job of some ids, an empty error_code, a zero code under another name than
# error_code. The emulator gives each shape before or after carrying the call out; its action
# record is the truth. An answer that does not say an id succeeded leaves that id's outcome open:
# it is settled from the instances' state like a lost answer (done, untouched and sent again, or
# Unknown), never reported as submitted or accepted, nor as a plain failure.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force

    $script:emulator = Start-TestEmulator -Instances 60 -JobDelayMs 300
    $token = ConvertTo-SecureString $emulator.Token -AsPlainText -Force
    # An untouched id is one whose state shows nothing for 2 s: long enough for the emulator, which shows changes at once.
    $script:context = Connect-KooPhone -Endpoint $emulator.Url -Token $token -ReconcileTimeout 2 -PassThru
    $fleet = @(Get-KooPhoneInstance -Context $context)
    # Six prepaid instances (DeleteInstance refuses pay-per-use ones), all running; the same ones for every cmdlet.
    $script:ids = @($fleet | Where-Object BillingMode -eq 'prePaid' | Select-Object -First 6 -ExpandProperty InstanceId)
    # The answers of missingjobs leave out the 2nd, 4th and 6th id of the call.
    $script:leftOut = @($ids[1], $ids[3], $ids[5])
    $script:answered = @($ids[0], $ids[2], $ids[4])

    $script:calls = @{
        Backup = @{ Operation = 'BatchBackupInstances'; Path = '/v1/instances/backup'; Run = { $ids | Backup-KooPhoneInstance -Context $context -Force } }
        Reset = @{ Operation = 'BatchResetInstance'; Path = '/v1/instances/batch-reset'; Run = { $ids | Reset-KooPhoneInstance -Context $context -Force } }
        Restart = @{ Operation = 'BatchRebootInstance'; Path = '/v1/instances/reboot'; Run = { $ids | Restart-KooPhoneInstance -Context $context } }
        Remove = @{ Operation = 'DeleteInstance'; Path = '/v1/instances/delete'; Run = { $ids | Remove-KooPhoneInstance -Context $context -Force } }
    }

    # Runs one cmdlet over the six ids in one call, with one fault on its first call.
    function Invoke-Faulted([string] $Cmdlet, [hashtable] $Fault) {
        Reset-TestEmulator $emulator
        Clear-EmulatorRequest $emulator
        Clear-EmulatorAction $emulator
        $call = $calls[$Cmdlet]
        $Fault.path = $call.Path
        $Fault.times = 1
        Set-EmulatorFault $emulator @($Fault)
        $ErrorActionPreference = 'Continue'
        $output = @(& $call.Run 2>&1)
        $errors = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        [pscustomobject]@{
            Results = @($output | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
            Unknown = @($errors | Where-Object { $_.FullyQualifiedErrorId -like 'KooPhone.OutcomeUnknown*' })
            Plain = @($errors | Where-Object { $_.FullyQualifiedErrorId -notlike 'KooPhone.OutcomeUnknown*' })
            Acted = @(Get-EmulatorAction $emulator -Operation $call.Operation)
            Calls = @(Get-EmulatorRequest $emulator -Path $call.Path).Count
        }
    }

    function Assert-ActedOnce($Observed, [string[]] $Expected) {
        @($Observed.Acted | Where-Object count -gt 1) | Should -HaveCount 0 -Because 'no instance is acted on twice'
        @($Observed.Acted.instance_id | Sort-Object) | Should -Be @($Expected | Sort-Object)
    }
}

AfterAll { Stop-TestEmulator $emulator }

Describe 'A task answer without the job of some ids' {
    It 'Backup: ids the service acted on are settled from state, never Submitted without a job (phase after)' {
        $observed = Invoke-Faulted Backup @{ kind = 'missingjobs'; phase = 'after' }

        $observed.Plain + $observed.Unknown | Should -HaveCount 0
        $observed.Results | Should -HaveCount 6
        foreach ($result in $observed.Results | Where-Object InstanceId -in $answered) {
            $result.Status | Should -Be 'Submitted'
            $result.JobId | Should -Not -BeNullOrEmpty
        }
        foreach ($result in $observed.Results | Where-Object InstanceId -in $leftOut) {
            $result.Status | Should -Not -Be 'Submitted' -Because "the answer had no job for $($result.InstanceId)"
            $result.Evidence | Should -Match 'backup_status'
        }
        $observed.Calls | Should -Be 1 -Because 'what was carried out is not sent again'
        Assert-ActedOnce $observed $ids
    }

    It 'Backup: ids the service never acted on are sent again and backed up once (phase before)' {
        $observed = Invoke-Faulted Backup @{ kind = 'missingjobs'; phase = 'before' }

        $observed.Plain + $observed.Unknown | Should -HaveCount 0
        $observed.Results | Should -HaveCount 6
        $observed.Results | ForEach-Object { $_.JobId | Should -Not -BeNullOrEmpty -Because "$($_.InstanceId) is reported Submitted" }
        $observed.Calls | Should -Be 2 -Because 'the ids left untouched go again in a call of their own'
        Assert-ActedOnce $observed $ids
    }

    It 'Backup -Wait: the ids without a job are followed through their state to their end' {
        $calls.BackupWait = @{ Operation = 'BatchBackupInstances'; Path = '/v1/instances/backup'; Run = { $ids | Backup-KooPhoneInstance -Context $context -Force -Wait } }
        $observed = Invoke-Faulted BackupWait @{ kind = 'missingjobs'; phase = 'after' }

        $observed.Plain + $observed.Unknown | Should -HaveCount 0
        $observed.Results | Should -HaveCount 6
        $observed.Results | ForEach-Object { $_.Status | Should -Be 'Succeeded' -Because "$($_.InstanceId) was backed up" }
        Assert-ActedOnce $observed $ids
    }

    It 'Revoke: a user''s instance without a job is settled from its assignment' {
        $pairs = @(Get-KooPhoneInstance -Context $context | Where-Object IsAssigned | Select-Object -First 4 | ForEach-Object { [pscustomobject]@{ InstanceId = $_.InstanceId; UserId = $_.AssignedUser } })
        $calls.Revoke = @{ Operation = 'CancelInstance'; Path = '/v1/instances/unassign'; Run = { $pairs | Revoke-KooPhoneInstance -Context $context -Force } }
        $observed = Invoke-Faulted Revoke @{ kind = 'missingjobs'; phase = 'after' }

        $observed.Plain + $observed.Unknown | Should -HaveCount 0
        $observed.Results | Should -HaveCount 4
        @($observed.Results | Where-Object Evidence).InstanceId | Should -Be @($pairs[1].InstanceId, $pairs[3].InstanceId)
        Assert-ActedOnce $observed $pairs.InstanceId
    }

    It 'Reset: ids without a job are Unknown, whether or not the service acted (phase <Phase>)' -ForEach @(@{ Phase = 'after' }, @{ Phase = 'before' }) {
        $observed = Invoke-Faulted Reset @{ kind = 'missingjobs'; phase = $Phase }

        $observed.Plain | Should -HaveCount 0
        @($observed.Results.InstanceId | Sort-Object) | Should -Be @($answered | Sort-Object)
        $observed.Results | ForEach-Object { $_.JobId | Should -Not -BeNullOrEmpty }
        @($observed.Unknown.TargetObject | Sort-Object) | Should -Be @($leftOut | Sort-Object) -Because 'a reset leaves no trace to tell whether it was carried out'
        $observed.Unknown[0].Exception.Message | Should -Match 'no job for this instance'
        $observed.Calls | Should -Be 1 -Because 'a reset that may have been carried out is never sent again'
        $expected = if ($Phase -eq 'after') { $ids } else { $answered }
        Assert-ActedOnce $observed $expected

        $entries = @(Get-KooPhoneRun -Last)
        @($entries | Where-Object Outcome -eq Unknown).InstanceId | Sort-Object | Should -Be @($leftOut | Sort-Object)
    }
}

Describe 'A 200 whose code is <Kind>' -ForEach @(
    @{ Kind = 'emptycode' }
    @{ Kind = 'codezero' }
) {
    # Neither an empty error_code nor a code under another name is the documented success (or a
    # refusal): the service may have acted. Where the state shows it, the ids are settled (done, or
    # untouched and sent again); where it cannot, they are Unknown. Never success, never a plain error.
    It '<Cmdlet>, phase <Phase>: <Expect>' -ForEach @(
        @{ Cmdlet = 'Backup'; Phase = 'after'; Expect = 'Settled' }
        @{ Cmdlet = 'Backup'; Phase = 'before'; Expect = 'Resent' }
        @{ Cmdlet = 'Remove'; Phase = 'after'; Expect = 'Settled' }
        @{ Cmdlet = 'Remove'; Phase = 'before'; Expect = 'Resent' }
        @{ Cmdlet = 'Restart'; Phase = 'after'; Expect = 'Unknown' }
        @{ Cmdlet = 'Restart'; Phase = 'before'; Expect = 'Unknown' }
        @{ Cmdlet = 'Reset'; Phase = 'after'; Expect = 'Unknown' }
    ) {
        $observed = Invoke-Faulted $Cmdlet @{ kind = $Kind; phase = $Phase }

        $observed.Plain | Should -HaveCount 0 -Because 'an answer after sending that is not a refusal never says the call failed'
        switch ($Expect) {
            'Settled' {
                $observed.Unknown | Should -HaveCount 0
                $observed.Results | Should -HaveCount 6
                $observed.Results | ForEach-Object { $_.Evidence | Should -Not -BeNullOrEmpty -Because "$($_.InstanceId) was settled from its state" }
                $observed.Calls | Should -Be 1
                Assert-ActedOnce $observed $ids
            }
            'Resent' {
                $observed.Unknown | Should -HaveCount 0
                $observed.Results | Should -HaveCount 6
                $observed.Calls | Should -Be 2 -Because 'the state showed the ids untouched, so they were sent again'
                Assert-ActedOnce $observed $ids
            }
            'Unknown' {
                $observed.Results | Should -HaveCount 0 -Because 'a 200 without the documented success shape is not success'
                @($observed.Unknown.TargetObject | Sort-Object) | Should -Be @($ids | Sort-Object)
                $observed.Calls | Should -Be 1
            }
        }
    }
}
