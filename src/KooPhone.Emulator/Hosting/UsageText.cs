namespace KooPhone.Emulator.Hosting;

/// <summary>The usage message printed by --help and after an argument error.</summary>
public static class UsageText
{
    /// <summary>The full usage text, ending with a newline.</summary>
    public const string Text =
        "Usage: dotnet KooPhone.Emulator.dll [options]\n" +
        "\n" +
        "Local emulator of the Huawei Cloud KooPhone REST API. Listens on 127.0.0.1 only.\n" +
        "\n" +
        "Options:\n" +
        "  --port N                     TCP port; 0 picks a free port (default 0)\n" +
        "  --port-file PATH             once listening, write http://127.0.0.1:PORT to PATH\n" +
        "  --instances N                number of seeded instances, 0..10000000 (default 10)\n" +
        "  --seed N                     seed of the deterministic instance data (default 1)\n" +
        "  --token T                    accepted X-Auth-Token value; repeatable (default emulator-token)\n" +
        "  --job-delay-ms N             how long a backup job takes, in ms (default 2000)\n" +
        "  --max-page-size N            ListInstances clamps page_size to N (default 100)\n" +
        "  --backup-task-query MODE     supported|unsupported: whether ExecuteJob knows backup tasks\n" +
        "                               (default supported)\n" +
        "  --request-log-limit N        newest entries kept by the admin request log (default 100000)\n" +
        "  -h, --help                   print this help and exit\n" +
        "\n" +
        "Options also accept the --name=value form. Each option except --token may be given once.\n";
}
