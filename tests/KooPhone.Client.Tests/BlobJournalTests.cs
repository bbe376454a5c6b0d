using KooPhone.Client.Connection;
using KooPhone.Client.Runs;
using KooPhone.Client.Runs.Blob;
using Xunit;

namespace KooPhone.Client.Tests;

/// <summary>
/// A -JournalPath that is an Azure Blob URL: how it is told from a file path and parsed, which
/// credential the environment gives (a SAS in the URL, then AZURE_STORAGE_CONNECTION_STRING of
/// the URL's account, then a managed identity), that no message names the URL's query, and the
/// refusals a blob service's answers lead to before anything is sent. BlobJournal.Tests.ps1
/// proves the journal itself through the cmdlets against Azurite.
/// </summary>
public sealed class BlobJournalTests
{
    private const string Secret = "sig=TOPSECRETSIGNATURE";

    [Theory]
    [InlineData("https://acct.blob.core.windows.net/journals/run.csv", true)]
    [InlineData("http://127.0.0.1:10000/devstoreaccount1/journals/run.csv", true)]
    [InlineData("/tmp/journal.csv", false)]
    [InlineData("C:\\journals\\run.csv", false)]
    [InlineData("journal.csv", false)]
    [InlineData("Temp:/journal.csv", false)]
    [InlineData("file:///tmp/journal.csv", false)]
    public void Only_http_and_https_urls_are_blob_journals(string path, bool blob) =>
        Assert.Equal(blob, BlobJournalUrl.IsUrl(path));

    [Fact]
    public void An_account_endpoint_names_the_account_in_its_host()
    {
        var url = BlobJournalUrl.Parse("https://acct.blob.core.windows.net/journals/nightly/run.csv?sv=2024&" + Secret);

        Assert.Equal(("acct", "journals", "nightly/run.csv"), (url.Account, url.Container, url.BlobName));
        Assert.Equal("https://acct.blob.core.windows.net/journals/nightly/run.csv", url.Redacted);
        Assert.Equal("sv=2024&" + Secret, url.Sas);
    }

    [Fact]
    public void An_emulator_endpoint_names_the_account_in_its_path()
    {
        var url = BlobJournalUrl.Parse("http://127.0.0.1:10000/devstoreaccount1/journals/run.csv");

        Assert.Equal(("devstoreaccount1", "journals", "run.csv"), (url.Account, url.Container, url.BlobName));
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", url.Endpoint);
        Assert.Null(url.Sas);
    }

    [Fact]
    public void A_url_without_a_blob_is_refused_without_its_query()
    {
        var error = Assert.Throws<ArgumentException>(() => BlobJournalUrl.Parse("https://acct.blob.core.windows.net/journals?" + Secret));

        Assert.DoesNotContain(Secret, error.Message);
        Assert.Contains("https://acct.blob.core.windows.net/journals", error.Message);
    }

    [Fact]
    public void A_sas_in_the_url_comes_first()
    {
        var access = Access("https://acct.blob.core.windows.net/c/j.csv?" + Secret, ("AZURE_STORAGE_CONNECTION_STRING", "AccountName=acct;AccountKey=a2V5"));

        Assert.Equal((BlobJournalAccessKind.Sas, Secret), (access.Kind, access.Secret));
    }

    [Fact]
    public void The_connection_string_of_the_urls_account_comes_next()
    {
        var access = Access("https://acct.blob.core.windows.net/c/j.csv", ("AZURE_STORAGE_CONNECTION_STRING", "DefaultEndpointsProtocol=https;AccountName=ACCT;AccountKey=a2V5==;EndpointSuffix=core.windows.net"), ("AZURE_CLIENT_ID", "id"));

        Assert.Equal((BlobJournalAccessKind.SharedKey, "a2V5=="), (access.Kind, access.Secret));
    }

    [Fact]
    public void A_development_connection_string_reaches_the_emulator_account()
    {
        var access = Access("http://127.0.0.1:10000/devstoreaccount1/c/j.csv", ("AZURE_STORAGE_CONNECTION_STRING", "UseDevelopmentStorage=true"));

        Assert.Equal(BlobJournalAccessKind.SharedKey, access.Kind);
    }

    [Fact]
    public void A_sas_connection_string_names_its_account_in_its_endpoint()
    {
        var access = Access("http://127.0.0.1:10000/devstoreaccount1/c/j.csv", ("AZURE_STORAGE_CONNECTION_STRING", "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;SharedAccessSignature=?" + Secret));

        Assert.Equal((BlobJournalAccessKind.Sas, Secret), (access.Kind, access.Secret));
    }

    [Fact]
    public void A_connection_string_of_another_account_is_not_used()
    {
        var access = Access("https://acct.blob.core.windows.net/c/j.csv", ("AZURE_STORAGE_CONNECTION_STRING", "AccountName=other;AccountKey=a2V5"));

        Assert.Equal((BlobJournalAccessKind.ManagedIdentity, null), (access.Kind, access.ClientId));
        Assert.Equal("with the system-assigned managed identity", access.Describe());
    }

    [Fact]
    public void The_managed_identitys_client_id_comes_from_the_modules_variable_then_azures()
    {
        var url = "https://acct.blob.core.windows.net/c/j.csv";

        Assert.Equal("mine", Access(url, ("KOOPHONE_JOURNAL_CLIENT_ID", "mine"), ("AZURE_CLIENT_ID", "azure's")).ClientId);
        Assert.Equal("azure's", Access(url, ("AZURE_CLIENT_ID", "azure's")).ClientId);
    }

    [Fact]
    public void How_a_journal_was_reached_never_shows_its_secret()
    {
        var sas = Access("https://acct.blob.core.windows.net/c/j.csv?" + Secret);
        var key = Access("https://acct.blob.core.windows.net/c/j.csv", ("AZURE_STORAGE_CONNECTION_STRING", "AccountName=acct;AccountKey=a2V5"));

        Assert.DoesNotContain("sig=", sas.Describe());
        Assert.DoesNotContain("a2V5", key.Describe());
    }

    [Fact]
    public void A_missing_container_refuses_the_run_naming_the_blob_without_its_sas()
    {
        using var server = new ScriptedApiServer((_, _) => (404, ErrorBody("ContainerNotFound")));
        Answer(server, "ContainerNotFound");
        var url = new Uri(server.Endpoint, "devstoreaccount1/missing/run.csv?sv=2024-01-01&sp=racw&" + Secret).ToString();

        var error = Assert.Throws<JournalRefusedException>(() => Keep(url));

        Assert.Equal(JournalRefusal.Unwritable, error.Reason);
        Assert.True(error.Message.Contains("container does not exist"), error.Message);
        Assert.Equal(BlobJournalUrl.Redact(url), error.JournalPath);
        Assert.DoesNotContain("TOPSECRET", error.ToString());
        Assert.All(server.Methods, m => Assert.Equal("PUT", m));
    }

    [Fact]
    public void A_denied_write_refuses_the_run()
    {
        using var server = new ScriptedApiServer((_, _) => (403, ErrorBody("AuthorizationPermissionMismatch")));
        Answer(server, "AuthorizationPermissionMismatch");

        var error = Assert.Throws<JournalRefusedException>(() => Keep(new Uri(server.Endpoint, "devstoreaccount1/c/run.csv?" + Secret).ToString()));

        Assert.Equal(JournalRefusal.Unwritable, error.Reason);
        Assert.Contains("access was denied (HTTP 403 AuthorizationPermissionMismatch)", error.Message);
        Assert.DoesNotContain("TOPSECRET", error.ToString());
    }

    [Fact]
    public void A_blob_leased_by_another_run_refuses_this_one_naming_the_holder()
    {
        // Created (or there already), then the lease is refused, then its properties name the holder.
        using var server = new ScriptedApiServer((_, n) => (n == 1 ? 201 : n == 2 ? 409 : 200, n == 2 ? ErrorBody("LeaseAlreadyPresent") : ""));
        Answer(server, "LeaseAlreadyPresent");
        server.AnswerHeaders["x-ms-meta-koophoneholder"] = "process 42 on host automation-sandbox";

        var error = Assert.Throws<JournalRefusedException>(() => Keep(new Uri(server.Endpoint, "devstoreaccount1/c/run.csv?" + Secret).ToString()));

        Assert.Equal(JournalRefusal.InUse, error.Reason);
        Assert.Contains("process 42 on host automation-sandbox", error.Message);
        Assert.Contains("lease", error.Message);
    }

    [Fact]
    public void A_url_without_a_sas_or_key_over_http_is_refused_before_any_request()
    {
        using var server = new ScriptedApiServer((_, _) => (201, ""));

        var error = Assert.Throws<JournalRefusedException>(() => Keep(new Uri(server.Endpoint, "devstoreaccount1/c/run.csv").ToString()));

        Assert.Contains("managed identity signs in only to https endpoints", error.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void An_unreachable_endpoint_is_said_so()
    {
        // A port nobody listens on; the client's retries end in one refusal.
        var error = Assert.Throws<JournalRefusedException>(() => Keep("http://127.0.0.1:9/devstoreaccount1/c/run.csv?" + Secret));

        Assert.Contains("the blob endpoint could not be reached, reached with a SAS.", error.Message);
    }

    /// <summary>
    /// Without a SAS or a connection string, the journal signs in with the managed identity Azure
    /// Automation offers through IDENTITY_ENDPOINT and IDENTITY_HEADER: the token endpoint is
    /// asked for a storage token, with the user-assigned client id when one is given, and its
    /// refusal is a clear refusal of the journal that shows neither header nor token.
    /// </summary>
    [Fact]
    public void Without_a_sas_or_key_the_automation_managed_identity_is_asked_for_a_storage_token()
    {
        using var identity = new ScriptedApiServer((_, _) => (400, "{\"error\":\"invalid_request\",\"error_description\":\"no identity\"}"));

        var error = WithAutomationIdentity(identity, () => Assert.Throws<JournalRefusedException>(() => Keep("https://127.0.0.1:9/acct/journals/run.csv")));

        Assert.Equal(JournalRefusal.Unwritable, error.Reason);
        Assert.Contains("no managed identity could sign in", error.Message);
        Assert.Contains("client id 11111111-2222-3333-4444-555555555555", error.Message);
        Assert.DoesNotContain("HEADERSECRET", error.ToString());
        Assert.NotEmpty(identity.Requests);
        Assert.All(identity.Requests, r => Assert.StartsWith("/msi/token", r));
        Assert.Contains(identity.Requests, r => r.Contains("resource=https%3A%2F%2Fstorage.azure.com") || r.Contains("resource=https://storage.azure.com"));
        Assert.Contains(identity.Requests, r => r.Contains("client_id=11111111-2222-3333-4444-555555555555"));
    }

    // The variables Azure Automation sets for its managed identity, pointing at identity; a
    // user-assigned client id; no connection string.
    private static T WithAutomationIdentity<T>(ScriptedApiServer identity, Func<T> run)
    {
        var saved = new[] { "IDENTITY_ENDPOINT", "IDENTITY_HEADER", BlobJournalAccess.ClientIdVariable, BlobJournalAccess.ConnectionStringVariable }
            .ToDictionary(n => n, Environment.GetEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", new Uri(identity.Endpoint, "msi/token").ToString());
            Environment.SetEnvironmentVariable("IDENTITY_HEADER", "HEADERSECRET");
            Environment.SetEnvironmentVariable(BlobJournalAccess.ClientIdVariable, "11111111-2222-3333-4444-555555555555");
            Environment.SetEnvironmentVariable(BlobJournalAccess.ConnectionStringVariable, null);

            // Nothing listens on the blob endpoint the tests use: the token is asked for before any request to it.
            return run();
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }

    [Fact]
    public void Blocks_end_at_line_breaks_so_a_repeated_block_repeats_whole_lines()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("header\nfirst line\nsecond, é\nthird line is long\n");

        var blocks = BlobJournalStore.Blocks(bytes, 20).ToList();

        Assert.True(blocks.Count > 1);
        Assert.All(blocks, b => Assert.True(b.Length <= 20));
        Assert.All(blocks, b => Assert.Equal((byte)'\n', bytes[b.Start + b.Length - 1]));
        Assert.Equal(bytes, blocks.SelectMany(b => bytes.Skip(b.Start).Take(b.Length)).ToArray());
    }

    [Fact]
    public void A_line_longer_than_a_block_is_split_where_it_must_be()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("0123456789abcdef\nxy\n");

        var blocks = BlobJournalStore.Blocks(bytes, 8).ToList();

        Assert.Equal(new[] { (0, 8), (8, 8), (16, 4) }, blocks);
    }

    [Fact]
    public void A_block_written_twice_reads_as_once()
    {
        // An append whose answer was lost and that the library sent again: its lines twice, in a row.
        var intents = Line("a", RunOutcome.Sent) + Line("b", RunOutcome.Sent);
        var text = RunRecordFile.Header + "\n" + intents + intents + Line("a", RunOutcome.Result, "Succeeded");

        var contents = JournalContents.Read(new StringReader(text), () => DateTime.UtcNow, "BatchBackupInstances", 2);

        Assert.Null(contents.Damage("journal"));
        Assert.Equal(2, contents.Last.Count);
        Assert.Equal(RunOutcome.Result, contents.Last.Values.Single(e => e.InstanceId == "a").Outcome);
        Assert.Equal(RunOutcome.Sent, contents.Last.Values.Single(e => e.InstanceId == "b").Outcome);
    }

    [Fact]
    public void A_header_written_twice_reads_as_a_header()
    {
        // A new blob's first append is its header alone: when its answer was lost, the header is there twice.
        var header = RunRecordFile.Header + "\n";
        var text = header + header + Line("a", RunOutcome.Sent) + Line("a", RunOutcome.Result, "Succeeded");

        var contents = JournalContents.Read(new StringReader(text), () => DateTime.UtcNow, "BatchBackupInstances", 2);

        Assert.Null(contents.Damage("journal"));
        Assert.Equal(RunOutcome.Result, contents.Last.Values.Single().Outcome);
    }

    private static string Line(string instance, RunOutcome outcome, string? status = null) =>
        RunRecordFile.Line(new KooPhoneRunEntry { RunId = 1, Operation = "BatchBackupInstances", InstanceId = instance, Outcome = outcome, Status = status, At = DateTime.UtcNow }) + "\n";

    // How Azure Storage answers a failure: an XML body, its code in a header too.
    private static string ErrorBody(string code) => $"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{code}</Code><Message>refused</Message></Error>";

    private static void Answer(ScriptedApiServer server, string errorCode)
    {
        server.AnswerHeaders["Content-Type"] = "application/xml";
        server.AnswerHeaders["x-ms-error-code"] = errorCode;
    }

    private static BlobJournalAccess Access(string url, params (string Name, string Value)[] environment) =>
        BlobJournalAccess.For(BlobJournalUrl.Parse(url), name => environment.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault());

    private static JournalKeeper Keep(string url) =>
        new(url, "BatchBackupInstances", new KooPhoneRun(1, "Backup-KooPhoneInstance", "BatchBackupInstances", "unused.csv", DateTime.UtcNow), KooPhoneClock.System);
}
