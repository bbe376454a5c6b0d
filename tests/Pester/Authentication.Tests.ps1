# The three ways to log in, renewal, the environment, several tenants, and secrets kept secret.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    $script:emulator = Start-TestEmulator -Instances 150 -JobDelayMs 200
    $script:projectId = '0123456789abcdef0123456789abcdef'
    $script:password = 'emulator-password'
    $script:secretKey = 'emulator-sk'
    $script:credential = [pscredential]::new('emulator-user', (ConvertTo-SecureString $password -AsPlainText -Force))

    function Connect-WithPassword($target, [switch] $PassThru, [pscredential] $Credential = $credential) {
        Connect-KooPhone -Endpoint $target.Url -IamEndpoint $target.Url -Credential $Credential -DomainName 'emulator-domain' -PassThru:$PassThru -ErrorAction Stop
    }
    function Connect-WithAccessKey($target, [string] $Secret = $secretKey, [switch] $PassThru) {
        Connect-KooPhone -Endpoint $target.Url -AccessKey 'emulator-ak' -SecretKey (ConvertTo-SecureString $Secret -AsPlainText -Force) -ProjectId $projectId -PassThru:$PassThru -ErrorAction Stop
    }
    $script:savedEnvironment = @{}
    foreach ($name in 'KOOPHONE_TOKEN', 'KOOPHONE_ENDPOINT', 'HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_PROJECT_ID') {
        $savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
    }
}

AfterAll {
    Disconnect-KooPhone
    foreach ($name in $savedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name]) }
    Stop-TestEmulator $emulator
}

Describe 'Logging in' {
    BeforeEach {
        Disconnect-KooPhone
        Reset-TestEmulator $emulator
        foreach ($name in $savedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $null) }
    }

    It 'logs in with an IAM user name and password and backs up end to end' {
        Connect-WithPassword $emulator
        $context = Get-KooPhoneContext
        $context.AuthenticationMode | Should -Be 'Password'
        $context.Account | Should -Be 'emulator-domain\emulator-user'
        $context.ProjectId | Should -Be $projectId

        $results = Get-KooPhoneInstance | Select-Object -First 120 | Backup-KooPhoneInstance -Force -Wait
        $results | Should -HaveCount 120
        $results | ForEach-Object { $_.Status | Should -Be 'Succeeded' }
    }

    It 'signs every request with AK/SK and backs up end to end' {
        Connect-WithAccessKey $emulator
        $context = Get-KooPhoneContext
        $context.AuthenticationMode | Should -Be 'AccessKey'
        $context.Account | Should -Be 'emulator-ak'
        $context.ProjectId | Should -Be $projectId

        $results = Get-KooPhoneInstance | Select-Object -First 120 | Backup-KooPhoneInstance -Force -Wait
        $results | Should -HaveCount 120
        $results | ForEach-Object { $_.Status | Should -Be 'Succeeded' }
        @(Get-EmulatorRequest $emulator | Where-Object status -eq 401).Count | Should -Be 0
    }

    It 'fails once, clearly, on a wrong password' {
        $wrong = [pscredential]::new('emulator-user', (ConvertTo-SecureString 'not-the-password' -AsPlainText -Force))
        $failure = { Connect-WithPassword $emulator -Credential $wrong } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike '401,*' -Because 'the code is IAM''s as IAM wrote it, with no prefix'
        $failure.ToString() | Should -Match 'user ?name or password'
        Get-KooPhoneContext | Should -BeNullOrEmpty
    }

    It 'fails once, clearly, on a wrong secret key' {
        $failure = { Connect-WithAccessKey $emulator -Secret 'not-the-secret' } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'APIGW.0301*'
        $failure.ToString() | Should -Match 'signature'
        Get-KooPhoneContext | Should -BeNullOrEmpty
    }

    It 'renews a token the service revoked, without the user noticing' {
        Connect-WithPassword $emulator
        $before = (Get-EmulatorTokenCount $emulator).issued
        Revoke-EmulatorToken $emulator
        Clear-EmulatorRequest $emulator

        $instances = Get-KooPhoneInstance -ErrorAction Stop
        $instances | Should -HaveCount 150
        (Get-EmulatorTokenCount $emulator).issued | Should -Be ($before + 1)
        @(Get-EmulatorRequest $emulator | Where-Object status -eq 401).Count | Should -Be 1
    }

    It 'uses AK/SK from the environment when nothing was connected' {
        $env:KOOPHONE_ENDPOINT = $emulator.Url
        $env:HUAWEICLOUD_SDK_AK = 'emulator-ak'
        $env:HUAWEICLOUD_SDK_SK = $secretKey
        $env:HUAWEICLOUD_SDK_PROJECT_ID = $projectId
        (Get-KooPhoneInstance) | Should -HaveCount 150
        $context = Get-KooPhoneContext
        $context.Source | Should -Be 'Environment'
        $context.AuthenticationMode | Should -Be 'AccessKey'
    }

    It 'says which AK/SK variable is missing' {
        $env:KOOPHONE_ENDPOINT = $emulator.Url
        $env:HUAWEICLOUD_SDK_AK = 'emulator-ak'
        { Get-KooPhoneInstance -ErrorAction Stop } | Should -Throw '*HUAWEICLOUD_SDK_SK*'
    }

    It 'lets the explicit context win over the default and the environment' {
        $env:KOOPHONE_ENDPOINT = 'http://127.0.0.1:1'
        $env:KOOPHONE_TOKEN = 'nothing-listens-there'
        $explicit = Connect-WithAccessKey $emulator -PassThru
        Disconnect-KooPhone -Context $explicit
        $explicit = Connect-WithAccessKey $emulator -PassThru
        (Get-KooPhoneInstance -Context $explicit) | Should -HaveCount 150
    }
}

Describe 'An IAM token that expires' {
    BeforeAll {
        # The module renews by its own clock, which is real time, so this emulator keeps real time too.
        $script:shortLived = Start-TestEmulator -Instances 10 -ExtraArguments '--token-lifetime-seconds', '2'
    }
    AfterAll { Stop-TestEmulator $shortLived }

    It 'is renewed before it runs out, without the user noticing' {
        $context = Connect-WithPassword $shortLived -PassThru
        Wait-EmulatorCondition -Description 'the first token to expire' -Condition { (Get-EmulatorTokenCount $shortLived).active -eq 0 }
        Clear-EmulatorRequest $shortLived
        (Get-KooPhoneInstance -Context $context -ErrorAction Stop) | Should -HaveCount 10
        @(Get-EmulatorRequest $shortLived | Where-Object status -eq 401).Count | Should -Be 0
        (Get-EmulatorTokenCount $shortLived).issued | Should -BeGreaterOrEqual 2
    }
}

Describe 'Several tenants at once' {
    BeforeAll {
        $script:tenantB = Start-TestEmulator -Instances 7
    }
    AfterAll { Stop-TestEmulator $tenantB }

    It 'keeps two contexts side by side, each reaching its own emulator' {
        $a = Connect-WithPassword $emulator -PassThru
        $b = Connect-WithAccessKey $tenantB -PassThru
        (Get-KooPhoneInstance -Context $a) | Should -HaveCount 150
        (Get-KooPhoneInstance -Context $b) | Should -HaveCount 7
        (Get-KooPhoneInstance) | Should -HaveCount 7   # the default is the last connected
    }

    It 'serves several runspaces at once from one context' {
        $a = Connect-WithPassword $emulator -PassThru
        $b = Connect-WithAccessKey $tenantB -PassThru
        $module = $env:KOOPHONE_TEST_MODULE
        $counts = 1..6 | ForEach-Object -ThrottleLimit 6 -Parallel {
            Import-Module $using:module
            $context = if ($_ % 2) { $using:a } else { $using:b }
            [pscustomobject]@{ Odd = [bool]($_ % 2); Count = @(Get-KooPhoneInstance -Context $context).Count }
        }
        $counts | Where-Object Odd | ForEach-Object { $_.Count | Should -Be 150 }
        $counts | Where-Object { -not $_.Odd } | ForEach-Object { $_.Count | Should -Be 7 }
    }
}

Describe 'Secrets in every authentication mode' {
    It 'never shows the password, secret key, token or signature in any stream of any cmdlet' {
        $text = & {
            foreach ($mode in 'Password', 'AccessKey') {
                Disconnect-KooPhone
                Reset-TestEmulator $emulator
                $context = if ($mode -eq 'Password') { Connect-WithPassword $emulator -PassThru -Verbose -Debug } else { Connect-WithAccessKey $emulator -PassThru -Verbose -Debug }
                $context | Format-List * -Force | Out-String
                $context.ToString()
                Get-KooPhoneContext -Verbose -Debug | Format-Table | Out-String
                $results = Get-KooPhoneInstance -Verbose -Debug | Select-Object -First 5 | Backup-KooPhoneInstance -Force -Wait -Verbose -Debug
                $results | Format-List * | Out-String
                $results | Get-KooPhoneTask -Verbose -Debug | Out-String
                $results | Wait-KooPhoneTask -Verbose -Debug | Out-String
                $some = $results.InstanceId
                $some | Get-KooPhoneInstanceStatus -Verbose -Debug | Out-String
                # Preparing brings the backed-up phones back, so the commands below find them running.
                $some | Restore-KooPhoneInstance -UserId 'u1' -Wait -Verbose -Debug | Out-String
                $some | Invoke-KooPhoneCommand -Command 'getprop ro.build.version.release' -Verbose -Debug | Out-String
                $some | Start-KooPhoneCommand -Command 'ls' -Wait -Verbose -Debug | Out-String
                $some[0] | Get-KooPhoneApp -Verbose -Debug | Out-String
                $some[0] | Get-KooPhoneDeviceToken -Verbose -Debug | Format-List * | Out-String
                $some[0] | Stop-KooPhoneStreaming -Confirm:$false -Verbose -Debug | Out-String
                $some[0] | Stop-KooPhoneSession -Confirm:$false -Verbose -Debug | Out-String
                $some | Set-KooPhoneVideoSetting -CodeRate 2000, 4000, 6000 -Fps 30, 30, 30 -Verbose -Debug | Out-String
                $some | Restart-KooPhoneInstance -Confirm:$false -Verbose -Debug | Out-String
                Get-KooPhoneSku -Verbose -Debug | Out-String
                Get-KooPhoneInstance -InstanceId 'nosuch01' -Verbose -Debug -ErrorAction Continue
                @('nosuch01') | Backup-KooPhoneInstance -Force -Verbose -Debug -ErrorAction Continue
                Revoke-EmulatorToken $emulator
                Get-KooPhoneInstance -Verbose -Debug | Select-Object -First 1 | Out-String
                Disconnect-KooPhone -Verbose -Debug
            }
            $wrong = [pscredential]::new('emulator-user', (ConvertTo-SecureString 'wrong-Passw0rd-x' -AsPlainText -Force))
            try { Connect-WithPassword $emulator -Credential $wrong -Verbose -Debug } catch { $_ | Format-List * -Force | Out-String; $_.Exception.ToString() }
            try { Connect-WithAccessKey $emulator -Secret 'wrong-Secr3t-x' -Verbose -Debug } catch { $_ | Format-List * -Force | Out-String; $_.Exception.ToString() }
        } *>&1 | Out-String

        $text | Should -Match 'POST /v1/instances/backup'      # the verbose stream was captured
        $text | Should -Match 'POST /v3/auth/tokens'           # including the IAM call
        $text | Should -Not -Match ([regex]::Escape($password))
        $text | Should -Not -Match 'wrong-Passw0rd-x'
        $text | Should -Not -Match ([regex]::Escape($secretKey))
        $text | Should -Not -Match 'wrong-Secr3t-x'
        $text | Should -Not -Match 'Signature='
        $text | Should -Not -Match 'MII[A-Za-z0-9_\-]{20,}'    # the shape of the tokens IAM issues
        $text | Should -Not -Match 'X-Auth-Token:'
    }
}
