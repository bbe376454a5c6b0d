# What the console shows: every default view at 80 and 120 columns with ids of the longest
# length, times in local time, and progress with percentages (issue 15, items 1 to 3).
BeforeDiscovery {
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    $script:outputTypes = @(Get-Command -Module KooPhone | ForEach-Object { $_.OutputType.Type } | Where-Object { $_ -and $_ -ne [void] } |
            Sort-Object FullName -Unique | ForEach-Object { @{ Name = $_.FullName } })
    $script:cases = foreach ($type in $outputTypes) { foreach ($width in 80, 120) { @{ Name = $type.Name; Width = $width } } }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force

    # A zone with an odd offset and no daylight saving, so local time differs from UTC by a
    # visible, fixed amount: 03:04:05 UTC is 08:49:05 here.
    $script:savedTz = $env:TZ
    $env:TZ = 'Asia/Kathmandu'
    [TimeZoneInfo]::ClearCachedData()
    $script:utc = [datetime]::new(2026, 1, 2, 3, 4, 5, [DateTimeKind]::Utc)
    $script:localText = '2026-01-02 08:49:05'

    # Ids of the longest lengths: instance and user ids of 32 characters (InstanceIdRules, UserIdRules),
    # reset task ids of RM_ and 32 hex, job and streaming ids of 32 hex, request ids as UUIDs.
    $script:instanceId = 'i' * 28 + '0032'
    $script:taskId = 'RM_' + 'a' * 28 + '0035'
    $script:jobId = 'b' * 28 + '0032'
    $script:streamingId = 'c' * 28 + '0032'
    $script:requestId = '0b8d3c7e-1f2a-4b5c-9d6e-7f8a9b0c1d2e'
    $script:userId = 'u' * 28 + '0032'

    function New-Sample([string] $TypeName, [hashtable] $Property) {
        $object = New-Object $TypeName
        foreach ($name in $Property.Keys) {
            # Through reflection: SubmittedAt is hidden behind KooPhone.Types.ps1xml's read-only text.
            $object.GetType().GetProperty($name).SetValue($object, $Property[$name])
        }
        $object
    }

    $run = [KooPhone.Client.Runs.KooPhoneRun].GetConstructors([Reflection.BindingFlags] 'NonPublic, Instance')[0].Invoke(
        @(9999, 'Get-KooPhonePrepareProgress', 'BatchPrepareInstances', '/tmp/run.csv', $utc))
    $run.GetType().GetProperty('EndedAt').SetValue($run, [Nullable[datetime]] $utc)
    $script:emulator = Start-TestEmulator -Instances 250 -JobDelayMs 300
    $script:context = Connect-TestEmulator $emulator -PassThru
    $longInstance = New-Sample KooPhone.Client.Models.KooPhoneInstance @{ InstanceId = $instanceId; Name = 'shop-floor-phone-number-00001'; RunStatus = [KooPhone.Client.Models.InstanceRunStatus]::GoingOffline
        IsAssigned = $true; BackupStatus = [KooPhone.Client.Models.InstanceOperationStatus]::Succeeded; BackupTime = [Nullable[datetime]] $utc; RestoreTime = [Nullable[datetime]] $utc }

    # One object per output type, every field at its longest; Ids are the properties that must be whole at 120.
    $script:samples = @{
        'KooPhone.Client.Models.KooPhoneInstance'         = @{ Object = $longInstance; Ids = 'InstanceId' }
        'KooPhone.Client.Models.KooPhoneJobResult'        = @{ Ids = 'InstanceId', 'TaskId'; Object = New-Sample KooPhone.Client.Models.KooPhoneJobResult @{
                InstanceId = $instanceId; Operation = 'BatchBackupInstances'; TaskId = $taskId; JobId = $jobId; Status = [KooPhone.Client.Models.KooPhoneJobStatus]::NotStarted
                ErrorCode = 'KooPhone.NotCarriedOut'; ErrorMessage = 'The instance was being backed up already.'; RequestId = $requestId; SubmittedAt = $utc; CompletedAt = [Nullable[datetime]] $utc } }
        'KooPhone.Client.Models.KooPhoneActionResult'     = @{ Ids = 'InstanceId', 'RequestId'; Object = New-Sample KooPhone.Client.Models.KooPhoneActionResult @{
                InstanceId = $instanceId; Operation = 'StopInstancesStreaming'; UserId = $userId; RequestId = $requestId; At = $utc } }
        'KooPhone.Client.Runs.KooPhoneRunEntry'           = @{ Ids = 'InstanceId', 'TaskId'; Object = New-Sample KooPhone.Client.Runs.KooPhoneRunEntry @{
                RunId = 9999; Operation = 'BatchBackupInstances'; InstanceId = $instanceId; UserId = $userId; Outcome = [KooPhone.Client.Runs.RunOutcome]::Unknown; Status = 'NotStarted'
                TaskId = $taskId; JobId = $jobId; RequestId = $requestId; ErrorCode = 'KooPhone.OutcomeUnknown'; Message = 'The run stopped while this call was in flight.'; SubmittedAt = [Nullable[datetime]] $utc; At = $utc } }
        'KooPhone.Client.Runs.KooPhoneRun'                = @{ Object = $run; Ids = @() }
        'KooPhone.Client.Runs.KooPhoneRunSummary'         = @{ Object = $run.Summary; Ids = @() }
        'KooPhone.Client.Connection.KooPhoneContext'      = @{ Object = $context; Ids = @() }
        'KooPhone.Client.Models.KooPhoneInstanceStatus'   = @{ Ids = 'InstanceId'; Object = New-Sample KooPhone.Client.Models.KooPhoneInstanceStatus @{
                InstanceId = $instanceId; RunStatus = [KooPhone.Client.Models.InstanceRunStatus]::GoingOffline; StatusCode = 3; RequestId = $requestId } }
        'KooPhone.Client.Models.KooPhonePrepareResult'    = @{ Ids = 'InstanceId', 'UserId'; Object = New-Sample KooPhone.Client.Models.KooPhonePrepareResult @{
                InstanceId = $instanceId; UserId = $userId; Status = [KooPhone.Client.Models.InstanceLifecycleStatus]::RestoreAfterExpiryFailed
                Progress = [Nullable[KooPhone.Client.Models.PrepareProgressStatus]] 'RestoringOrOffline'; WaitingCount = [Nullable[int]] 1234567; RequestId = $requestId } }
        'KooPhone.Client.Models.KooPhoneCommandResult'    = @{ Ids = 'InstanceId'; Object = New-Sample KooPhone.Client.Models.KooPhoneCommandResult @{
                InstanceId = $instanceId; Command = 'getprop ro.build.version.release'; Status = [KooPhone.Client.Models.KooPhoneJobStatus]::Succeeded; Output = 'a long line of command output'
                ErrorCode = 'KooPhone.MalformedResponse'; ErrorMessage = 'The answer could not be read.'; RequestId = $requestId } }
        'KooPhone.Client.Models.KooPhoneApp'              = @{ Ids = 'InstanceId', 'PackageName'; Object = New-Sample KooPhone.Client.Models.KooPhoneApp @{
                InstanceId = $instanceId; PackageName = 'com.eg.android.AlipayGphone'; Version = '10.6.10.8000'; Name = 'Alipay' } }
        'KooPhone.Client.Models.KooPhoneSku'              = @{ Ids = 'SkuId', 'BandwidthSkuId'; Object = New-Sample KooPhone.Client.Models.KooPhoneSku @{
                RegionId = 'ap-southeast-1'; Type = 'PROFESSIONAL'; SkuId = 'OFFI863000000000010102'; BandwidthSkuId = 'OFFI863000000000000001'; Name = 'kp.professional.8u16g'; CalcSpec = '16 vCPUs | 32 GB' } }
        'KooPhone.Client.Models.KooPhoneOrder'            = @{ Ids = 'OrderId', 'RequestId'; Object = New-Sample KooPhone.Client.Models.KooPhoneOrder @{
                OrderId = 'CS2611261803K7QZP'; Instances = [KooPhone.Client.Models.KooPhoneInstance[]] @($longInstance); RequestId = $requestId } }
        'KooPhone.Client.Models.KooPhoneVideoSetting'     = @{ Ids = @(); Object = New-KooPhoneVideoSetting -NetworkType MobileNetwork -EncodingType H265 -CodeRate 10000, 10000, 10000 -Fps 60, 60, 60 }
        'KooPhone.Client.Models.KooPhoneDeviceToken'      = @{ Ids = 'InstanceId', 'StreamingId'; Object = New-Sample KooPhone.Client.Models.KooPhoneDeviceToken @{
                InstanceId = $instanceId; StreamingId = $streamingId; DeviceId = $jobId; SignalingUrl = "wss://signaling.cn-north-4.koophone.invalid/v1/sdk/$streamingId"; ExpiresInSeconds = '3600'; RequestId = $requestId } }
    }

    function Get-TableHeader([string] $TypeName) {
        ((Get-FormatData -TypeName $TypeName).FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] })[0].Control.Headers
    }

    # The lines of a rendered table: its header lines (before the dashes) and its rows.
    function Split-Table([string] $Text) {
        $lines = @($Text -split "`r?`n" | Where-Object { $_.Trim() })
        $dashes = [array]::FindIndex([string[]] $lines, [Predicate[string]] { param($l) $l -match '^\s*-+( +-+)*\s*$' })
        $dashes | Should -BeGreaterThan 0 -Because "a table has a header and a line of dashes:`n$Text"
        @{ Header = @($lines[0..($dashes - 1)]); Rows = @($lines | Select-Object -Skip ($dashes + 1)); All = $lines }
    }
}

AfterAll {
    Disconnect-KooPhone
    Stop-TestEmulator $emulator
    $env:TZ = $savedTz
    [TimeZoneInfo]::ClearCachedData()
}

Describe 'Default views at 80 and 120 columns' {
    It 'has a sample of <Name>' -ForEach $outputTypes {
        $samples.Keys | Should -Contain $Name -Because 'every output type is rendered below'
    }

    It '<Name> at <Width>: one header line of whole labels, nothing wider than the console, no date cut' -ForEach $cases {
        $sample = $samples[$Name]
        $text = $sample.Object | Out-String -Width $Width
        $table = Split-Table $text
        $table.All | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual $Width -Because "'$_' fits" }
        # A label wider than its column wraps onto a second header line ("ErrorCod" / "e").
        $table.Header | Should -HaveCount 1 -Because "no header wraps:`n$text"
        $headers = @(Get-TableHeader $Name)
        $words = @($headers.Label | ForEach-Object { $_ -split ' ' })
        $table.Header[0] -split '\s+' | Where-Object { $_ } | ForEach-Object { $words | Should -Contain $_ -Because "'$_' is a whole word of a label" }
        $text | Should -Not -Match '\d[-/.:]\d*…' -Because 'a date is never cut'
        # The columns that fit show; the next one goes whole rather than shrinking to a sliver,
        # because what fits takes 79 or 80 columns (or is the whole table).
        $fit = @(); $used = -1
        foreach ($header in $headers) { if ($used + 1 + $header.Width -gt $Width) { break }; $used += 1 + $header.Width; $fit += $header }
        ($fit.Count -eq $headers.Count -or $used -ge $Width - 1) | Should -BeTrue -Because "the columns that fit $Width take $used"
        ($table.Header[0] -replace '\s+', ' ').Trim() | Should -Be ($fit.Label -join ' ') -Because "no column is squeezed:`n$text"
        if ($table.Header[0] -match '\(local\)') { $table.Rows[0] | Should -Match ([regex]::Escape($localText)) }
        if ($sample.Object.PSObject.Properties['InstanceId'] -and $table.Header[0] -match 'InstanceId') {
            $table.Rows[0] | Should -Match $instanceId -Because 'the instance id is whole at 80 too'
        }
    }

    It '<Name> at 120: every column shows and the ids are whole' -ForEach $outputTypes {
        $sample = $samples[$Name]
        $table = Split-Table ($sample.Object | Out-String -Width 120)
        foreach ($label in (Get-TableHeader $Name).Label) { $table.Header[0] | Should -Match ([regex]::Escape($label)) }
        foreach ($id in $sample.Ids) { $table.Rows[0] | Should -Match ([regex]::Escape($sample.Object.$id)) -Because "$id is whole" }
    }

    It 'drops the least useful columns at 80, and the list view carries every property of <Name>' -ForEach $outputTypes {
        $sample = $samples[$Name]
        $list = $sample.Object | Format-List | Out-String -Width 80
        $properties = $sample.Object.PSObject.BaseObject.GetType().GetProperties().Name | Where-Object { $_ -ne 'IsDisposed' }
        foreach ($property in $properties) {
            $list | Should -Match "(?m)^$property\s*(\(local\)\s*)?:" -Because "Format-List shows $property"
        }
    }

    It 'the narrow table leaves out what the list carries: <Name>' -ForEach @(@{ Name = 'KooPhone.Client.Models.KooPhoneJobResult'; Gone = 'ErrorCode' }, @{ Name = 'KooPhone.Client.Models.KooPhoneInstance'; Gone = 'BackupStatus' }) {
        (Split-Table ($samples[$Name].Object | Out-String -Width 80)).Header[0] | Should -Not -Match $Gone
        (Split-Table ($samples[$Name].Object | Out-String -Width 120)).Header[0] | Should -Match $Gone
    }

    It 'New-KooPhoneVideoSetting prints one row, not one character per line' {
        $settings = foreach ($n in 'MobileNetwork', 'Wifi', 'Wired') { New-KooPhoneVideoSetting -NetworkType $n -EncodingType H264 -CodeRate 3000, 6000, 10000 -Fps 30, 30, 60 }
        $table = Split-Table ($settings | Out-String -Width 80)
        $table.Header[0] | Should -Match '^NetworkType\s+Codec\s+540p\s+720p\s+1080p$'
        $table.Rows | Should -HaveCount 3
        $table.Rows[0] | Should -Match '^MobileNetwork\s+H264\s+3000 kbit/s 30 fps\s+6000 kbit/s 30 fps\s+10000 kbit/s 60 fps$'
    }
}

Describe 'Times' {
    It 'tables and lists show the local time and say so; the object keeps UTC' {
        $table = Split-Table ($longInstance | Out-String -Width 120)
        $table.Header[0] | Should -Match 'BackupTime \(local\)'
        $table.Rows[0] | Should -Match $localText
        $longInstance | Format-List | Out-String | Should -Match "(?m)^RestoreTime \(local\)\s*: $localText"
        $longInstance.BackupTime | Should -Be $utc
        $longInstance.BackupTime.Kind | Should -Be Utc
    }

    Context 'from the emulator' {
        It 'listed backup times are UTC on the object and local on the screen' {
            $instance = Get-KooPhoneInstance | Where-Object BackupTime | Select-Object -First 1
            $instance.BackupTime.Kind | Should -Be Utc
            $expected = $instance.BackupTime.ToLocalTime().ToString('yyyy-MM-dd HH:mm:ss')
            $expected | Should -Not -Be $instance.BackupTime.ToString('yyyy-MM-dd HH:mm:ss') -Because 'the session is not in UTC'
            (Split-Table ($instance | Out-String -Width 120)).Rows[0] | Should -Match $expected
        }

        It 'a job result keeps SubmittedAt as ISO 8601 UTC text for files, and the list shows it local' {
            $ids = @((Get-KooPhoneInstance | Where-Object RunStatus -eq Running | Select-Object -First 3).InstanceId)
            $results = @($ids | Backup-KooPhoneInstance -Force -Wait)
            $result = $results[0]
            $result.SubmittedAt | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$'
            $result.CompletedAt.Kind | Should -Be Utc
            $submitted = [KooPhone.Client.Models.KooPhoneJobResult].GetProperty('SubmittedAt').GetValue($result.PSObject.BaseObject)
            $submitted.Kind | Should -Be Utc
            $list = $result | Format-List | Out-String
            $list | Should -Match "(?m)^SubmittedAt \(local\)\s*: $($submitted.ToLocalTime().ToString('yyyy-MM-dd HH:mm:ss'))"
            $list | Should -Match "(?m)^CompletedAt \(local\)\s*: $($result.CompletedAt.ToLocalTime().ToString('yyyy-MM-dd HH:mm:ss'))"
            ($results | ConvertTo-Csv | ConvertFrom-Csv)[0].SubmittedAt | Should -Be $result.SubmittedAt -Because 'files keep UTC whatever the local zone'
        }
    }
}

Describe 'Progress' {
    BeforeAll {
        # The progress records a command writes, from a shell of its own.
        function Get-ProgressRecord([string] $Script, [hashtable] $Parameters = @{}) {
            $shell = [powershell]::Create()
            try {
                $null = $shell.AddScript("param(`$Module, `$Context, `$Ids) Import-Module `$Module; $Script")
                $null = $shell.AddParameters(@{ Module = $env:KOOPHONE_TEST_MODULE; Context = $context } + $Parameters)
                $null = $shell.Invoke()
                $shell.Streams.Error | Should -BeNullOrEmpty
                @($shell.Streams.Progress)
            }
            finally { $shell.Dispose() }
        }
    }
    It 'a listing says which page it has read and how many instances, with a percentage of total_count' {
        $records = Get-ProgressRecord 'Get-KooPhoneInstance -Context $Context -ThrottleLimit 1 | Out-Null'
        $shown = @($records | Where-Object RecordType -eq Processing)
        $shown.StatusDescription | Should -Be @(
            'Page 1 of 3 read, 100 of 250 instances so far'
            'Page 2 of 3 read, 200 of 250 instances so far'
            'Page 3 of 3 read, 250 of 250 instances so far')
        $shown.PercentComplete | Should -Be @(40, 80, 100)
        $shown[0].Activity | Should -Be 'Listing instances'
        $records[-1].RecordType | Should -Be Completed
    }

    It 'a batch shows a percentage once its input has ended, never before' {
        $ids = @((Get-KooPhoneInstance -Context $context | Where-Object RunStatus -eq Running | Select-Object -First 10).InstanceId)
        $records = Get-ProgressRecord '$Ids | Backup-KooPhoneInstance -Context $Context -Force -BatchSize 2 -ThrottleLimit 1 | Out-Null' @{ Ids = $ids }
        $batch = @($records | Where-Object { $_.ActivityId -eq 1 -and $_.RecordType -eq 'Processing' })
        $during = @($batch | Where-Object StatusDescription -Match 'so far')
        $after = @($batch | Where-Object StatusDescription -NotMatch 'so far')
        $during | ForEach-Object { $_.PercentComplete | Should -Be -1 -Because 'the total is not known while ids still come in' }
        $after | Should -Not -BeNullOrEmpty
        $after | ForEach-Object { $_.PercentComplete | Should -BeIn (0..100) }
        $after[-1].StatusDescription | Should -Be '10 of 10 answered, 0 calls in flight'
        $after[-1].PercentComplete | Should -Be 100
    }

    It '-Wait shows a percentage from its first record on' {
        $ids = @((Get-KooPhoneInstance -Context $context | Where-Object RunStatus -eq Running | Select-Object -First 5).InstanceId)
        $records = Get-ProgressRecord '$Ids | Backup-KooPhoneInstance -Context $Context -Force -Wait | Out-Null' @{ Ids = $ids }
        $waiting = @($records | Where-Object { $_.ActivityId -eq 2 -and $_.RecordType -eq 'Processing' })
        $waiting.Count | Should -BeGreaterThan 1
        $waiting[0].StatusDescription | Should -Match 'Polling has started'
        $waiting[0].PercentComplete | Should -Be 0
        $waiting | ForEach-Object { $_.PercentComplete | Should -BeIn (0..100) }
        $waiting[-1].PercentComplete | Should -Be 100
    }
}

# Get-KooPhoneRun's views of a real run (issue 22, item 5). A console of 80 columns lays a table
# out in 79 (PowerShell keeps its last column free) and Out-String -Width 80 in 80, so each view is
# rendered at both, and at 119 and 120.
Describe 'Run views of a real run' {
    BeforeAll {
        # One run with two statuses and an error code: a command on running phones and on two
        # stopped ones, whose jobs fail, and on two ids the service does not know, refused with
        # KOOPHONE.API.1001 (one id a call, so they are refused alone).
        $running = @((Get-KooPhoneInstance -Context $context | Where-Object RunStatus -eq Running | Select-Object -First 12).InstanceId)
        foreach ($id in $running[0..1]) { Set-EmulatorInstanceState $emulator $id @{ running_status = 1 } }
        $null = @($running) + 'nosuch01', 'nosuch02' | Start-KooPhoneCommand -Context $context -Command ls -Wait -BatchSize 1 -ErrorAction SilentlyContinue
        $script:runSummary = Get-KooPhoneRun -Summary
        $script:listed = Get-KooPhoneRun -List | Where-Object Id -eq $runSummary.RunId
        $script:started = $listed.StartedAt.ToLocalTime().ToString('yyyy-MM-dd HH:mm:ss')
        $script:ended = $listed.EndedAt.ToLocalTime().ToString('yyyy-MM-dd HH:mm:ss')
        # The counts as the tables show them: Ids, Results, Errors, Unknown, NotSent.
        $script:counts = '14\s+12\s+2\s+0\s+0'
    }

    AfterAll { Reset-TestEmulator $emulator }

    It 'the run ended two ways and with one error code' {
        @($runSummary.ResultsByStatus | ForEach-Object ToString) | Should -Be @('Succeeded 10', 'Failed 2')
        @($runSummary.ErrorsByCode | ForEach-Object ToString) | Should -Be @('KOOPHONE.API.1001 2')
        $listed.Command | Should -Be Start-KooPhoneCommand
    }

    It '-Summary at <Width> shows the counts by status and by code, one a line, next to the counts' -ForEach @(@{ Width = 119 }, @{ Width = 120 }) {
        $text = $runSummary | Out-String -Width $Width
        $table = Split-Table $text
        $table.All | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual $Width -Because "'$_' fits" }
        $table.Header[0] | Should -Match '^Run\s+Command\s+Ids\s+Results\s+Errors\s+Unknown\s+NotSent\s+Seconds\s+ResultsByStatus\s+ErrorsByCode$'
        $table.Rows[0] | Should -Match "^$($runSummary.RunId)\s+Start-KooPhoneCommand\s+$counts\s+\d+(\.\d)?\s+Succeeded 10\s+KOOPHONE\.API\.1001 2$" -Because "the row shows every count:`n$text"
        $table.Rows[1] | Should -Match '^\s+Failed 2$' -Because "the second status is on a line of its own, under the first:`n$text"
        $table.Rows | Should -HaveCount 2
    }

    It '-Summary at <Width> keeps every count whole and leaves the counts by status and code to wider consoles and the list' -ForEach @(@{ Width = 79 }, @{ Width = 80 }) {
        $text = $runSummary | Out-String -Width $Width
        $table = Split-Table $text
        $table.All | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual $Width -Because "'$_' fits" }
        $table.Header[0] | Should -Match '^Run\s+Command\s+Ids\s+Results\s+Errors\s+Unknown\s+NotSent\s+Seconds$' -Because "no column is squeezed:`n$text"
        $table.Rows | Should -HaveCount 1
        $table.Rows[0] | Should -Match "^$($runSummary.RunId)\s+Start-KooPhoneCommand\s+$counts\s+\d+(\.\d)?$"
        $list = $runSummary | Format-List | Out-String -Width $Width
        $list | Should -Match '(?m)^ResultsByStatus\s*: \{Succeeded 10, Failed 2\}'
        $list | Should -Match '(?m)^ErrorsByCode\s*: \{KOOPHONE\.API\.1001 2\}'
    }

    It '-List at <Width> shows the whole start time after the counts' -ForEach @(@{ Width = 79 }, @{ Width = 80 }) {
        $text = $listed | Out-String -Width $Width
        $table = Split-Table $text
        $table.All | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual $Width -Because "'$_' fits" }
        $table.Header[0] | Should -Match '^Id\s+Command\s+Results\s+Errors\s+Unknown\s+NotSent\s+StartedAt \(local\)$' -Because "no column is squeezed:`n$text"
        $table.Rows[0] | Should -Match "^$($listed.Id)\s+Start-KooPhoneCommand\s+12\s+2\s+0\s+0\s+$started$" -Because "the start time is whole:`n$text"
    }

    It '-List at <Width> shows the whole start and end times' -ForEach @(@{ Width = 119 }, @{ Width = 120 }) {
        $text = $listed | Out-String -Width $Width
        $table = Split-Table $text
        $table.Header[0] | Should -Match '^Id\s+Command\s+Results\s+Errors\s+Unknown\s+NotSent\s+StartedAt \(local\)\s+EndedAt \(local\)$'
        $table.Rows[0] | Should -Match "^$($listed.Id)\s+Start-KooPhoneCommand\s+12\s+2\s+0\s+0\s+$started\s+$ended$" -Because "both times are whole:`n$text"
    }
}
