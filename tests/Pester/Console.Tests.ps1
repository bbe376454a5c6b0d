# What a person reads and does at the console: -Verbose retry notes, one-line errors, the run
# summary, Connect-KooPhone's failures, and named contexts across runspaces and jobs.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    $script:emulator = Start-TestEmulator -Instances 150
    $script:other = Start-TestEmulator -Instances 7 -Token 'other-tenant-token'
    $script:token = ConvertTo-SecureString $emulator.Token -AsPlainText -Force
    $script:otherToken = ConvertTo-SecureString $other.Token -AsPlainText -Force
    # Connect-KooPhone in this file replaces the default, so every call that is not about the
    # default passes -Context.
    $script:context = Connect-KooPhone -Endpoint $emulator.Url -Token $token -Timeout 1 -PassThru
    $script:ids = @((Get-KooPhoneInstance -Context $context).InstanceId)
    $script:variables = 'KOOPHONE_TOKEN', 'KOOPHONE_ENDPOINT', 'HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_PROJECT_ID'
    $script:savedEnvironment = @{}
    foreach ($name in $variables) { $savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name) }

    function Get-ClosedPort {
        # A port that was free a moment ago: nothing listens, so a connection is refused.
        $listener = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
        $listener.Start()
        $port = $listener.LocalEndpoint.Port
        $listener.Stop()
        $port
    }

    function Get-VerboseText([object[]] $Records) {
        @($Records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message) -join "`n"
    }

    function Get-RunSummaryRecord([object[]] $Information) {
        @($Information | Where-Object { $_.Tags -contains 'KooPhone.RunSummary' })
    }
}

AfterAll {
    foreach ($name in $variables) { [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name]) }
    Disconnect-KooPhone
    Stop-TestEmulator $emulator
    Stop-TestEmulator $other
}

Describe 'Retry notes in -Verbose' {
    BeforeEach { Clear-EmulatorFault $emulator }
    AfterEach { Clear-EmulatorFault $emulator }

    It 'say which attempt of how many comes, when, and after what, in words' {
        # A read, so every kind is retried: a 503, then no answer within the 1 s attempt timeout, then a dropped connection.
        Set-EmulatorFault $emulator @(
            @{ kind = 'status'; status = 503; retryAfter = '0'; times = 1; path = '/v1/instances/batch-query-status' }
            @{ kind = 'hang'; times = 1; path = '/v1/instances/batch-query-status' }
            @{ kind = 'drop'; times = 1; path = '/v1/instances/batch-query-status' }
        )
        $records = @($ids[0] | Get-KooPhoneInstanceStatus -Context $context -Verbose 4>&1)
        $text = Get-VerboseText $records

        @($records | Where-Object InstanceId -eq $ids[0]) | Should -HaveCount 1
        $text | Should -Match 'attempt 2 of 6 in \d+\.\d s, after HTTP 503 \(the service is unavailable\)'
        $text | Should -Match 'attempt 3 of 6 in \d+\.\d s, after a timeout of 1 s'
        $text | Should -Match 'attempt 4 of 6 in \d+\.\d s, after a connection failure after the request was sent \(connection (reset|dropped before the answer was complete)\)'
        $text | Should -Match 'failed in \d+ ms: no answer in time'
        $text | Should -Not -Match 'Exception|Polly|Cancel|System\.'
    }

    It 'say that throttled attempts do not count against the attempts' {
        Set-EmulatorFault $emulator @(@{ kind = 'status'; status = 429; retryAfter = '0'; times = 1; path = '/v1/instances/batch-query-status' })
        $text = Get-VerboseText @($ids[0] | Get-KooPhoneInstanceStatus -Context $context -Verbose 4>&1)
        $text | Should -Match 'attempt 2 in \d+\.\d s, after throttling \(HTTP 429\); throttled 1 time so far; throttled attempts do not count against the 6 attempts'
    }
}

Describe 'Errors of ids' {
    BeforeEach { Clear-EmulatorFault $emulator }
    AfterEach { Clear-EmulatorFault $emulator }

    It 'are one line naming the id, the code and what to do' {
        $null = 'nosuch01', $ids[0] | Get-KooPhoneInstanceStatus -Context $context -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems | Should -HaveCount 1
        $line = $problems[0].ToString()
        $line | Should -Not -Match '[\r\n]'
        $line | Should -Match "^Status of 'nosuch01' failed with KOOPHONE\.API\.1001: .+ \(BatchShowInstance, HTTP \d{3}, request id [0-9a-f-]{36}\)\. "
        $problems[0].ErrorDetails.RecommendedAction | Should -Match 'Get-KooPhoneInstance'
        $line | Should -BeLike ('*. ' + $problems[0].ErrorDetails.RecommendedAction)
    }

    It 'name the connection failure in words, not exception types' {
        $once = Connect-KooPhone -Endpoint $emulator.Url -Token $token -MaxRetryCount 0 -PassThru
        Set-EmulatorFault $emulator @(@{ kind = 'drop'; path = '/v1/instances/batch-query-status' })
        $null = $ids[0] | Get-KooPhoneInstanceStatus -Context $once -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems | Should -HaveCount 1
        $line = $problems[0].ToString()
        $line | Should -Not -Match '[\r\n]'
        $line | Should -Match "^Status of '$($ids[0])' failed with KooPhone\.ConnectionError: BatchShowInstance got no answer: connection (reset|dropped before the answer was complete) \(request id [0-9a-f-]{36}, 1 attempt\)\. Check the endpoint"
        $line | Should -Not -Match 'Exception|instances that failed'
    }
}

Describe 'Run summary' {
    BeforeEach { Clear-EmulatorFault $emulator }

    It 'counts results by status and names few culprits by code, in the information stream and on the run record' {
        $tooLong = 'x' * 40
        $given = @($ids[0..7]) + 'nosuch01', 'nosuch02', $tooLong + @($ids[0..1])
        $null = $given | Get-KooPhoneInstanceStatus -Context $context -ErrorAction SilentlyContinue -InformationVariable information

        $records = Get-RunSummaryRecord $information
        $records | Should -HaveCount 1
        $records[0].Tags | Should -Not -Contain 'PSHOST' -Because 'a test run is no console a person watches'
        $summary = $records[0].MessageData
        $summary.Command | Should -Be 'Get-KooPhoneInstanceStatus'
        $summary.Ids | Should -Be 11 -Because 'the repeated ids are taken once'
        $summary.Results | Should -Be 8
        $summary.ResultsByStatus[0].Name | Should -Be 'Done'
        $summary.Errors | Should -Be 3
        $byCode = @{}
        foreach ($count in $summary.ErrorsByCode) { $byCode[$count.Name] = $count }
        $byCode['KOOPHONE.API.1001'].Count | Should -Be 2
        @($byCode['KOOPHONE.API.1001'].Ids | Sort-Object) | Should -Be @('nosuch01', 'nosuch02')
        $byCode['KooPhone.InvalidInstanceId'].Ids | Should -Be @($tooLong)
        $summary.Unknown | Should -Be 0
        $summary.NotSent | Should -Be 0
        $summary.Calls | Should -BeGreaterThan 0
        $summary.Attempts | Should -BeGreaterOrEqual $summary.Calls
        $summary.Duration | Should -BeGreaterThan ([timespan]::Zero)
        $summary.ToString() | Should -Match 'KOOPHONE\.API\.1001 2: nosuch0[12], nosuch0[12]'

        $kept = Get-KooPhoneRun -Summary
        $kept.RunId | Should -Be $summary.RunId
        $kept.Errors | Should -Be 3
        $kept.Calls | Should -Be $summary.Calls
        (Get-KooPhoneRun -List)[-1].Summary.Results | Should -Be 8
    }

    It 'counts results followed with -Wait by the status they ended with, not the one they were submitted with' {
        $results = @($ids[0..9] | Backup-KooPhoneInstance -Context $context -Force -Wait -TimeoutSeconds 60 -ErrorAction SilentlyContinue -InformationVariable information)

        $summary = (Get-RunSummaryRecord $information)[0].MessageData
        $results.Count | Should -BeGreaterThan 0
        $summary.Results | Should -Be $results.Count
        $written = @{}
        foreach ($result in $results) { $written["$($result.Status)"] = 1 + [int] $written["$($result.Status)"] }
        @($summary.ResultsByStatus | ForEach-Object { "$($_.Name) $($_.Count)" } | Sort-Object) |
            Should -Be @($written.Keys | ForEach-Object { "$_ $($written[$_])" } | Sort-Object) -Because 'the summary says what the wait wrote'
        $summary.ResultsByStatus.Name | Should -Not -Contain 'Submitted'
        $summary.ResultsByStatus.Name | Should -Not -Contain 'Waiting'
        (Get-KooPhoneRun -Summary).ResultsByStatus.Name | Should -Be @($summary.ResultsByStatus.Name)
        $record = @(Get-KooPhoneRun -Last | Where-Object Outcome -eq Result)
        @($record.Status | Sort-Object) | Should -Be @($results | ForEach-Object { "$($_.Status)" } | Sort-Object) -Because 'the record ends with the status the wait wrote'
        $again = @($record | Wait-KooPhoneTask -Context $context -TimeoutSeconds 60)
        @($again | ForEach-Object { "$($_.InstanceId) $($_.Status)" } | Sort-Object) | Should -Be @($results | ForEach-Object { "$($_.InstanceId) $($_.Status)" } | Sort-Object) -Because 'Wait-KooPhoneTask still resumes from the record'
    }

    It 'counts many culprits without naming them, and stays quiet for a large run here too' {
        $given = @($ids[0..119]) + @(1..7 | ForEach-Object { 'nosuch{0:D2}' -f $_ })
        $null = $given | Get-KooPhoneInstanceStatus -Context $context -ErrorAction SilentlyContinue -InformationVariable information

        $record = (Get-RunSummaryRecord $information)[0]
        $record.Tags | Should -Be @('KooPhone.RunSummary')
        $summary = $record.MessageData
        $summary.IsLarge | Should -BeTrue
        $summary.ErrorsByCode[0].Count | Should -Be 7
        $summary.ErrorsByCode[0].Ids | Should -BeNullOrEmpty -Because 'more than five are counted, and the run record lists them'
        $summary.ToString() | Should -Match "Get-KooPhoneRun -Id $($summary.RunId) -Outcome Error, Unknown, NotSent"
    }

    It 'sums up a run stopped at its first error with its successes, the culprit and the NotSent ids' {
        # Remove-KooPhoneInstance takes every id before it sends any, so what a stop leaves unsent
        # does not depend on timing. One call at a time; the first pay-per-use phone among the
        # seeded ones (KOOPHONE.API.5001: it cannot be deleted) is the culprit that stops the run.
        $given = @($ids[0..40])
        $caught = $null
        $written = 0
        try { $given | Remove-KooPhoneInstance -Context $context -Force -BatchSize 5 -ThrottleLimit 1 -ErrorAction Stop -InformationVariable information | ForEach-Object { $written++ } }
        catch { $caught = $_ }
        finally { Reset-TestEmulator $emulator }

        $caught | Should -Not -BeNullOrEmpty
        $summary = (Get-RunSummaryRecord $information)[0].MessageData
        $entries = @(Get-KooPhoneRun -Last)
        $written | Should -BeGreaterThan 0
        $summary.Results | Should -Be $written
        $summary.ResultsByStatus[0].Name | Should -Be 'Accepted'
        $summary.Errors | Should -Be 1
        $summary.ErrorsByCode[0].Name | Should -Be 'KOOPHONE.API.5001'
        "$caught" | Should -Match ([regex]::Escape("Delete of '$($summary.ErrorsByCode[0].Ids[0])' failed with KOOPHONE.API.5001"))
        $notSent = @($entries | Where-Object Outcome -eq NotSent)
        $notSent.Count | Should -BeGreaterThan 5 -Because 'the ids after the culprit''s call were taken and never sent'
        $summary.NotSent | Should -Be $notSent.Count
        $summary.NotSentIds | Should -BeNullOrEmpty -Because 'more than five are counted, and the run record lists them'
        $summary.Ids | Should -Be $entries.Count
        $summary.Ids | Should -Be 41
        $summary.Finished | Should -BeTrue
        $summary.ToString() | Should -Match "NotSent: $($notSent.Count)"
    }
}

Describe 'Connect-KooPhone failing' {
    It 'makes one attempt and one clear error when the port is closed' {
        $port = Get-ClosedPort
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $problems = @()
        $records = @(try { Connect-KooPhone -Endpoint "http://127.0.0.1:$port" -Token $token -Verbose 4>&1 } catch { $problems += $_ })
        $clock.Stop()

        $clock.Elapsed.TotalSeconds | Should -BeLessThan 3 -Because 'a refused connection is not retried with back-off'
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KooPhone.ConnectionError*'
        $problems[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $problems[0].ToString() | Should -BeLike "Cannot reach http://127.0.0.1:$port/: connection refused. Check the address (-Endpoint, default https://koophone.myhuaweicloud.com/), the network*"
        $problems[0].ToString() | Should -Not -Match 'KOOPHONE_ENDPOINT' -Because 'Connect-KooPhone does not read it'
        $problems[0].ToString() | Should -Not -Match 'instances|ids that failed'
        $problems[0].Exception.Attempts | Should -Be 1
        $attempts = @((Get-VerboseText $records) -split "`n" | Where-Object { $_ -match 'failed in \d+ ms' })
        $attempts | Should -HaveCount 1
    }

    It 'makes one attempt and one clear error when the host is unknown' {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $problems = @(try { Connect-KooPhone -Endpoint 'https://nosuchhost.invalid' -Token $token } catch { $_ })
        $clock.Stop()

        $problems | Should -HaveCount 1
        $problems[0].ToString() | Should -BeLike 'Cannot reach https://nosuchhost.invalid/: host not found.*'
        $problems[0].Exception.Attempts | Should -Be 1
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
    }

    It 'makes one attempt at an IAM endpoint that refuses, and names -IamEndpoint' {
        $port = Get-ClosedPort
        $credential = [pscredential]::new('emulator-user', (ConvertTo-SecureString 'emulator-password' -AsPlainText -Force))
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $problems = @()
        $records = @(try { Connect-KooPhone -Endpoint $emulator.Url -IamEndpoint "http://127.0.0.1:$port" -Credential $credential -DomainName 'emulator-domain' -Verbose 4>&1 } catch { $problems += $_ })
        $clock.Stop()

        $clock.Elapsed.TotalSeconds | Should -BeLessThan 3
        $problems | Should -HaveCount 1
        $problems[0].ToString() | Should -BeLike "Cannot reach http://127.0.0.1:$port/: connection refused. Check the IAM address (-IamEndpoint*"
        @((Get-VerboseText $records) -split "`n" | Where-Object { $_ -match 'failed in \d+ ms' }) | Should -HaveCount 1
    }
}

Describe 'No connection' {
    BeforeEach {
        foreach ($name in $variables) { [Environment]::SetEnvironmentVariable($name, $null) }
        Disconnect-KooPhone
    }

    It 'names every way to connect, the access-key variables included' {
        $failure = { Get-KooPhoneInstance -ErrorAction Stop } | Should -Throw -ErrorId 'KooPhone.NotConnected*' -PassThru
        $text = $failure.ToString()
        $text | Should -Not -Match '[\r\n]'
        foreach ($way in 'Connect-KooPhone', '-Token', '-Credential', '-DomainName', '-AccessKey', '-SecretKey', '-ProjectId',
            'KOOPHONE_TOKEN', 'KOOPHONE_ENDPOINT', 'HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_PROJECT_ID', 'HUAWEICLOUD_SDK_REGION') {
            $text | Should -Match ([regex]::Escape($way))
        }
    }
}

Describe 'Contexts' {
    BeforeEach {
        foreach ($name in $variables) { [Environment]::SetEnvironmentVariable($name, $null) }
        foreach ($known in Get-KooPhoneContext -ListAvailable) { Disconnect-KooPhone -Context $known }
    }

    It 'are named at Connect, by default host/project/account, and listed with the default marked' {
        $unnamed = Connect-KooPhone -Endpoint $emulator.Url -Token $token -PassThru
        # The project is the token's, as IAM names it (0123… is the emulator's).
        $unnamed.Name | Should -Be "127.0.0.1:$(([uri]$emulator.Url).Port)/0123456789abcdef0123456789abcdef/Token"
        $unnamed.ToString() | Should -Be $unnamed.Name
        Connect-KooPhone -Name lab -Endpoint $other.Url -Token $otherToken

        $listed = @(Get-KooPhoneContext -ListAvailable)
        $listed.Name | Should -Be @($unnamed.Name, 'lab')
        @($listed | Where-Object IsDefault).Name | Should -Be 'lab'
        ($listed | Format-Table | Out-String) | Should -Match 'lab'
        (Get-KooPhoneContext -Name 'la*').Name | Should -Be 'lab'
    }

    It 'select the default by name, and -Context takes a name' {
        Connect-KooPhone -Name prod -Endpoint $emulator.Url -Token $token
        Connect-KooPhone -Name lab -Endpoint $other.Url -Token $otherToken
        @(Get-KooPhoneInstance) | Should -HaveCount 7

        Select-KooPhoneContext prod
        (Get-KooPhoneContext).Name | Should -Be 'prod'
        @(Get-KooPhoneInstance) | Should -HaveCount 150
        @(Get-KooPhoneInstance -Context lab) | Should -HaveCount 7
        (Get-KooPhoneContext -ListAvailable | Where-Object Name -eq lab | Select-KooPhoneContext -PassThru).Name | Should -Be 'lab'
        @(Get-KooPhoneInstance) | Should -HaveCount 7
    }

    It 'replace a connection of the same name, and refuse an unknown name clearly' {
        Connect-KooPhone -Name lab -Endpoint $emulator.Url -Token $token
        Connect-KooPhone -Name lab -Endpoint $other.Url -Token $otherToken
        @(Get-KooPhoneContext -ListAvailable) | Should -HaveCount 1
        { Select-KooPhoneContext nosuch -ErrorAction Stop } | Should -Throw -ErrorId 'KooPhone.ContextNotFound*'
        $bound = { Get-KooPhoneInstance -Context nosuch } | Should -Throw -PassThru
        "$bound" | Should -Match "no KooPhone context named 'nosuch'.*-ListAvailable"
    }

    It 'leave no default when the default is disconnected, and drop out of the list' {
        Connect-KooPhone -Name prod -Endpoint $emulator.Url -Token $token
        Connect-KooPhone -Name lab -Endpoint $other.Url -Token $otherToken
        Disconnect-KooPhone -Context lab
        (Get-KooPhoneContext -ListAvailable).Name | Should -Be 'prod'
        Get-KooPhoneContext | Should -BeNullOrEmpty -Because 'no script moves to another tenant unasked'
    }

    It 'work from Start-ThreadJob, passed or as the default' {
        $lab = Connect-KooPhone -Name lab -Endpoint $other.Url -Token $otherToken -PassThru
        Connect-KooPhone -Name prod -Endpoint $emulator.Url -Token $token
        $counts = Start-ThreadJob -ArgumentList $env:KOOPHONE_TEST_MODULE, $lab {
            param($module, $given)
            Import-Module $module
            @(Get-KooPhoneInstance -Context $given).Count
            @(Get-KooPhoneInstance).Count
        } | Receive-Job -Wait -AutoRemoveJob
        $counts | Should -Be @(7, 150)
    }

    It 'work from ForEach-Object -Parallel, passed with $using: or as the default' {
        $lab = Connect-KooPhone -Name lab -Endpoint $other.Url -Token $otherToken -PassThru
        Connect-KooPhone -Name prod -Endpoint $emulator.Url -Token $token
        $module = $env:KOOPHONE_TEST_MODULE
        $counts = 1..2 | ForEach-Object -ThrottleLimit 2 -Parallel {
            Import-Module $using:module
            '{0}:{1}' -f @(Get-KooPhoneInstance -Context $using:lab).Count, @(Get-KooPhoneInstance).Count
        }
        $counts | Should -Be @('7:150', '7:150')
    }

    It 'give Start-Job a clear error, and never carry the token through serialization' {
        $lab = Connect-KooPhone -Name lab -Endpoint $other.Url -Token $otherToken -PassThru
        $serialized = [System.Management.Automation.PSSerializer]::Serialize($lab, 5)
        $serialized | Should -Not -Match ([regex]::Escape($other.Token))
        $serialized | Should -Match 'lab'

        $job = Start-Job -ArgumentList $env:KOOPHONE_TEST_MODULE, $lab {
            param($module, $given)
            Import-Module $module
            Get-KooPhoneInstance -Context $given
        }
        $output = @($job | Wait-Job -Timeout 120 | Receive-Job -ErrorAction Continue 2>&1)
        $job | Remove-Job -Force
        $text = ($output | ForEach-Object { "$_" }) -join "`n"
        $text | Should -Match "KooPhone context 'lab' came through serialization"
        $text | Should -Match 'Start-ThreadJob'
        $text | Should -Match 'HUAWEICLOUD_SDK_AK'
        $text | Should -Not -Match 'Cannot convert'
        $text | Should -Not -Match ([regex]::Escape($other.Token))
    }
}
