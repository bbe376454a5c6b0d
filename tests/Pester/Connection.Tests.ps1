# Connect-KooPhone, Disconnect-KooPhone, Get-KooPhoneContext, the environment fallback and -Context.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    $script:emulator = Start-TestEmulator -Instances 20
    $script:other = Start-TestEmulator -Instances 7 -Token 'other-tenant-token'
    # A tenant whose tokens IAM scopes to a sub-project of cn-south-1 (cn-south-1_lab).
    $script:southProject = 'fedcba9876543210fedcba9876543210'
    $script:south = Start-TestEmulator -Instances 3 -ExtraArguments '--project-name', 'cn-south-1_lab', '--project-id', $southProject
    $script:token = ConvertTo-SecureString $emulator.Token -AsPlainText -Force
    $script:savedEnvironment = @{ KOOPHONE_TOKEN = $env:KOOPHONE_TOKEN; KOOPHONE_ENDPOINT = $env:KOOPHONE_ENDPOINT }
}

AfterAll {
    Disconnect-KooPhone
    $env:KOOPHONE_TOKEN = $savedEnvironment.KOOPHONE_TOKEN
    $env:KOOPHONE_ENDPOINT = $savedEnvironment.KOOPHONE_ENDPOINT
    Stop-TestEmulator $emulator
    Stop-TestEmulator $other
    Stop-TestEmulator $south
}

Describe 'Connecting' {
    BeforeEach {
        Disconnect-KooPhone
        $env:KOOPHONE_TOKEN = $null
        $env:KOOPHONE_ENDPOINT = $null
    }

    It 'connects with a token and makes the connection the default' {
        Connect-TestEmulator $emulator
        $context = Get-KooPhoneContext
        $context.Endpoint | Should -Be ([uri]$emulator.Url)
        $context.AuthenticationMode | Should -Be 'Token'
        $context.Source | Should -Be 'Connected'
        $context.Region | Should -Be 'cn-north-4'
        (Get-KooPhoneInstance) | Should -HaveCount 20
    }

    It 'fails once, clearly, when the token is wrong' {
        $wrong = ConvertTo-SecureString 'not-the-token' -AsPlainText -Force
        { Connect-KooPhone -Endpoint $emulator.Url -Token $wrong -ErrorAction Stop } | Should -Throw -ErrorId 'APIGW.0301*'
        Get-KooPhoneContext | Should -BeNullOrEmpty
    }

    It 'refuses plain http to a host that is not this machine' {
        $token = ConvertTo-SecureString 'x' -AsPlainText -Force
        { Connect-KooPhone -Endpoint 'http://koophone.example.com' -Token $token } | Should -Throw -ErrorId 'KooPhone.InvalidConnection*'
    }

    It 'stops with a clear error when there is no connection at all' {
        { Get-KooPhoneInstance -ErrorAction Stop } | Should -Throw -ErrorId 'KooPhone.NotConnected*'
        { 'abc' | Backup-KooPhoneInstance -Force } | Should -Throw '*Connect-KooPhone*'
    }

    It 'falls back to KOOPHONE_TOKEN and KOOPHONE_ENDPOINT when nothing was connected' {
        $env:KOOPHONE_ENDPOINT = $emulator.Url
        $env:KOOPHONE_TOKEN = $emulator.Token
        (Get-KooPhoneInstance) | Should -HaveCount 20
        $context = Get-KooPhoneContext
        $context.Source | Should -Be 'Environment'
        $context.AuthenticationMode | Should -Be 'Token'
    }

    It 'prefers the connected default over the environment' {
        $env:KOOPHONE_ENDPOINT = $other.Url
        $env:KOOPHONE_TOKEN = $other.Token
        Connect-TestEmulator $emulator
        (Get-KooPhoneInstance) | Should -HaveCount 20
        (Get-KooPhoneContext).Source | Should -Be 'Connected'
    }

    It 'lets -Context reach a second tenant side by side with the default' {
        Connect-TestEmulator $emulator
        $second = Connect-KooPhone -Endpoint $other.Url -Token (ConvertTo-SecureString $other.Token -AsPlainText -Force) -PassThru
        Connect-TestEmulator $emulator
        (Get-KooPhoneInstance -Context $second) | Should -HaveCount 7
        (Get-KooPhoneInstance) | Should -HaveCount 20
    }

    It 'stops using a context once it is disconnected' {
        $context = Connect-TestEmulator $emulator -PassThru
        Disconnect-KooPhone
        { Get-KooPhoneInstance -Context $context -ErrorAction Stop } | Should -Throw -ErrorId 'KooPhone.NotConnected*'
        Get-KooPhoneContext | Should -BeNullOrEmpty
    }
}

Describe 'Connect-KooPhone with a token checks the region against the token''s own' {
    BeforeAll {
        # A port nothing listens on: an IAM host that cannot be reached.
        $listener = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
        $listener.Start()
        $script:closedPort = $listener.LocalEndpoint.Port
        $listener.Stop()
    }

    BeforeEach {
        Disconnect-KooPhone
        $env:KOOPHONE_TOKEN = $null
        $env:KOOPHONE_ENDPOINT = $null
    }

    It 'refuses -Region <Region>, naming the token''s region, and makes no connection' -ForEach @(
        @{ Region = 'cn-noth-4' }
        @{ Region = 'cn-south-1' }
    ) {
        $before = @(Get-KooPhoneContext -ListAvailable).Count
        $failure = { Connect-KooPhone -Endpoint $emulator.Url -Token $token -Region $Region } | Should -Throw -ErrorId 'KooPhone.RegionMismatch*' -PassThru
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.TargetObject | Should -Be $Region
        $failure.ToString() | Should -BeLike "The token is scoped to project 'cn-north-4' (0123456789abcdef0123456789abcdef) of region cn-north-4, not to -Region '$Region'. Connect with -Region cn-north-4*"
        Get-KooPhoneContext | Should -BeNullOrEmpty
        @(Get-KooPhoneContext -ListAvailable) | Should -HaveCount $before
    }

    It 'takes the token''s region and project when -Region is not given' {
        $context = Connect-KooPhone -Endpoint $south.Url -Token $token -PassThru
        $context.Region | Should -Be 'cn-south-1'
        $context.ProjectId | Should -Be $southProject
        $context.Name | Should -Be "127.0.0.1:$(([uri]$south.Url).Port)/$southProject/Token"
        (Get-KooPhoneInstance) | Should -HaveCount 3
    }

    It 'accepts the token''s region (<Region>) and its project''s name' -ForEach @(
        @{ Region = 'cn-south-1'; Kept = 'cn-south-1' }
        @{ Region = 'CN-SOUTH-1'; Kept = 'cn-south-1' }
        @{ Region = 'cn-south-1_lab'; Kept = 'cn-south-1_lab' }
    ) {
        $context = Connect-KooPhone -Endpoint $south.Url -Token $token -Region $Region -PassThru
        $context.Region | Should -Be $Kept
        $context.ProjectId | Should -Be $southProject
    }

    It 'asks the IAM host -IamEndpoint names' {
        # KooPhone on one emulator, IAM on the other: the token's scope is the IAM host's.
        $context = Connect-KooPhone -Endpoint $emulator.Url -IamEndpoint $south.Url -Token $token -PassThru
        $context.Region | Should -Be 'cn-south-1'
        $context.ProjectId | Should -Be $southProject
        (Get-KooPhoneInstance) | Should -HaveCount 20
    }

    It 'warns that the region was not checked, and connects, when IAM cannot be reached' {
        $context = Connect-KooPhone -Endpoint $emulator.Url -IamEndpoint "http://127.0.0.1:$closedPort" -Token $token -Region cn-noth-4 -PassThru -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -HaveCount 1
        "$warnings" | Should -BeLike "IAM at http://127.0.0.1:$closedPort/ could not say which project the token is scoped to (connection refused), so the region 'cn-noth-4' was not checked*"
        $context.Region | Should -Be 'cn-noth-4'
        $context.ProjectId | Should -BeNullOrEmpty
        (Get-KooPhoneContext).Name | Should -Be $context.Name
    }

    It 'warns, and connects, when IAM does not accept the token it is asked about' {
        # The other tenant's IAM does not know this tenant's token; KooPhone took it all the same.
        $context = Connect-KooPhone -Endpoint $emulator.Url -IamEndpoint $other.Url -Token $token -PassThru -WarningVariable warnings -WarningAction SilentlyContinue
        "$warnings" | Should -BeLike "IAM at $($other.Url)/ could not say which project the token is scoped to (*401*"
        $context.Region | Should -Be 'cn-north-4'
    }
}

Describe 'Connect-KooPhone says what it connected to' {
    BeforeEach { Disconnect-KooPhone }

    It 'writes one line to the information stream and nothing to the output' {
        $output = @(Connect-KooPhone -Endpoint $emulator.Url -Token $token -InformationVariable information)
        $output | Should -HaveCount 0
        $lines = @($information | Where-Object { $_.Tags -contains 'KooPhone.Connected' })
        $lines | Should -HaveCount 1
        $context = Get-KooPhoneContext
        "$($lines[0].MessageData)" | Should -Be "Connected to $($emulator.Url)/ in cn-north-4 (project 0123456789abcdef0123456789abcdef) with Token authentication, as the default connection '$($context.Name)'."
        $lines[0].Tags | Should -Not -Contain 'PSHOST' -Because 'a test run is no console a person watches'
    }

    It 'leaves $c = Connect-KooPhone -PassThru holding the connection alone' {
        $c = Connect-KooPhone -Endpoint $emulator.Url -Token $token -PassThru -InformationVariable information
        @($c) | Should -HaveCount 1
        $c | Should -BeOfType ([KooPhone.Client.Connection.KooPhoneContext])
        @($information | Where-Object { $_.Tags -contains 'KooPhone.Connected' }) | Should -HaveCount 1
    }

    It 'shows the line where a person watches the console' -Skip:(-not (Get-Command script -CommandType Application -ErrorAction SilentlyContinue)) {
        # script(1) gives the child pwsh a terminal: PowerShell's own console, output not redirected.
        $command = "Import-Module '$env:KOOPHONE_TEST_MODULE'; `$c = Connect-KooPhone -Endpoint '$($emulator.Url)' -Token (ConvertTo-SecureString '$($emulator.Token)' -AsPlainText -Force) -PassThru; 'END'"
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($command))
        $text = (& script -qec "dotnet pwsh -NoProfile -NoLogo -EncodedCommand $encoded" /dev/null) -join "`n"
        $text | Should -Match ([regex]::Escape("Connected to $($emulator.Url)/ in cn-north-4")) -Because $text
        $text | Should -Match 'END'
    }
}
