# Get-KooPhoneInstance as the fleet query: the service's filters and order on the wire, the cheaper
# of per-id queries and one listing, listings over a changing fleet, and name matching.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    $script:emulator = Start-TestEmulator -Instances 250
    $script:context = Connect-TestEmulator $emulator -PassThru

    # The ListInstances requests since the log was cleared, each query string decoded into a hashtable.
    function Get-ListQuery($Emulator = $script:emulator) {
        foreach ($entry in Get-EmulatorRequest $Emulator -Path '/v1/instances/batch-query') {
            $fields = @{}
            foreach ($pair in $entry.query.TrimStart('?').Split('&')) {
                $name, $value = $pair.Split('=', 2)
                $fields[$name] = [uri]::UnescapeDataString($value)
            }
            $fields
        }
    }
}

AfterAll {
    Stop-TestEmulator $emulator
}

Describe 'Get-KooPhoneInstance filters and order' {
    BeforeEach { Clear-EmulatorRequest $emulator }

    It 'sends -Since and -Until as UTC yyyy-MM-dd HH:mm:ss and lists the window' {
        # Seeded instances were created an hour apart from 2025-01-01 00:00 UTC (docs/emulator.md).
        $since = [datetime]::new(2025, 1, 1, 10, 0, 0, [DateTimeKind]::Utc)
        $until = [datetime]::new(2025, 1, 1, 20, 0, 0, [DateTimeKind]::Utc).ToLocalTime()

        $found = Get-KooPhoneInstance -Context $context -Since $since -Until $until

        $query = @(Get-ListQuery)[0]
        $query.query_start_time | Should -Be '2025-01-01 10:00:00'
        $query.query_end_time | Should -Be '2025-01-01 20:00:00'
        @($found.Name) | Should -Be @(11..21 | ForEach-Object { 'phone-{0:D5}' -f $_ })
    }

    It 'drops fractions of a second' {
        Get-KooPhoneInstance -Context $context -Since ([datetime]::new(2025, 1, 2, 3, 4, 5, 900, [DateTimeKind]::Utc)) | Out-Null
        @(Get-ListQuery)[0].query_start_time | Should -Be '2025-01-02 03:04:05'
    }

    It 'refuses -Until before -Since without a call' {
        { Get-KooPhoneInstance -Context $context -Since '2025-02-01' -Until '2025-01-01' } |
            Should -Throw -ErrorId 'KooPhone.InvalidTimeWindow,KooPhone.PowerShell.Cmdlets.GetKooPhoneInstanceCommand'
        Get-EmulatorRequest $emulator | Should -BeNullOrEmpty
    }

    It 'sends -Scene <Scene> as pool_scene_tag=<Wire>' -ForEach @(
        @{ Scene = 'CloudPhone'; Wire = 'CLOUD_PHONE'; Count = 250 }
        @{ Scene = 'CloudApp'; Wire = 'CLOUD_APP'; Count = 0 }
    ) {
        $found = @(Get-KooPhoneInstance -Context $context -Scene $Scene)
        @(Get-ListQuery)[0].pool_scene_tag | Should -Be $Wire
        $found | Should -HaveCount $Count
    }

    It 'sends -PoolName as pool_name' {
        $found = @(Get-KooPhoneInstance -Context $context -PoolName 'pool-2')
        @(Get-ListQuery)[0].pool_name | Should -Be 'pool-2'
        $found | Should -HaveCount 125
        @($found | Where-Object Name -like 'phone-*[13579]') | Should -HaveCount 0
    }

    It 'sends -SortBy alone as order_by alone, leaving the direction to the service' {
        $sorted = @(Get-KooPhoneInstance -Context $context -SortBy instance_id)
        foreach ($query in Get-ListQuery) {
            $query.order_by | Should -Be 'instance_id'
            $query.Keys | Should -Not -Contain 'order' -Because 'the user gave no direction and the reference documents no required one'
        }
        # The emulator's own default direction is ascending (docs/emulator.md).
        @($sorted.InstanceId) | Should -Be @($sorted.InstanceId | Sort-Object -CaseSensitive)
    }

    It 'sends order=desc with -Descending, and order=asc with -Descending:$false' {
        $descending = @(Get-KooPhoneInstance -Context $context -SortBy instance_name -Descending)
        @(Get-ListQuery)[0].order | Should -Be 'desc'
        $descending[0].Name | Should -Be 'phone-00250'
        $descending | Should -HaveCount 250

        Clear-EmulatorRequest $emulator
        $ascending = @(Get-KooPhoneInstance -Context $context -SortBy instance_name -Descending:$false)
        @(Get-ListQuery)[0].order | Should -Be 'asc'
        $ascending[0].Name | Should -Be 'phone-00001'
    }

    It 'sends no filter it was not given' {
        Get-KooPhoneInstance -Context $context | Out-Null
        foreach ($query in Get-ListQuery) {
            $query.Keys | Sort-Object | Should -Be @('page_no', 'page_size', 'x-request-id')
        }
    }

    It 'reports the service refusing a sort field' {
        { Get-KooPhoneInstance -Context $context -SortBy 'nosuch' -ErrorAction Stop } |
            Should -Throw -ErrorId 'KOOPHONE.API.1000*'
    }
}

Describe 'Times without a zone are local time, as PowerShell users mean them' {
    BeforeAll {
        # UTC+8 without daylight saving: local 03:04:05 is 19:04:05 UTC the day before.
        $script:savedTz = Set-TestTimeZone 'Asia/Shanghai'
    }

    AfterAll { Restore-TestTimeZone $savedTz }

    BeforeEach { Clear-EmulatorRequest $emulator }

    It 'runs in a zone that is not UTC' {
        [TimeZoneInfo]::Local.BaseUtcOffset | Should -Be ([timespan]'08:00:00')
    }

    It 'sends -Since and -Until without a zone as local time, in UTC' {
        Get-KooPhoneInstance -Context $context -Since ([datetime]'2025-01-02 03:04:05') -Until ([datetime]'2025-01-02 12:00:00') | Out-Null
        $query = @(Get-ListQuery)[0]
        $query.query_start_time | Should -Be '2025-01-01 19:04:05'
        $query.query_end_time | Should -Be '2025-01-02 04:00:00'
    }

    It 'sends a time with a zone as that moment: <Since>' -ForEach @(
        @{ Since = '2025-01-02T03:04:05Z'; Wire = '2025-01-02 03:04:05' }
        @{ Since = '2025-01-02T03:04:05+08:00'; Wire = '2025-01-01 19:04:05' }
        @{ Since = '2025-01-02T03:04:05-05:00'; Wire = '2025-01-02 08:04:05' }
    ) {
        Get-KooPhoneInstance -Context $context -Since $Since | Out-Null
        @(Get-ListQuery)[0].query_start_time | Should -Be $Wire
    }

    It 'lists the window a local time names' {
        # Seeded instances were created an hour apart from 2025-01-01 00:00 UTC (docs/emulator.md):
        # 18:00 to 04:00 here is 10:00 to 20:00 UTC.
        $found = Get-KooPhoneInstance -Context $context -Since ([datetime]'2025-01-01 18:00') -Until ([datetime]'2025-01-02 04:00')
        @($found.Name) | Should -Be @(11..21 | ForEach-Object { 'phone-{0:D5}' -f $_ })
    }

    It 'compares -Until with -Since as moments, the one without a zone being local' {
        # 07:00 here is 23:00 UTC the day before: before a -Since of 00:00 UTC.
        { Get-KooPhoneInstance -Context $context -Since '2025-01-02T00:00:00Z' -Until ([datetime]'2025-01-02 07:00') } |
            Should -Throw -ErrorId 'KooPhone.InvalidTimeWindow,KooPhone.PowerShell.Cmdlets.GetKooPhoneInstanceCommand'
        Get-EmulatorRequest $emulator | Should -BeNullOrEmpty
    }
}

Describe 'Get-KooPhoneInstance -InstanceId takes the cheaper way' {
    BeforeAll {
        # 1,000 instances: 10 pages of 100.
        $script:fleet = Start-TestEmulator -Instances 1000
        $script:fleetContext = Connect-TestEmulator $fleet -PassThru
        $script:all = @(Get-KooPhoneInstance -Context $fleetContext)
    }

    AfterAll { Stop-TestEmulator $fleet }

    BeforeEach { Clear-EmulatorRequest $fleet }

    It 'lists the fleet once for more ids than it has pages' {
        $ids = $all[150..179].InstanceId
        $found = @(Get-KooPhoneInstance -Context $fleetContext -InstanceId $ids)

        @($found.InstanceId | Sort-Object) | Should -Be @($ids | Sort-Object)
        $calls = @(Get-EmulatorRequest $fleet -Path '/v1/instances/batch-query')
        $calls | Should -HaveCount 10
        @($calls | Where-Object query -match 'instance_id=') | Should -HaveCount 0
    }

    It 'asks per id for fewer ids than pages, one page plus one call per id' {
        $ids = $all[500, 700, 900].InstanceId
        $found = @(Get-KooPhoneInstance -Context $fleetContext -InstanceId $ids)

        @($found.InstanceId | Sort-Object) | Should -Be @($ids | Sort-Object)
        $calls = @(Get-EmulatorRequest $fleet -Path '/v1/instances/batch-query')
        $calls | Should -HaveCount 4
        @($calls | Where-Object query -match 'instance_id=') | Should -HaveCount 3
    }

    It 'needs no per-id call for ids on the first page' {
        $found = @(Get-KooPhoneInstance -Context $fleetContext -InstanceId $all[3, 4].InstanceId)
        @($found.InstanceId) | Should -Be @($all[3, 4].InstanceId)
        Get-EmulatorRequest $fleet -Path '/v1/instances/batch-query' | Should -HaveCount 1
    }

    It 'asks for a single id by itself, without reading a page' {
        $found = @(Get-KooPhoneInstance -Context $fleetContext -InstanceId $all[3].InstanceId)
        $found.InstanceId | Should -Be $all[3].InstanceId
        $calls = @(Get-EmulatorRequest $fleet -Path '/v1/instances/batch-query')
        $calls | Should -HaveCount 1
        $calls[0].query | Should -Match 'instance_id='
    }

    It 'writes instances in the order of their ids when it lists the fleet' {
        # 30 ids spread over the ten pages out of listing order (the first is on page 4, the second
        # on page 8, the third on page 2), one that does not exist among them and one repeated.
        $ids = @(1..30 | ForEach-Object { $all[($_ * 389) % 1000].InstanceId })
        $given = @($ids[0..14]) + 'nosuch03' + @($ids[15..29]) + $ids[4]
        $found = @(Get-KooPhoneInstance -Context $fleetContext -InstanceId $given -ErrorVariable problems -ErrorAction SilentlyContinue)

        @($found.InstanceId) | Should -Be $ids
        @($problems.TargetObject) | Should -Be @('nosuch03')
        $calls = @(Get-EmulatorRequest $fleet -Path '/v1/instances/batch-query')
        $calls | Should -HaveCount 10
        @($calls | Where-Object query -match 'instance_id=') | Should -HaveCount 0
    }

    It 'writes instances in the order of their ids when it asks per id' {
        # The second id is on page 1, which is read first; every second answer after it comes late.
        $ids = $all[900, 3, 500, 700, 250].InstanceId
        Set-EmulatorFault $fleet @(@{ kind = 'latency'; delayMs = 300; every = 2; path = '/v1/instances/batch-query' })
        try {
            $found = @(Get-KooPhoneInstance -Context $fleetContext -InstanceId $ids)
        }
        finally {
            Clear-EmulatorFault $fleet
        }

        @($found.InstanceId) | Should -Be $ids
        $calls = @(Get-EmulatorRequest $fleet -Path '/v1/instances/batch-query')
        $calls | Should -HaveCount 5
        @($calls | Where-Object query -match 'instance_id=') | Should -HaveCount 4
    }

    It 'reports ids a stable listing did not find as ObjectNotFound, without asking again' {
        $ids = @($all[0..19].InstanceId) + 'nosuch01', 'nosuch02'
        $found = @(Get-KooPhoneInstance -Context $fleetContext -InstanceId $ids -ErrorVariable problems -ErrorAction SilentlyContinue)

        $found | Should -HaveCount 20
        @($problems.TargetObject | Sort-Object) | Should -Be @('nosuch01', 'nosuch02')
        $problems | ForEach-Object { $_.CategoryInfo.Category | Should -Be 'ObjectNotFound' }
        Get-EmulatorRequest $fleet -Path '/v1/instances/batch-query' | Should -HaveCount 10
    }
}

Describe 'Listing while the fleet changes' {
    BeforeAll {
        $script:churning = Start-TestEmulator -Instances 250
        $script:churnContext = Connect-TestEmulator $churning -PassThru
    }

    AfterAll { Stop-TestEmulator $churning }

    BeforeEach { Reset-TestEmulator $churning }

    It 'finds instances that deletions shift onto pages already read' {
        $before = @(Get-KooPhoneInstance -Context $churnContext)
        $doomed = $before[1..5].InstanceId
        $deleted = $false
        Clear-EmulatorRequest $churning

        # Deleting five instances of page 1 while it is written moves five others from page 2 onto it.
        $listed = @(Get-KooPhoneInstance -Context $churnContext -ThrottleLimit 1 -WarningVariable warnings | ForEach-Object {
                if (-not $deleted) {
                    $deleted = $true
                    Remove-KooPhoneInstance -Context $churnContext -InstanceId $doomed -Force | Out-Null
                }
                $_
            })

        $after = @(Get-KooPhoneInstance -Context $churnContext)
        $after | Should -HaveCount 245
        @($listed.InstanceId | Sort-Object -Unique) | Should -HaveCount $listed.Count
        $missing = @($after.InstanceId | Where-Object { $_ -notin $listed.InstanceId })
        $missing | Should -BeNullOrEmpty
        $warnings | Should -BeNullOrEmpty
        # Read twice: the total moved during the first reading and stood still during the second.
        @(Get-ListQuery -Emulator $churning | Where-Object { $_.page_no -eq '1' }) | Should -HaveCount 3
    }

    It 'writes each instance once when creations shift listed ones onto later pages' {
        $sku = Get-KooPhoneSku -Context $churnContext | Where-Object RegionId -eq 'cn-north-4' | Select-Object -First 1
        $created = $false
        $listed = @(Get-KooPhoneInstance -Context $churnContext -Descending -ThrottleLimit 1 -WarningVariable warnings | ForEach-Object {
                if (-not $created) {
                    $created = $true
                    New-KooPhoneInstance -Context $churnContext -InstanceSkuId $sku.SkuId -BandwidthSkuId $sku.BandwidthSkuId -RegionId 'cn-north-4' -Os AOSP11 `
                        -NamePrefix 'late' -Count 5 -Bandwidth $sku.BandSizes[0] -Months 1 -AutoPay -Force | Out-Null
                }
                $_
            })

        @($listed.InstanceId | Sort-Object -Unique) | Should -HaveCount $listed.Count
        $after = @(Get-KooPhoneInstance -Context $churnContext)
        $after | Should -HaveCount 255
        @($after.InstanceId | Where-Object { $_ -notin $listed.InstanceId }) | Should -BeNullOrEmpty
        $warnings | Should -BeNullOrEmpty
    }

    It 'warns how many may be missing when the fleet keeps changing' {
        Set-EmulatorOption $churning @{ listingChurn = -1 } | Out-Null
        Clear-EmulatorRequest $churning

        $listed = @(Get-KooPhoneInstance -Context $churnContext -ThrottleLimit 1 -WarningVariable warnings -WarningAction SilentlyContinue)

        @($listed.InstanceId | Sort-Object -Unique) | Should -HaveCount $listed.Count
        $warnings | Should -HaveCount 1
        # Three pages per reading and one deletion before each page: the total moved by 2 in the last reading.
        $warnings[0].Message | Should -Match 'through 3 readings: up to 2 instance\(s\) may be missing'
        @(Get-ListQuery -Emulator $churning | Where-Object { $_.page_no -eq '1' }) | Should -HaveCount 3
    }

    It 'stays quiet when the fleet stands still' {
        Get-KooPhoneInstance -Context $churnContext -WarningVariable warnings | Should -HaveCount 250
        $warnings | Should -BeNullOrEmpty
    }
}

Describe 'Name matching' {
    BeforeEach { Clear-EmulatorRequest $emulator }

    It 'finds <Name> in any case, listing the fleet' -ForEach @(
        @{ Name = 'PHONE-00001' }, @{ Name = 'Phone-0000[1]' }, @{ Name = 'phone-00001' }
    ) {
        $found = @(Get-KooPhoneInstance -Context $context -Name $Name)
        $found | Should -HaveCount 1
        $found[0].Name | Should -Be 'phone-00001'
        @(Get-ListQuery | Where-Object { $_.ContainsKey('instance_name') }) | Should -HaveCount 0
    }

    It 'uses the service filter for an exact name without letters' {
        $sku = Get-KooPhoneSku -Context $context | Where-Object RegionId -eq 'cn-north-4' | Select-Object -First 1
        New-KooPhoneInstance -Context $context -InstanceSkuId $sku.SkuId -BandwidthSkuId $sku.BandwidthSkuId -RegionId 'cn-north-4' -Os AOSP11 `
            -NamePrefix '2024' -Count 2 -Bandwidth $sku.BandSizes[0] -Months 1 -AutoPay -Force | Out-Null
        Clear-EmulatorRequest $emulator

        $found = @(Get-KooPhoneInstance -Context $context -Name '2024-2')

        $found.Name | Should -Be '2024-2'
        $queries = @(Get-ListQuery)
        $queries | Should -HaveCount 1
        $queries[0].instance_name | Should -Be '2024-2'
    }

    It 'writes ObjectNotFound for an exact name that matches nothing, and goes on' {
        $found = @(Get-KooPhoneInstance -Context $context -Name 'nosuch-phone', 'PHONE-00002' -ErrorVariable problems -ErrorAction SilentlyContinue)

        $found.Name | Should -Be 'phone-00002'
        $problems | Should -HaveCount 1
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KooPhone.InstanceNameNotFound,*'
        $problems[0].TargetObject | Should -Be 'nosuch-phone'
    }

    It 'writes nothing and no error for a wildcard that matches nothing' {
        $found = @(Get-KooPhoneInstance -Context $context -Name 'nosuch-*' -ErrorVariable problems)
        $found | Should -BeNullOrEmpty
        $problems | Should -BeNullOrEmpty
    }
}
