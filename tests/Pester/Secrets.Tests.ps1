# The token must never appear in any stream, message or display.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    $script:secret = 'tok-Secr3t-7f3a9c1e5b'
    $script:emulator = Start-TestEmulator -Instances 120 -JobDelayMs 200 -Token $secret
}

AfterAll {
    Disconnect-KooPhone
    Stop-TestEmulator $emulator
}

Describe 'Secret hygiene' {
    It 'never shows the token in output, -Verbose or -Debug text, errors or the context display' {
        $token = ConvertTo-SecureString $secret -AsPlainText -Force
        $text = & {
            Connect-KooPhone -Endpoint $emulator.Url -Token $token -Verbose -Debug -PassThru | Format-List * | Out-String
            Get-KooPhoneContext | Format-Table | Out-String
            (Get-KooPhoneContext).ToString()
            Get-KooPhoneInstance -Verbose -Debug | Select-Object -First 3 | Format-List * | Out-String
            $results = Get-KooPhoneInstance | Select-Object -First 120 | Backup-KooPhoneInstance -Force -Wait -Verbose -Debug
            $results | Format-List * | Out-String
            $results | Get-KooPhoneTask -Verbose -Debug | Out-String
            @('nosuch01') | Backup-KooPhoneInstance -Force -Verbose -Debug -ErrorAction Continue
            $wrong = ConvertTo-SecureString 'wrong-token' -AsPlainText -Force
            try { Connect-KooPhone -Endpoint $emulator.Url -Token $wrong -Verbose -Debug } catch { $_ | Format-List * -Force | Out-String; $_.Exception.ToString() }
        } *>&1 | Out-String

        $text | Should -Match 'POST /v1/instances/backup'   # the verbose stream really was captured
        $text | Should -Match 'KOOPHONE.API.1001'           # and so were the errors
        $text | Should -Not -Match ([regex]::Escape($secret))
    }
}
