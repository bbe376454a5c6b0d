# The run record follows what is learned after the run: its own -Wait, a later Wait-KooPhoneTask
# fed from its entries, a rerun with the same journal (each settled entry names the run that
# learned it); Wait-KooPhoneTask's runs are runs; and Ctrl+C says where a run stood and what
# resumes it (docs/runs.md).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    if (-not ('KooPhone.Tests.AnsweringHost' -as [type])) { Add-Type -Path (Join-Path $PSScriptRoot 'Hosts/AnsweringHost.cs') }
    # Every call takes 300 ms and every job 1.5 s: a run of 100 ids, 5 a call, one call at a time,
    # is still submitting when the first jobs it waits for end.
    $script:emulator = Start-TestEmulator -Instances 200 -JobDelayMs 1500 -ExtraArguments @('--latency-ms', '300')
    $script:context = Connect-KooPhone -Endpoint $emulator.Url -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force) -ReconcileTimeout 2 -PassThru
    $script:ids = @((Get-KooPhoneInstance -Context $context).InstanceId)
    $script:folder = Join-Path ([IO.Path]::GetTempPath()) "koophone-runrecords-$PID"
    $null = New-Item -ItemType Directory -Force $folder

    # Runs $Command (with $Context, $Given and $Written, a bag of what it wrote) in a runspace of
    # its own whose host keeps every line written to it; the caller stops it with .Shell.Stop().
    function Start-StoppableRun([string] $Command, [object[]] $Given) {
        $answering = [KooPhone.Tests.AnsweringHost]::new('Yes')
        $runspace = [runspacefactory]::CreateRunspace($answering)
        $runspace.Open()
        $written = [System.Collections.Concurrent.ConcurrentBag[object]]::new()
        $shell = [powershell]::Create()
        $shell.Runspace = $runspace
        $null = $shell.AddScript("param(`$Module, `$Context, `$Given, `$Written) Import-Module `$Module
            & { $Command } | ForEach-Object { `$Written.Add(`$_) }")
        $null = $shell.AddParameters(@{ Module = $env:KOOPHONE_TEST_MODULE; Context = $context; Given = $Given; Written = $written })
        [pscustomobject]@{ Shell = $shell; Async = $shell.BeginInvoke(); Written = $written; Lines = $answering.Answers.Lines; Runspace = $runspace }
    }

    function Stop-StoppableRun($Run) {
        $Run.Shell.Stop()
        $Run.Shell.Dispose()
        $Run.Runspace.Dispose()
    }

    function Get-LastRunOf([string] $Command) { @(Get-KooPhoneRun -List | Where-Object Command -eq $Command)[-1] }
}

AfterAll {
    Stop-TestEmulator $emulator
    Remove-Item -Recurse -Force $folder -ErrorAction SilentlyContinue
}

Describe 'A stopped -Wait, resumed with Wait-KooPhoneTask' {
    BeforeAll {
        Reset-TestEmulator $emulator
        Clear-EmulatorFault $emulator
        $script:given = $ids[0..99]
        $run = Start-StoppableRun '$Given | Backup-KooPhoneInstance -Context $Context -Force -Wait -BatchSize 5 -ThrottleLimit 1' $given
        Wait-EmulatorCondition -Description 'the first jobs written' -TimeoutMs 30000 -Condition { $run.Written.Count -ge 1 -or $run.Async.IsCompleted }
        Stop-StoppableRun $run
        $script:lines = @($run.Lines)
        $script:writtenBefore = @($run.Written.ToArray())
        $script:first = Get-LastRunOf 'Backup-KooPhoneInstance'
        $script:stoppedSummary = Get-KooPhoneRun -Id $first.Id -Summary
        $script:waited = @(Get-KooPhoneRun -Id $first.Id | Wait-KooPhoneTask -Context $context -WarningAction SilentlyContinue)
        $script:wait = Get-LastRunOf 'Wait-KooPhoneTask'
    }

    It 'tells the host, at Ctrl+C, the counts and the command that resumes' {
        $note = @($lines | Where-Object { $_ -match 'was stopped' })
        $note | Should -HaveCount 1
        $note[0] | Should -Match "^Backup-KooPhoneInstance was stopped \(run $($first.Id)\): \d+ ended, [1-9]\d* still running, \d+ unknown, \d+ not sent\."
        $note[0] | Should -Match ([regex]::Escape("Get-KooPhoneRun -Id $($first.Id) | Wait-KooPhoneTask"))
        $stoppedSummary.StopNote | Should -Be $note[0] -Because 'the summary keeps what the host was told'
        $script:endedBefore = [int]($note[0] -replace '.*: (\d+) ended.*', '$1')
        $endedBefore | Should -BeGreaterOrEqual $writtenBefore.Count -Because 'the ended jobs of a round are recorded before the first of them is written'
    }

    It 'ends the first run''s entries with what the wait learned, naming the wait''s run' {
        $entries = @(Get-KooPhoneRun -Id $first.Id)
        $entries | Should -HaveCount 100
        $sent = @($entries | Where-Object Outcome -ne NotSent)
        $sent.Count | Should -BeGreaterThan $writtenBefore.Count
        foreach ($entry in $sent) {
            $entry.SettledBy | Should -BeIn $first.Id, $wait.Id -Because "what became of $($entry.InstanceId) was learned"
            if ($entry.Outcome -eq 'Result') { $entry.Status | Should -Be 'Succeeded' -Because "$($entry.InstanceId) was backed up and its job ended" }
            else { $entry.ErrorCode | Should -Be 'KooPhone.NotCarriedOut' -Because 'a call cancelled in flight either was carried out or was not' }
        }
        $own = @($entries | Where-Object SettledBy -eq $first.Id)
        $own.Count | Should -Be $endedBefore -Because 'what -Wait saw end before the stop was settled by the run itself, and the wait learned nothing new of it'
        $writtenBefore.InstanceId | Where-Object { $_ -notin $own.InstanceId } | Should -BeNullOrEmpty
        @($entries | Where-Object SettledBy -eq $wait.Id).Count | Should -Be ($sent.Count - $endedBefore)
    }

    It 'counts the first run''s summary from what was learned, saying which run settled what' {
        $summary = Get-KooPhoneRun -Id $first.Id -Summary
        $entries = @(Get-KooPhoneRun -Id $first.Id)
        $later = @($entries | Where-Object SettledBy -eq $wait.Id).Count
        ($summary.ResultsByStatus | Where-Object Name -eq 'Succeeded' | ForEach-Object Count) | Should -Be @($entries | Where-Object Outcome -eq Result).Count
        @($summary.ResultsByStatus | Where-Object Name -ne 'Succeeded') | Should -BeNullOrEmpty
        $summary.Unknown | Should -Be 0
        $summary.NotSent | Should -Be @($entries | Where-Object Outcome -eq NotSent).Count
        $summary.SettledLater | Should -HaveCount 1
        $summary.SettledLater[0].Name | Should -Be "run $($wait.Id) (Wait-KooPhoneTask)"
        $summary.SettledLater[0].Count | Should -Be $later
        "$summary" | Should -Match "Settled later: $later by run $($wait.Id) \(Wait-KooPhoneTask\)"
    }

    It 'lists the wait as a run of its own, with an entry per job it waited for' {
        $wait.Id | Should -BeGreaterThan $first.Id
        $wait.Total | Should -Be $waited.Count
        $entries = @(Get-KooPhoneRun -Id $wait.Id)
        $entries | Should -HaveCount $waited.Count
        # A call cancelled in flight at the stop may not have been carried out: those jobs end as NotCarriedOut.
        @($entries | Where-Object { $_.Status -ne 'Succeeded' -and $_.ErrorCode -ne 'KooPhone.NotCarriedOut' }) | Should -BeNullOrEmpty
        @($entries.Operation | Sort-Object -Unique) | Should -Be 'BatchBackupInstances' -Because 'its entries can be fed to Wait-KooPhoneTask again'
    }
}

Describe 'Ids a stopped run left Unknown' {
    BeforeEach {
        Reset-TestEmulator $emulator
        Clear-EmulatorFault $emulator
    }
    AfterEach { Clear-EmulatorFault $emulator }

    It 'end as KooPhone.NotCarriedOut errors when the resume finds they were not carried out' {
        # The first call hangs before the service acts on it; Ctrl+C leaves its 10 ids Unknown.
        Set-EmulatorFault $emulator @(@{ kind = 'hang'; times = 1; path = '/v1/instances/backup' })
        $run = Start-StoppableRun '$Given | Backup-KooPhoneInstance -Context $Context -Force -BatchSize 10 -ThrottleLimit 1' $ids[0..29]
        Wait-EmulatorCondition -Description 'the first call hangs' -Condition { @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup' | Where-Object { $_.fault -eq 'hang' }).Count -ge 1 -or $run.Async.IsCompleted }
        Stop-StoppableRun $run
        $first = Get-LastRunOf 'Backup-KooPhoneInstance'
        @(Get-KooPhoneRun -Id $first.Id -Outcome Unknown) | Should -HaveCount 10
        $note = @($run.Lines | Where-Object { $_ -match 'was stopped' })[0]
        $note | Should -Match '0 answered, 10 unknown, \d+ not sent\.'
        $note | Should -Match ([regex]::Escape("Get-KooPhoneRun -Id $($first.Id) -Outcome Unknown"))
        $note | Should -Match ([regex]::Escape("Get-KooPhoneRun -Id $($first.Id) -Outcome NotSent | Backup-KooPhoneInstance"))

        $null = Get-KooPhoneRun -Id $first.Id | Wait-KooPhoneTask -Context $context -WarningAction SilentlyContinue
        $wait = Get-LastRunOf 'Wait-KooPhoneTask'

        @(Get-KooPhoneRun -Id $first.Id -Outcome Unknown) | Should -BeNullOrEmpty -Because 'the wait learned what became of them'
        $settled = @(Get-KooPhoneRun -Id $first.Id -Outcome Error)
        $settled.InstanceId | Sort-Object | Should -Be ($ids[0..9] | Sort-Object)
        foreach ($entry in $settled) {
            $entry.ErrorCode | Should -Be 'KooPhone.NotCarriedOut'
            $entry.SettledBy | Should -Be $wait.Id
        }
        (Get-KooPhoneRun -Id $first.Id -Summary).ErrorsByCode.Name | Should -Be 'KooPhone.NotCarriedOut'
        (Get-KooPhoneRun -List | Where-Object Id -eq $first.Id).Unknown | Should -Be 0
    }

    It 'are sent by the command the stop note gives for those not sent' {
        Set-EmulatorFault $emulator @(@{ kind = 'hang'; times = 1; path = '/v1/instances/backup' })
        $run = Start-StoppableRun '$Given | Backup-KooPhoneInstance -Context $Context -Force -BatchSize 10 -ThrottleLimit 1' $ids[0..29]
        Wait-EmulatorCondition -Description 'the first call hangs' -Condition { @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup' | Where-Object { $_.fault -eq 'hang' }).Count -ge 1 -or $run.Async.IsCompleted }
        Stop-StoppableRun $run
        $first = Get-LastRunOf 'Backup-KooPhoneInstance'
        $notSent = @(Get-KooPhoneRun -Id $first.Id -Outcome NotSent)
        $notSent.Count | Should -BeGreaterThan 0
        Wait-EmulatorIdle $emulator
        Clear-EmulatorRequest $emulator

        $results = @(Get-KooPhoneRun -Id $first.Id -Outcome NotSent | Backup-KooPhoneInstance -Context $context -Force)

        $results.InstanceId | Sort-Object | Should -Be ($notSent.InstanceId | Sort-Object)
        $sent = @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup' | ForEach-Object { $_.instanceIds })
        $sent | Sort-Object | Should -Be ($notSent.InstanceId | Sort-Object)
    }
}

Describe 'A rerun with the same journal' {
    BeforeEach {
        Reset-TestEmulator $emulator
        Clear-EmulatorFault $emulator
        $script:journal = Join-Path $folder "journal-$([guid]::NewGuid()).csv"
    }
    AfterEach { Clear-EmulatorFault $emulator }

    It 'settles in the earlier run''s record the ids it left Unknown: carried out, or not' {
        # The first call is carried out and its answer never comes; the second hangs before the service acts.
        Set-EmulatorFault $emulator @(
            @{ kind = 'hang'; phase = 'after'; times = 1; path = '/v1/instances/backup' }
            @{ kind = 'hang'; times = 1; path = '/v1/instances/backup' }
        )
        $run = Start-StoppableRun ('$Given | Backup-KooPhoneInstance -Context $Context -Force -BatchSize 10 -ThrottleLimit 2 -JournalPath ''' + $journal + '''') $ids[0..29]
        Wait-EmulatorCondition -Description 'two calls hang' -Condition { @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup' | Where-Object { $_.fault -eq 'hang' }).Count -ge 2 -or $run.Async.IsCompleted }
        Stop-StoppableRun $run
        $first = Get-LastRunOf 'Backup-KooPhoneInstance'
        $unknown = @(Get-KooPhoneRun -Id $first.Id -Outcome Unknown)
        $unknown | Should -HaveCount 20
        $note = @($run.Lines | Where-Object { $_ -match 'was stopped' })[0]
        $note | Should -Match ([regex]::Escape("run the same command again with -JournalPath '$journal'"))
        $acted = @(Get-EmulatorAction $emulator -Operation BatchBackupInstances | ForEach-Object instance_id)
        $acted | Should -HaveCount 10
        Clear-EmulatorFault $emulator

        $null = $ids[0..29] | Backup-KooPhoneInstance -Context $context -Force -BatchSize 10 -JournalPath $journal -ErrorAction SilentlyContinue
        $rerun = Get-LastRunOf 'Backup-KooPhoneInstance'

        $rerun.Id | Should -BeGreaterThan $first.Id
        $entries = @{}
        Get-KooPhoneRun -Id $first.Id | ForEach-Object { $entries[$_.InstanceId] = $_ }
        foreach ($id in $unknown.InstanceId) {
            $entries[$id].SettledBy | Should -Be $rerun.Id -Because "the rerun learned what became of $id"
            if ($id -in $acted) { $entries[$id].Outcome | Should -Be 'Result' -Because 'the state shows its backup' }
            else {
                $entries[$id].Outcome | Should -Be 'Error'
                $entries[$id].ErrorCode | Should -Be 'KooPhone.NotCarriedOut'
            }
        }
        $summary = Get-KooPhoneRun -Id $first.Id -Summary
        $summary.Unknown | Should -Be 0
        $summary.SettledLater[0].Name | Should -Be "run $($rerun.Id) (Backup-KooPhoneInstance)"
        $summary.SettledLater[0].Count | Should -Be 20
    }
}

Describe 'A stopped Wait-KooPhoneTask' {
    It 'records every job it was given, those still running with their last status, and resumes from its own record' {
        Reset-TestEmulator $emulator
        Clear-EmulatorFault $emulator
        $submitted = @($ids[100..139] | Backup-KooPhoneInstance -Context $context -Force)
        # Jobs take 1.5 s: the wait is stopped after its first poll, before any has ended.
        $run = Start-StoppableRun '$Given | Wait-KooPhoneTask -Context $Context' $submitted
        Wait-EmulatorCondition -Description 'the first poll' -Condition { @(Get-EmulatorRequest $emulator | Where-Object { $_.path -like '/v1/instances/tasks/*' }).Count -ge 1 -or $run.Async.IsCompleted }
        Stop-StoppableRun $run
        $wait = Get-LastRunOf 'Wait-KooPhoneTask'

        $note = @($run.Lines | Where-Object { $_ -match 'was stopped' })[0]
        $note | Should -Match "^Wait-KooPhoneTask was stopped \(run $($wait.Id)\): (\d+) ended, (\d+) still running\."
        $ended = [int]($note -replace '.*: (\d+) ended.*', '$1')
        $running = [int]($note -replace '.*ended, (\d+) still running.*', '$1')
        ($ended + $running) | Should -Be 40
        @(Get-KooPhoneRun -Id $wait.Id) | Should -HaveCount 40
        if ($running -gt 0) { $note | Should -Match ([regex]::Escape("Get-KooPhoneRun -Id $($wait.Id) | Wait-KooPhoneTask")) }

        $again = @(Get-KooPhoneRun -Id $wait.Id | Wait-KooPhoneTask -Context $context)
        $second = Get-LastRunOf 'Wait-KooPhoneTask'

        $again | Should -HaveCount 40
        $entries = @(Get-KooPhoneRun -Id $wait.Id)
        @($entries | Where-Object Status -ne Succeeded) | Should -BeNullOrEmpty
        @($entries | Where-Object SettledBy -eq $second.Id) | Should -HaveCount 40
    }

    It 'leaves alone a run of this session whose number an entry from elsewhere carries' {
        Reset-TestEmulator $emulator
        $null = $ids[150..154] | Backup-KooPhoneInstance -Context $context -Force
        $unrelated = Get-LastRunOf 'Backup-KooPhoneInstance'
        $other = @($ids[160..164] | Backup-KooPhoneInstance -Context $context -Force)
        # The rows of another session's record: the same run number, other jobs.
        $rows = $other | ForEach-Object {
            [pscustomobject]@{ RunId = $unrelated.Id; Operation = $_.Operation; InstanceId = $_.InstanceId; Outcome = 'Result'; TaskId = $_.TaskId; JobId = $_.JobId }
        }
        $rows | Export-Csv (Join-Path $folder 'elsewhere.csv') -NoTypeInformation

        $null = Import-Csv (Join-Path $folder 'elsewhere.csv') | Wait-KooPhoneTask -Context $context

        @(Get-KooPhoneRun -Id $unrelated.Id | Where-Object SettledBy) | Should -BeNullOrEmpty
        (Get-KooPhoneRun -Id $unrelated.Id -Summary).SettledLater | Should -BeNullOrEmpty
    }
}

Describe 'Where run records are kept' {
    BeforeAll {
        $script:repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
        # Runs $Script in a pwsh of its own with $Environment changed (a $null value removes a
        # variable); returns what it wrote to its output, one string a line.
        function Invoke-ChildPwsh([string] $Script, [hashtable] $Environment = @{}) {
            $file = Join-Path $folder "$([guid]::NewGuid()).ps1"
            Set-Content $file @"
`$ErrorActionPreference = 'Stop'
Import-Module '$env:KOOPHONE_TEST_MODULE'
`$context = Connect-KooPhone -Endpoint '$($emulator.Url)' -Token (ConvertTo-SecureString '$($emulator.Token)' -AsPlainText -Force) -PassThru
$Script
"@
            $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
            foreach ($argument in 'pwsh', '-NoProfile', '-NonInteractive', '-File', $file) { $start.ArgumentList.Add($argument) }
            $start.WorkingDirectory = $repo
            $start.RedirectStandardOutput = $true
            $start.RedirectStandardError = $true
            foreach ($name in $Environment.Keys) {
                if ($null -eq $Environment[$name]) { $null = $start.Environment.Remove($name) } else { $start.Environment[$name] = $Environment[$name] }
            }
            $process = [Diagnostics.Process]::Start($start)
            $errorText = $process.StandardError.ReadToEndAsync()
            $output = $process.StandardOutput.ReadToEnd()
            $process.WaitForExit()
            [pscustomobject]@{ Lines = @($output -split "`r?`n" | Where-Object { $_ }); Errors = $errorText.Result; ExitCode = $process.ExitCode }
        }
        # A session folder as an ended session leaves it: its lock file free, its files last changed $DaysAgo days ago.
        function New-EndedSession([string] $Root, [string] $Name, [double] $DaysAgo) {
            $session = Join-Path $Root $Name
            $null = New-Item -ItemType Directory -Force $session
            foreach ($file in 'session.lock', 'run-1.csv') {
                Set-Content (Join-Path $session $file) ''
                (Get-Item (Join-Path $session $file)).LastWriteTimeUtc = [datetime]::UtcNow.AddDays(-$DaysAgo)
            }
            $session
        }
    }

    It 'is a folder of the user''s own in the local application data folder, unless KOOPHONE_RUNS_PATH says otherwise' {
        $homeDir = Join-Path $folder "home-$([guid]::NewGuid())"
        $null = New-Item -ItemType Directory $homeDir
        $child = Invoke-ChildPwsh -Environment @{ XDG_DATA_HOME = $homeDir; LOCALAPPDATA = $homeDir; KOOPHONE_RUNS_PATH = $null } -Script "
`$null = '$($ids[0])' | Backup-KooPhoneInstance -Context `$context -Force
(Get-KooPhoneRun -List)[-1].Path
[Environment]::GetFolderPath('LocalApplicationData')"
        $child.ExitCode | Should -Be 0 -Because $child.Errors
        $path, $local = $child.Lines
        $runs = Join-Path $local 'KooPhone/runs'
        $local | Should -BeLike "$homeDir*"
        $path | Should -BeLike "$runs$([IO.Path]::DirectorySeparatorChar)*$([IO.Path]::DirectorySeparatorChar)run-1.csv"
        Test-Path $path | Should -BeTrue
        if (-not $IsWindows) {
            (Get-Item $runs).UnixMode | Should -Be 'drwx------' -Because 'other users must not read what runs did'
            (Get-Item (Split-Path $path)).UnixMode | Should -Be 'drwx------'
        }
        Get-Content -Raw $path | Should -Not -Match ([regex]::Escape($emulator.Token)) -Because 'a record holds no secret'

        $elsewhere = Join-Path $folder "runs-$([guid]::NewGuid())"
        $child = Invoke-ChildPwsh -Environment @{ KOOPHONE_RUNS_PATH = $elsewhere } -Script "
`$null = '$($ids[4])' | Backup-KooPhoneInstance -Context `$context -Force
(Get-KooPhoneRun -List)[-1].Path"
        $child.ExitCode | Should -Be 0 -Because $child.Errors
        $child.Lines[0] | Should -BeLike "$elsewhere*run-1.csv"
    }

    It 'removes the folders of ended sessions older than 14 days or beyond the newest 100, never a live session''s' {
        $root = Join-Path $folder "runs-$([guid]::NewGuid())"
        $old = New-EndedSession $root 'old' 20
        $recent = foreach ($n in 1..101) { New-EndedSession $root ('recent-{0:000}' -f $n) (1 + $n / 100) }
        # A live session whose files are old: its lock is held, so it stays.
        $live = Join-Path $folder "$([guid]::NewGuid()).live"
        $holder = Start-Process dotnet -PassThru -WorkingDirectory $repo -Environment @{ KOOPHONE_RUNS_PATH = $root } -ArgumentList @('pwsh', '-NoProfile', '-NonInteractive', '-Command', "
Import-Module '$env:KOOPHONE_TEST_MODULE'
`$context = Connect-KooPhone -Endpoint '$($emulator.Url)' -Token (ConvertTo-SecureString '$($emulator.Token)' -AsPlainText -Force) -PassThru
`$null = '$($ids[1])' | Backup-KooPhoneInstance -Context `$context -Force
`$PID, (Split-Path (Get-KooPhoneRun -List)[-1].Path) | Set-Content '$live'
Start-Sleep 120")
        try {
            Wait-EmulatorCondition -Description 'the live session to start' -TimeoutMs 60000 -Condition { Test-Path $live }
            Wait-EmulatorCondition -Description 'the live session to name its folder' -Condition { @(Get-Content $live).Count -ge 2 }
            $livePid, $liveFolder = @(Get-Content $live)
            Get-ChildItem $liveFolder -File | ForEach-Object { $_.LastWriteTimeUtc = [datetime]::UtcNow.AddDays(-30) }

            $child = Invoke-ChildPwsh -Environment @{ KOOPHONE_RUNS_PATH = $root } -Script "`$null = '$($ids[2])' | Backup-KooPhoneInstance -Context `$context -Force"

            $child.ExitCode | Should -Be 0 -Because $child.Errors
            Test-Path $old | Should -BeFalse -Because 'an ended session older than 14 days goes'
            Test-Path $liveFolder | Should -BeTrue -Because 'a live session keeps its records however old they are'
            @($recent | Where-Object { Test-Path $_ }) | Should -HaveCount 100 -Because 'the newest 100 ended sessions stay'
            Test-Path $recent[-1] | Should -BeFalse -Because 'the oldest of the 101 goes'
        }
        finally {
            # The pwsh itself, not only the dotnet wrapper Start-Process started: it would sleep on, holding the test's output open.
            if (Test-Path $live) { Stop-Process -Id ([int]@(Get-Content $live)[0]) -Force -ErrorAction SilentlyContinue }
            Stop-Process -Id $holder.Id -Force -ErrorAction SilentlyContinue
        }
    }

    It 'that cannot be written stops a run before it sends anything, with one error naming the folder' {
        $file = Join-Path $folder "a-file-$([guid]::NewGuid())"
        Set-Content $file 'not a folder'
        Wait-EmulatorIdle $emulator
        Clear-EmulatorRequest $emulator
        $child = Invoke-ChildPwsh -Environment @{ KOOPHONE_RUNS_PATH = (Join-Path $file 'runs') } -Script "
try { `$null = '$($ids[3])' | Backup-KooPhoneInstance -Context `$context -Force } catch { `$_.FullyQualifiedErrorId; `$_.CategoryInfo.Category; `$_.Exception.Message }"

        $child.Lines[0] | Should -BeLike 'KooPhone.RunRecordsUnavailable*'
        $child.Lines[1] | Should -Be 'WriteError'
        $child.Lines[2] | Should -Match ([regex]::Escape((Join-Path $file 'runs')))
        $child.Lines[2] | Should -Match 'KOOPHONE_RUNS_PATH'
        @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup') | Should -BeNullOrEmpty
    }
}
