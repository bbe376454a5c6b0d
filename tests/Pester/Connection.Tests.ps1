# Connect-KooPhone, Disconnect-KooPhone, Get-KooPhoneContext, the environment fallback and -Context.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    $script:emulator = Start-TestEmulator -Instances 20
    $script:other = Start-TestEmulator -Instances 7 -Token 'other-tenant-token'
    $script:savedEnvironment = @{ KOOPHONE_TOKEN = $env:KOOPHONE_TOKEN; KOOPHONE_ENDPOINT = $env:KOOPHONE_ENDPOINT }
}

AfterAll {
    Disconnect-KooPhone
    $env:KOOPHONE_TOKEN = $savedEnvironment.KOOPHONE_TOKEN
    $env:KOOPHONE_ENDPOINT = $savedEnvironment.KOOPHONE_ENDPOINT
    Stop-TestEmulator $emulator
    Stop-TestEmulator $other
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
