# A blob journal (-JournalPath as an Azure Blob URL) whose Azure calls fail the way the network and
# the service fail: before they were carried out, and after, with the answer lost or a server error
# in its place. Azurite alone either answers or does not, so the journal URL names the emulator's
# blob proxy instead (docs/emulator.md, "Blob proxy"): started with --blob-proxy <Azurite's blob
# endpoint>, the emulator serves the same account path and forwards every request under it to
# Azurite. Set-EmulatorBlobFault names a request by method, a fragment of its query (comp=appendblock,
# comp=lease) and its nth match (or every match), and a kind: before (the connection is aborted and
# nothing forwarded: not carried out), lost (forwarded, carried out, then the connection aborted:
# the answer never comes) or status (carried out, answered 500 or 503 in Azurite's place).
# Get-EmulatorBlobRequest is the proxy's log: what was forwarded, Azurite's status, the client's,
# the fault, the body's SHA-256 and x-ms-client-request-id, which the Azure library keeps when it
# sends a request again. A service SAS signs /blob/<account>/<container>, not the host, so it holds
# through the proxy; the first test shows Azurite still checks it there.
#
# Each fault strikes a Backup-KooPhoneInstance -Force run over 300 ids (the module over real HTTP).
# What proves it: the proxy's fault counter and log (the struck request, and the one the library
# sent again with the same client request id and body), the blob read straight from Azurite (a block
# carried out twice is there twice, back to back, and the blob is byte for byte the appends Azurite
# accepted), the emulator's action record (each instance backed up once), and a rerun with the same
# journal that sends nothing and warns about nothing. A header written twice (the first append's
# answer lost) was once read as an unreadable line, and the rerun called the journal damaged.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    $script:azurite = Start-TestAzurite
    $script:emulator = Start-TestEmulator -Instances 300 -JobDelayMs 300 -ExtraArguments @('--blob-proxy', $azurite.BlobEndpoint)
    $script:context = Connect-KooPhone -Endpoint $emulator.Url -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force) -PassThru
    $script:ids = @((Get-KooPhoneInstance -Context $context).InstanceId)
    $script:container = 'journals'
    New-TestAzuriteContainer -Azurite $azurite -Name $container
    $script:sas = New-TestAzuriteSas -Azurite $azurite -Container $container
    $script:signature = [regex]::Match($sas, 'sig=([^&]+)').Groups[1].Value
    # Azurite as the proxy shows it: the same account path, on the emulator's host and port.
    $script:proxied = [pscustomobject]@{ BlobEndpoint = "$($emulator.Url)/$($azurite.AccountName)"; AccountName = $azurite.AccountName; AccountKey = $azurite.AccountKey }

    # A blob of its own for each test ('<container>/<name>'), and its URL through the proxy with the SAS.
    function New-BlobName([string] $Name) { "$container/$Name-$([guid]::NewGuid().ToString('N').Substring(0, 8)).csv" }
    function Get-JournalUrl([string] $Blob) { "$($proxied.BlobEndpoint)/${Blob}?$sas" }

    # Backs every id up with the journal, 25 ids a call: the results, errors and warnings.
    function Invoke-Backup([string] $Journal) {
        $errors = @()
        $warnings = @()
        $results = @($ids | Backup-KooPhoneInstance -Context $context -Force -BatchSize 25 -ThrottleLimit 2 -JournalPath $Journal `
                -ErrorAction SilentlyContinue -ErrorVariable errors -WarningAction SilentlyContinue -WarningVariable warnings)
        [pscustomobject]@{ Results = $results; Errors = @($errors); Warnings = @($warnings) }
    }

    function Assert-EveryIdOnce($Run) {
        $Run.Errors | Should -HaveCount 0
        $Run.Results | Should -HaveCount $ids.Count
        @($Run.Results.InstanceId | Sort-Object -Unique) | Should -HaveCount $ids.Count -Because 'every id is settled once'
        $backups = @(Get-EmulatorAction $emulator -Operation BatchBackupInstances)
        $backups | Should -HaveCount $ids.Count
        @($backups | Where-Object count -ne 1) | Should -HaveCount 0 -Because 'no instance is backed up twice'
    }

    # A rerun with the same journal finds every id done: it sends nothing and reports no damage.
    function Assert-RerunSendsNothing([string] $Journal) {
        Clear-EmulatorRequest $emulator
        $rerun = Invoke-Backup $Journal
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0 -Because 'every id is done in the journal'
        $rerun.Warnings | Should -HaveCount 0 -Because 'a line written twice is a record read twice, not an unreadable line'
        $rerun.Errors | Should -HaveCount 0
        $rerun.Results | Should -HaveCount $ids.Count -Because 'what was done is written again'
    }

    # The appends the proxy received, in order.
    function Get-Append { @(Get-EmulatorBlobRequest $emulator | Where-Object { $_.method -eq 'PUT' -and $_.query -like '*comp=appendblock*' }) }

    function Get-Sha256([string] $Text) { [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData([Text.Encoding]::UTF8.GetBytes($Text))).ToLowerInvariant() }

    # The lines of $Text that are there more than once, as one block in their order, or '' when none is.
    function Get-RepeatedBlock([string] $Text) {
        $seen = [Collections.Generic.HashSet[string]]::new([StringComparer]::Ordinal)
        $repeated = @($Text.TrimEnd("`n").Split("`n") | Where-Object { -not $seen.Add($_) })
        if ($repeated.Count -eq 0) { return '' }
        ($repeated -join "`n") + "`n"
    }
}

AfterAll {
    Stop-TestEmulator $emulator
    Stop-TestAzurite $azurite
}

Describe 'A blob journal through the blob proxy' -Tag 'BlobJournal' {
    BeforeEach {
        Reset-TestEmulator $emulator
        Clear-EmulatorAction $emulator
    }

    It 'forwards to Azurite with the SAS or the account key intact, Azurite still checking them, and logs no signature' {
        $blob = New-BlobName 'forward'

        Add-TestAzuriteBlobText -Azurite $proxied -Path $blob -Text "one`n" -Create -Sas $sas
        Add-TestAzuriteBlobText -Azurite $proxied -Path $blob -Text "two`n"

        Get-TestAzuriteBlobText -Azurite $azurite -Path $blob -Sas $sas | Should -BeExactly "one`ntwo`n" -Because 'Azurite itself holds what was sent through the proxy'
        $forged = $sas -replace 'sig=[^&]+', "sig=$([uri]::EscapeDataString([Convert]::ToBase64String([byte[]]::new(32))))"
        { Get-TestAzuriteBlobText -Azurite $proxied -Path $blob -Sas $forged } | Should -Throw '*403*' -Because 'Azurite checks the signature of what the proxy forwards'
        $log = Get-EmulatorBlobRequest $emulator
        @($log.upstreamStatus) | Should -Be @(201, 201, 201, 403)
        @($log.status) | Should -Be @(201, 201, 201, 403)
        @($log.fault | Where-Object { $_ }) | Should -HaveCount 0
        $log[0].query | Should -BeLike '*sig=REDACTED*'
        $shown = $log | ConvertTo-Json
        foreach ($secret in @($signature, [uri]::UnescapeDataString($signature))) { $shown | Should -Not -BeLike "*$secret*" }
    }

    It 'settles every id once when an append is <Case>' -ForEach @(
        @{ Case = 'carried out and its answer lost (lost)'; Rule = @{ kind = 'lost' }; CarriedOut = $true; Answered = 0 }
        @{ Case = 'carried out and answered 500 (status)'; Rule = @{ kind = 'status'; status = 500 }; CarriedOut = $true; Answered = 500 }
        @{ Case = 'not carried out, the connection aborted first (before)'; Rule = @{ kind = 'before' }; CarriedOut = $false; Answered = 0 }
    ) {
        $blob = New-BlobName 'append'
        $journal = Get-JournalUrl $blob
        # The 6th of 25 appends: after the header, a block before each call (its intent records)
        # and one after each answer (its outcomes), so a block in the middle of the run.
        Set-EmulatorBlobFault $emulator ($Rule + @{ method = 'PUT'; query = 'comp=appendblock'; nth = 6 })

        $run = Invoke-Backup $journal

        Assert-EveryIdOnce $run
        $run.Warnings | Should -HaveCount 0
        (Get-EmulatorBlobFault $emulator).struck | Should -Be 1 -Because 'the fault struck'
        $appends = Get-Append
        $struck = @($appends | Where-Object fault)
        $struck | Should -HaveCount 1
        $struck[0].upstreamStatus | Should -Be $(if ($CarriedOut) { 201 } else { 0 })
        $struck[0].status | Should -Be $Answered
        $resent = @($appends | Where-Object { $_.sequence -gt $struck[0].sequence -and $_.bodySha256 -eq $struck[0].bodySha256 })
        $resent | Should -HaveCount 1 -Because 'the Azure library sent the block again'
        $resent[0].clientRequestId | Should -Be $struck[0].clientRequestId -Because 'it is a retry of the same request'
        $resent[0].upstreamStatus | Should -Be 201
        $resent[0].status | Should -Be 201
        $written = @($appends | Where-Object upstreamStatus -eq 201)
        $text = Get-TestAzuriteBlobText -Azurite $azurite -Path $blob -Sas $sas
        [Text.Encoding]::UTF8.GetByteCount($text) | Should -Be ($written | Measure-Object -Property bodyLength -Sum).Sum -Because 'the blob is every append Azurite carried out'
        $repeated = Get-RepeatedBlock $text
        if ($CarriedOut) {
            Get-Sha256 $repeated | Should -Be $struck[0].bodySha256 -Because 'the lines written twice are exactly the struck block'
            $text.Contains($repeated + $repeated) | Should -BeTrue -Because 'the block was written again right after itself'
            @($repeated.TrimEnd("`n").Split("`n") | Where-Object { $_ -notmatch '^\d+,BatchBackupInstances,[a-z0-9]{8},' }) | Should -HaveCount 0 -Because 'the block is whole records'
        }
        else {
            $repeated | Should -BeExactly '' -Because 'a block not carried out is written once, by the resend'
        }

        Assert-RerunSendsNothing $journal
    }

    It 'reads a header written twice as a header when the answer to the first append, the header, was lost' {
        $blob = New-BlobName 'header'
        $journal = Get-JournalUrl $blob
        Set-EmulatorBlobFault $emulator @{ kind = 'lost'; method = 'PUT'; query = 'comp=appendblock'; nth = 1 }

        $run = Invoke-Backup $journal

        Assert-EveryIdOnce $run
        (Get-EmulatorBlobFault $emulator).struck | Should -Be 1
        $text = Get-TestAzuriteBlobText -Azurite $azurite -Path $blob -Sas $sas
        $header = $text.Substring(0, $text.IndexOf("`n") + 1)
        $header | Should -BeLike 'RunId,Operation,*'
        Get-RepeatedBlock $text | Should -BeExactly $header -Because 'the header block was written twice, and nothing else'
        $text.StartsWith($header + $header) | Should -BeTrue

        Assert-RerunSendsNothing $journal
    }

    It 'refuses the run before it sends anything when no append reaches Azure (before, every append), and lets the lease go' {
        $journal = Get-JournalUrl (New-BlobName 'unreachable')
        Set-EmulatorBlobFault $emulator @{ kind = 'before'; method = 'PUT'; query = 'comp=appendblock' }

        { $ids | Backup-KooPhoneInstance -Context $context -Force -JournalPath $journal -ErrorAction Stop } |
            Should -Throw -ErrorId 'KooPhone.JournalUnwritable*'

        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0 -Because 'the header could not be written, so nothing was sent'
        $appends = Get-Append
        $appends | Should -HaveCount 4 -Because 'the header was tried once and retried 3 times'
        @($appends | Where-Object fault -ne 'before') | Should -HaveCount 0
        $release = @(Get-EmulatorBlobRequest $emulator | Where-Object leaseAction -eq 'release')
        $release | Should -HaveCount 1
        $release[0].upstreamStatus | Should -Be 200
    }

    It 'takes the journal although its lease acquire was <Case>: Azure grants the same proposed lease id again' -ForEach @(
        @{ Case = 'carried out and its answer lost (lost)'; Rule = @{ kind = 'lost' }; Answered = 0 }
        @{ Case = 'carried out and answered 503 (status)'; Rule = @{ kind = 'status'; status = 503 }; Answered = 503 }
    ) {
        $journal = Get-JournalUrl (New-BlobName 'acquire')
        Set-EmulatorBlobFault $emulator ($Rule + @{ method = 'PUT'; query = 'comp=lease'; nth = 1 })

        $run = Invoke-Backup $journal

        Assert-EveryIdOnce $run
        $run.Warnings | Should -HaveCount 0
        (Get-EmulatorBlobFault $emulator).struck | Should -Be 1
        $leases = @(Get-EmulatorBlobRequest $emulator | Where-Object { $_.query -like '*comp=lease*' })
        @($leases[0..1].leaseAction) | Should -Be @('acquire', 'acquire') -Because 'the struck acquire was sent again'
        $leases[0].fault | Should -Not -BeNullOrEmpty
        $leases[0].upstreamStatus | Should -Be 201 -Because 'Azurite granted the lease whose answer never came'
        $leases[0].status | Should -Be $Answered
        $leases[1].clientRequestId | Should -Be $leases[0].clientRequestId
        $leases[1].upstreamStatus | Should -Be 201 -Because 'the same proposed lease id acquires the lease it already holds'
        $leases[-1].leaseAction | Should -Be 'release'
        $leases[-1].upstreamStatus | Should -Be 200 -Because 'the run released the lease it got'

        Assert-RerunSendsNothing $journal
    }

    It 'lets the journal go although the answer to its lease release was lost: the resent release is refused, and that is let pass' {
        $journal = Get-JournalUrl (New-BlobName 'release')
        # The run's lease requests are its acquire and its release (a renewal comes only after 20 s).
        Set-EmulatorBlobFault $emulator @{ kind = 'lost'; method = 'PUT'; query = 'comp=lease'; nth = 2 }

        $run = Invoke-Backup $journal

        Assert-EveryIdOnce $run
        $run.Warnings | Should -HaveCount 0
        $leases = @(Get-EmulatorBlobRequest $emulator | Where-Object { $_.query -like '*comp=lease*' })
        @($leases.leaseAction) | Should -Be @('acquire', 'release', 'release')
        $leases[1].fault | Should -Be 'lost'
        $leases[1].upstreamStatus | Should -Be 200 -Because 'Azurite released the lease'
        $leases[2].upstreamStatus | Should -Be 409 -Because 'a lease already released cannot be released again'

        Assert-RerunSendsNothing $journal
    }
}

Describe 'The blob proxy''s setup' -Tag 'BlobJournal' {
    It 'refuses a rule <Case> with 400, keeping the rules it has' -ForEach @(
        @{ Case = 'with an unknown field'; Body = '[{"kind":"lost","times":1}]'; Refusal = "rule 0: unknown field 'times'*" }
        @{ Case = 'of an unknown kind'; Body = '[{"kind":"late"}]'; Refusal = "rule 0: 'kind' must be one of before, lost, status" }
        @{ Case = 'of kind status without a status'; Body = '[{"kind":"lost"},{"kind":"status"}]'; Refusal = "rule 1: 'status' is required for kind status*" }
        @{ Case = 'with a status it does not answer'; Body = '[{"kind":"status","status":502}]'; Refusal = "rule 0: 'status' must be 500 or 503*" }
        @{ Case = 'with an nth below 1'; Body = '[{"kind":"lost","nth":0}]'; Refusal = "rule 0: 'nth' must be a positive integer" }
    ) {
        Set-EmulatorBlobFault $emulator @{ kind = 'lost'; query = 'comp=lease'; nth = 1 }

        $refused = Invoke-WebRequest -Method Post "$($emulator.Url)/_emulator/blob-proxy/faults" -ContentType 'application/json' -Body $Body -SkipHttpErrorCheck

        $refused.StatusCode | Should -Be 400
        ($refused.Content | ConvertFrom-Json).error | Should -BeLike $Refusal
        (Get-EmulatorBlobFault $emulator).query | Should -Be 'comp=lease'
    }

    It 'refuses --blob-proxy <Url> with exit code 2: it needs an account path, not under the emulator''s own, and no query' -ForEach @(
        @{ Url = 'http://127.0.0.1:10000' }
        @{ Url = 'http://127.0.0.1:10000/v1' }
        @{ Url = 'http://127.0.0.1:10000/devstoreaccount1?sv=1' }
    ) {
        $output = & dotnet $env:KOOPHONE_TEST_EMULATOR --port 0 --blob-proxy $Url 2>&1

        $LASTEXITCODE | Should -Be 2
        "$output" | Should -BeLike "*option '--blob-proxy' needs*"
    }

    It 'answers 404 on its admin endpoints when the emulator was started without --blob-proxy' {
        $plain = Start-TestEmulator -Instances 0
        try {
            $answer = Invoke-WebRequest "$($plain.Url)/_emulator/blob-proxy/requests" -SkipHttpErrorCheck
            $answer.StatusCode | Should -Be 404
            ($answer.Content | ConvertFrom-Json).error | Should -BeLike '*without --blob-proxy*'
        }
        finally { Stop-TestEmulator $plain }
    }
}
