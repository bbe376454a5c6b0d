# Every example in the help of every cmdlet runs against the emulator, as written, with only what
# ties it to a real account swapped for the emulator's: Connect-KooPhone is given the emulator's
# address (-Endpoint, and -IamEndpoint for a password login), the example instance and task ids
# become ones the emulator has, and the variables and files an example assumes exist. An example
# passes when it runs to its end without an error record, and when it changed no more phones
# than a small named set (issue 22, item 6): an example is copied and run as shown, so one that
# acts on the whole fleet acts on a real one.
BeforeDiscovery {
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    $script:examples = foreach ($command in Get-Command -Module KooPhone | Sort-Object Name) {
        $index = 0
        foreach ($example in (Get-Help $command.Name -Full).examples.example) {
            $index++
            @{ Name = $command.Name; Index = $index; Code = (@($example.code) -join "`n").Trim() }
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force

    # The examples' account: domain acme (Connect-KooPhone -Credential … -DomainName acme). Jobs and restarts take
    # 1.5 s: long enough for Restart -Wait to see a restart (a quicker one is never claimed), short for -Wait.
    $script:emulator = Start-TestEmulator -Instances 12 -JobDelayMs 1500 -ExtraArguments @('--iam-domain', 'acme')
    $script:context = Connect-KooPhone -Endpoint $emulator.Url -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force) -PassThru
    $script:folder = Join-Path ([IO.Path]::GetTempPath()) "koophone-examples-$PID"
    $null = New-Item -ItemType Directory -Force $folder

    # What the examples assume, defined in the runspace each example runs in.
    # ($EmulatorUrl and $EmulatorToken come in as variables; the examples' own $url and $token are theirs.)
    $script:prelude = @'
Set-Location $Folder
function Read-Host { ConvertTo-SecureString $EmulatorToken -AsPlainText -Force }
function Get-Credential { [pscredential]::new('emulator-user', (ConvertTo-SecureString 'emulator-password' -AsPlainText -Force)) }
$token = $tokenB = ConvertTo-SecureString $EmulatorToken -AsPlainText -Force
$prodCred = Get-Credential
$ak = 'emulator-ak'
$sk = ConvertTo-SecureString 'emulator-sk' -AsPlainText -Force
$prodProject = '0123456789abcdef0123456789abcdef'
$labToken = $token
# Named connections the examples refer to ('prod', 'lab'); the default is connected last, below.
$null = Connect-KooPhone -Name prod -Endpoint $EmulatorUrl -Token $token
$null = Connect-KooPhone -Name lab -Endpoint $EmulatorUrl -Token $token
$user = $teacher = '1008600000104285462'
$url = 'https://bucket.obs.cn-north-4.myhuaweicloud.com/app.apk'
$md5 = '9e107d9d372bb6826bd81d3542a419d6'
$sku = Get-KooPhoneSku -RegionId cn-north-4 | Select-Object -First 1
$id = $sku.SkuId
$band = $sku.BandwidthSkuId
$env:AK = 'emulator-ak'
$env:SK = 'emulator-sk'
$null = Connect-KooPhone -Endpoint $EmulatorUrl -Token $token
'@

    # Makes an example runnable here; see the file's first comment.
    function ConvertTo-Runnable([string] $Code, [hashtable] $Ids) {
        $lines = foreach ($line in $Code -split "`n") {
            if ($line -cmatch '(?<![\w-])Connect-KooPhone' -and $line -notmatch '-Endpoint') {
                $extra = if ($line -match '-Credential|-AccessKey') { ' -Endpoint $EmulatorUrl -IamEndpoint $EmulatorUrl' } else { ' -Endpoint $EmulatorUrl' }
                $line = $line -creplace '(?<![\w-])Connect-KooPhone', "Connect-KooPhone$extra"
            }
            $line -replace 'http://127\.0\.0\.1:5080', '$EmulatorUrl'
        }
        $runnable = $lines -join "`n"
        foreach ($pair in $Ids.GetEnumerator()) { $runnable = $runnable.Replace($pair.Key, $pair.Value) }
        $runnable
    }

    # The most phones an example may change: the largest set the fixture below names, ids.txt's
    # three ('lab-*', 'shop-*', 'old-*', 'class-*' and assignments.csv are two phones each, the
    # example ids a44uhlf7 and efjy72gs two of 'lab-*'). Any set an example names is one of these,
    # so more than three changed means the example reached past what it named: the whole fleet
    # (20 phones), or the part of it a filter such as "Where-Object RunStatus -eq Running" let through.
    $script:namedSetMost = 3

    # The fleet an example starts from: the seeded phones plus two of each name the examples use.
    # Returns the example ids to swap for the emulator's, the size of the fleet and its named phones.
    function Initialize-Fleet {
        Reset-TestEmulator $emulator
        foreach ($prefix in 'shop', 'lab', 'old', 'class') {
            $null = New-KooPhoneInstance -Context $context -InstanceSkuId OFFI863000000000010101 -BandwidthSkuId OFFI863000000000000001 -RegionId cn-north-4 -Os AOSP11 `
                -NamePrefix $prefix -Count 2 -Bandwidth 2 -Months 1 -AutoPay -Force
        }
        $fleet = @(Get-KooPhoneInstance -Context $context)
        $fleet[0..2].InstanceId | Set-Content (Join-Path $folder 'ids.txt')
        # Every assigned phone is logged in (half the seeded ones), so a filter on the whole fleet
        # such as "Where-Object IsLoggedIn" lets through more phones than a named set holds.
        foreach ($phone in $fleet | Where-Object IsAssigned) { Set-EmulatorInstanceState $emulator $phone.InstanceId @{ login_status = 1 } }
        # Ordered phones are unassigned, so they can be granted.
        $free = @($fleet | Where-Object Name -like 'shop-*')
        $free | ForEach-Object { [pscustomobject]@{ UserId = '1008600000104285462'; InstanceId = $_.InstanceId } } |
            Export-Csv (Join-Path $folder 'assignments.csv') -NoTypeInformation
        $task = @($fleet[-1].InstanceId | Start-KooPhoneCommand -Context $context -Command ls)
        $task | Export-Csv (Join-Path $folder 'submitted.csv') -NoTypeInformation
        $lab = @($fleet | Where-Object Name -like 'lab-*')
        # What the fixture did is not the example's doing.
        Clear-EmulatorAction $emulator
        @{
            Ids   = @{ 'a44uhlf7' = $lab[0].InstanceId; 'efjy72gs' = $lab[1].InstanceId; '6837531fd3f54550927b930180a706bf' = $task[0].TaskId }
            Size  = $fleet.Count
            # The phones of the sets named above, which are all an example may change.
            Named = @(@($fleet | Where-Object Name -Match '^(shop|lab|old|class)-').InstanceId + $fleet[0..2].InstanceId)
        }
    }

    # The phones the emulator changed since the fixture: its action log holds every state-changing
    # operation it carried out (backup, reboot, reset, delete, assign, unassign, prepare, install,
    # video settings, commands, stopping sessions and streams) with the instances it acted on; an
    # order names none, and reads are not in it.
    function Get-ChangedInstance {
        Wait-EmulatorIdle $emulator
        @(Get-EmulatorAction $emulator | Where-Object instance_id | ForEach-Object instance_id | Sort-Object -Unique)
    }
}

AfterAll {
    Stop-TestEmulator $emulator
    Remove-Item -Recurse -Force $folder -ErrorAction SilentlyContinue
}

Describe 'Help examples' {
    It 'has examples to run' {
        $examples.Count | Should -BeGreaterThan 50
    }

    It '<Name> example <Index> runs against the emulator and changes no more than a small named set' -ForEach $examples {
        $fleet = Initialize-Fleet
        $runnable = ConvertTo-Runnable $Code $fleet.Ids
        # The host answers Yes to any prompt (-Confirm) and keeps what is written to it (What if: lines).
        $variables = @{ EmulatorUrl = $emulator.Url; EmulatorToken = $emulator.Token; Folder = $folder }
        $errors = try { @((Invoke-InTestHost -Command ($prelude + "`n" + $runnable) -Variables $variables -Answer 'Yes').Errors | ForEach-Object { "$_" }) }
        catch { @("$($_.Exception.InnerException ?? $_.Exception)") }

        $errors | Should -BeNullOrEmpty -Because "the example`n$Code`nran here as`n$runnable"
        $changed = @(Get-ChangedInstance)
        $changed.Count | Should -BeLessThan $fleet.Size -Because "the example`n$Code`nchanged the whole fleet"
        $changed.Count | Should -BeLessOrEqual $namedSetMost -Because "an example that changes state acts on a small named set or uses -WhatIf; the example`n$Code`nchanged $($changed.Count) of the $($fleet.Size) phones"
        @($changed | Where-Object { $_ -notin $fleet.Named }) | Should -BeNullOrEmpty -Because "the example`n$Code`nchanged phones outside the sets it can name"
    }
}
