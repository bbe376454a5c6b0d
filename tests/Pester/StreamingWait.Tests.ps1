# -Wait streams: results are written as their jobs end, beside the submission of the rest, and a
# wait stopped by Ctrl+C resumes from the run record.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    # Every call takes 400 ms and every job 1.2 s: with one call at a time, jobs end while later
    # batches are still being submitted.
    $script:emulator = Start-TestEmulator -Instances 600 -JobDelayMs 1200 -ExtraArguments @('--latency-ms', '400')
    $script:context = Connect-KooPhone -Endpoint $emulator.Url -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force) -ReconcileTimeout 3 -PassThru
    $script:ids = @((Get-KooPhoneInstance -Context $context).InstanceId | Select-Object -First 600)
}

AfterAll { Stop-TestEmulator $emulator }

Describe 'Backup-KooPhoneInstance -Wait' {
    BeforeEach {
        Reset-TestEmulator $emulator
        Clear-EmulatorRequest $emulator
    }

    # That results are written before the last batch is submitted is proven for every waiting
    # cmdlet, Backup included, by WaitMatrix.Tests.ps1.

    It 'keeps what ended when Ctrl+C comes, and the rest resumes from the run record' {
        $written = [System.Collections.Concurrent.ConcurrentBag[object]]::new()
        $shell = [powershell]::Create()
        $null = $shell.AddScript("param(`$Module, `$Context, `$Ids, `$Written) Import-Module `$Module
            `$Ids | Backup-KooPhoneInstance -Context `$Context -Force -Wait -ThrottleLimit 1 -BatchSize 50 | ForEach-Object { `$Written.Add(`$_) }")
        $null = $shell.AddParameters(@{ Module = $env:KOOPHONE_TEST_MODULE; Context = $context; Ids = $ids; Written = $written })
        $async = $shell.BeginInvoke()
        Wait-EmulatorCondition -Description 'the first jobs written' -TimeoutMs 20000 -Condition { $written.Count -gt 0 }
        $shell.Stop()
        $shell.Dispose()

        $before = @($written.ToArray())
        $before.Count | Should -BeLessThan 600 -Because 'the wait was stopped before every job ended'
        $before | ForEach-Object { $_.Status | Should -Be 'Succeeded' }

        # Sent: answered (Result), or in flight when Ctrl+C came (Unknown, followed through the instances' state).
        $submitted = @(Get-KooPhoneRun -Last | Where-Object Outcome -in Result, Unknown | ForEach-Object InstanceId)
        $submitted.Count | Should -BeGreaterOrEqual $before.Count
        $resumed = @(Get-KooPhoneRun -Last | Wait-KooPhoneTask -Context $context)
        $finished = @($resumed | Where-Object { $before.InstanceId -notcontains $_.InstanceId })
        @(@($before.InstanceId) + @($finished.InstanceId) | Sort-Object -Unique) | Should -Be @($submitted | Sort-Object -Unique) -Because 'every submitted id ends, before Ctrl+C or after the resume'
        # A call in flight at Ctrl+C may not have been carried out: its ids end NotCarriedOut once
        # the state has shown nothing for the reconcile timeout, and the emulator confirms it.
        foreach ($result in $finished) {
            $acted = @(Get-EmulatorAction $emulator -Operation BatchBackupInstances -InstanceId $result.InstanceId).Count -gt 0
            if ($acted) { $result.Status | Should -Be 'Succeeded' }
            else { $result.ErrorCode | Should -Be 'KooPhone.NotCarriedOut' }
        }
        @($finished | Where-Object Status -eq Succeeded).Count | Should -BeGreaterThan 0
    }
}
