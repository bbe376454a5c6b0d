namespace KooPhone.Emulator.Hosting;

/// <summary>The usage message printed by --help and after an argument error.</summary>
public static class UsageText
{
    /// <summary>The full usage text, ending with a newline.</summary>
    public const string Text =
        "Usage: dotnet KooPhone.Emulator.dll [options]\n" +
        "\n" +
        "Local emulator of the Huawei Cloud KooPhone REST API and of IAM's password token endpoint.\n" +
        "Listens on 127.0.0.1 only.\n" +
        "\n" +
        "Options:\n" +
        "  --port N                     TCP port; 0 picks a free port (default 0)\n" +
        "  --port-file PATH             once listening, write http://127.0.0.1:PORT to PATH\n" +
        "  --instances N                number of seeded instances, 0..10000000 (default 10)\n" +
        "  --seed N                     seed of the instance data and of fault rates (default 1)\n" +
        "  --job-delay-ms N             how long jobs and transitions take (backup, reboot, reset, restore,\n" +
        "                               unassign, commands, installs), in ms (default 2000)\n" +
        "  --clock MODE                 system|manual: manual stands still until POST /_emulator/clock\n" +
        "                               {\"advanceMs\":N} moves it (default system)\n" +
        "  --max-page-size N            ListInstances clamps page_size to N (default 100)\n" +
        "  --task-query-unsupported K   ExecuteJob answers these task kinds as unknown: a comma-separated\n" +
        "                               list of backup, reset, unassign (default: all kinds answer)\n" +
        "  --backup-task-query MODE     supported|unsupported; unsupported = --task-query-unsupported backup\n" +
        "  --install-response SHAPE     flat|nested: InstallApp's data as data.{task_id,…} (SDK 3.1.207+)\n" +
        "                               or data.data.{task_id,…} (older SDKs) (default flat)\n" +
        "  --request-log-limit N        newest entries kept by the admin request log (default 100000)\n" +
        "  --regions LIST               comma-separated region codes the seeded instances take in turn;\n" +
        "                               a batch spanning regions is KOOPHONE.API.1002 (default cn-north-4)\n" +
        "\n" +
        "Authentication:\n" +
        "  --token T                    accepted X-Auth-Token value; repeatable (default emulator-token)\n" +
        "  --iam-user NAME              IAM user of POST /v3/auth/tokens (default emulator-user)\n" +
        "  --iam-password PW            that user's password (default emulator-password)\n" +
        "  --iam-domain NAME            that user's account name (default emulator-domain)\n" +
        "  --project-id ID              the project (default 0123456789abcdef0123456789abcdef)\n" +
        "  --project-name NAME          the project's name (default cn-north-4)\n" +
        "  --iam-project NAME=ID        another project IAM lists (repeatable), e.g. a second one of the same name\n" +
        "  --token-lifetime-seconds N   lifetime of issued tokens (default 86400)\n" +
        "  --access-key AK              access key of AK/SK signing (default emulator-ak)\n" +
        "  --secret-key SK              secret key of AK/SK signing (default emulator-sk)\n" +
        "  --security-token T           X-Security-Token a signed request may carry (default none)\n" +
        "\n" +
        "Fault injection:\n" +
        "  --latency-ms N               delay before every /v1 request, 0..300000 (default 0)\n" +
        "  --max-concurrency K          answer 429 above K /v1 requests in flight; 0 = no limit (default 0)\n" +
        "  --fault SPEC                 a fault rule; repeatable. SPEC is comma-separated key=value, e.g.\n" +
        "                               kind=status,status=503,times=2,path=/v1/instances/backup,retryAfter=2\n" +
        "                               kinds: status iam html shape garbage nodata wrongtype busy nulldata\n" +
        "                               emptydata wrongshape emptycode codezero missingjobs drop hang stall\n" +
        "                               cut latency; phase=after acts first, then faults;\n" +
        "                               shape=denied|camel|plain|nested|text|other;\n" +
        "                               path=/v3/auth/tokens or /v3/projects faults IAM\n" +
        "  --visibility-lag-ms N        state changes show in ListInstances, BatchShowInstance and\n" +
        "                               ListInstanceApp only N ms later, 0..300000 (default 0)\n" +
        "  --delete-lag-ms N            ListInstances still lists deleted instances for N ms (default 0)\n" +
        "  --listing-churn N            before answering each ListInstances request, create N (N > 0)\n" +
        "                               or delete -N (N < 0) instances, -100..100 (default 0)\n" +
        "  --time-zone-offset +HH:MM    UTC offset the API writes its times in (default +00:00)\n" +
        "  --response-request-id MODE   echo|own: X-Request-Id echoes the client's ID, or is the\n" +
        "                               gateway's own (default echo)\n" +
        "  --refusal-ids MODE           named|none|first: a refusal's error_msg names every offending ID,\n" +
        "                               none, or only the first (default named)\n" +
        "  --rejected-batches MODE      untouched|partly-applied: a refused batch changes nothing, or is\n" +
        "                               still carried out on its healthy IDs (default untouched)\n" +
        "  --blob-proxy URL             forward requests under URL's path (e.g. http://127.0.0.1:10000/\n" +
        "                               devstoreaccount1, Azurite's) to URL, with faults set through\n" +
        "                               /_emulator/blob-proxy/faults: before, lost, status (default none)\n" +
        "\n" +
        "  -h, --help                   print this help and exit\n" +
        "\n" +
        "Options also accept the --name=value form. Each option except --token and --fault may be given once.\n";
}
