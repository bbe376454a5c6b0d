# The Azurite helpers the blob journal tests stand on (tests/Pester/KooPhoneTestHelpers.psm1):
# Azurite installs and starts, a container is made, an append blob is written and read back through
# a service SAS and through the account key of the connection string, and Azurite stops.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    $script:azurite = Start-TestAzurite
}

AfterAll {
    Stop-TestAzurite $azurite
}

Describe 'Azurite for the tests' {
    BeforeAll {
        $script:container = "helpers-$([guid]::NewGuid().ToString('N').Substring(0, 12))"
        New-TestAzuriteContainer -Azurite $azurite -Name $container
        $script:sas = New-TestAzuriteSas -Azurite $azurite -Container $container
    }

    It 'listens on a loopback blob endpoint of the dev account, named in its connection string' {
        $azurite.BlobEndpoint | Should -Match '^http://127\.0\.0\.1:\d+/devstoreaccount1$'
        $azurite.ConnectionString | Should -BeLike "*AccountName=devstoreaccount1;*BlobEndpoint=$($azurite.BlobEndpoint);*"
    }

    It 'appends to a blob with the SAS and reads it back with the account key' {
        Add-TestAzuriteBlobText -Azurite $azurite -Path "$container/sas.log" -Text "one`n" -Create -Sas $sas
        Add-TestAzuriteBlobText -Azurite $azurite -Path "$container/sas.log" -Text "two`n" -Sas $sas
        Get-TestAzuriteBlobText -Azurite $azurite -Path "$container/sas.log" | Should -BeExactly "one`ntwo`n"
    }

    It 'appends to a blob with the account key and reads it back with the SAS' {
        Add-TestAzuriteBlobText -Azurite $azurite -Path "$container/key.log" -Text "one`n" -Create
        Add-TestAzuriteBlobText -Azurite $azurite -Path "$container/key.log" -Text "two`n"
        Get-TestAzuriteBlobText -Azurite $azurite -Path "$container/key.log" -Sas $sas | Should -BeExactly "one`ntwo`n"
    }

    It 'refuses a SAS whose signature is wrong and one made for another container' {
        Add-TestAzuriteBlobText -Azurite $azurite -Path "$container/guarded.log" -Text "secret`n" -Create
        $forged = $sas -replace 'sig=[^&]+', "sig=$([uri]::EscapeDataString([Convert]::ToBase64String([byte[]]::new(32))))"
        { Get-TestAzuriteBlobText -Azurite $azurite -Path "$container/guarded.log" -Sas $forged } | Should -Throw '*403*'
        $other = New-TestAzuriteSas -Azurite $azurite -Container 'another-container'
        { Get-TestAzuriteBlobText -Azurite $azurite -Path "$container/guarded.log" -Sas $other } | Should -Throw '*403*'
    }

    It 'answers 404 for a container that does not exist' {
        { Get-TestAzuriteBlobText -Azurite $azurite -Path 'no-such-container/journal.log' } | Should -Throw '*404*'
    }
}

Describe 'Stop-TestAzurite' {
    It 'ends the Azurite it started' {
        $own = Start-TestAzurite
        Stop-TestAzurite $own
        $own.Process.HasExited | Should -BeTrue
        { Invoke-WebRequest "$($own.BlobEndpoint)?comp=list" -TimeoutSec 5 } | Should -Throw
    }
}
