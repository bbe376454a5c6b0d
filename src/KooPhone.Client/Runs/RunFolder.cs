using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// Where run records are kept: a folder of the user's own — KOOPHONE_RUNS_PATH, or KooPhone/runs
    /// in the platform's local application data folder — with a folder for each session (process)
    /// that started a run. On Linux and macOS the folders this creates are the owner's only (0700);
    /// on Windows the user's profile folder is already theirs. A session holds a lock file in its
    /// folder (<see cref="ExclusiveFileLock"/>) for as long as it lives; when the first run of a
    /// session starts, the folders of sessions that have ended are removed once older than
    /// <see cref="RetentionDays"/> days, or beyond the newest <see cref="KeptSessions"/>.
    /// </summary>
    internal static class RunFolder
    {
        public const string PathVariable = "KOOPHONE_RUNS_PATH";

        /// <summary>The folder of a session that ended is removed after this many days without a change.</summary>
        public const int RetentionDays = 14;

        /// <summary>At most this many folders of ended sessions are kept (the newest).</summary>
        public const int KeptSessions = 100;

        private const string SessionLockName = "session.lock";

        // rwx for the owner only, as System.IO.UnixFileMode has it.
        private const int OwnerOnly = 0x1C0;

        private static readonly object Gate = new object();
        private static string? _session;

        // Held for the life of the process; the OS lets go when the process ends, however it ends.
        private static ExclusiveFileLock? _sessionLock;

        /// <summary>The folder of this session's run records, made (and old sessions' folders removed) on first use.</summary>
        public static string Session
        {
            get
            {
                lock (Gate)
                {
                    return _session ??= StartSession();
                }
            }
        }

        /// <summary>The folder holding every session's folder: KOOPHONE_RUNS_PATH, or the default.</summary>
        public static string Root
        {
            get
            {
                var given = Environment.GetEnvironmentVariable(PathVariable);
                if (!string.IsNullOrWhiteSpace(given))
                {
                    return Path.GetFullPath(given!.Trim());
                }

                var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
                return string.IsNullOrEmpty(local)
                    // No profile folder (a service account without a home): a folder of the user's own under the temp folder.
                    ? Path.Combine(Path.GetTempPath(), "KooPhone-" + Environment.UserName, "runs")
                    : Path.Combine(local, "KooPhone", "runs");
            }
        }

        private static string StartSession()
        {
            var root = Root;
            var process = Process.GetCurrentProcess();
            var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{process.Id}-{Guid.NewGuid().ToString("N").Substring(0, 8)}";
            var folder = Path.Combine(root, name);
            try
            {
                CreatePrivate(root);
                CreatePrivate(folder);
                _sessionLock = ExclusiveFileLock.TryAcquire(
                    Path.Combine(folder, SessionLockName), $"process {process.Id} on {Environment.MachineName}, user {Environment.UserName}, since {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC", out _);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is NotSupportedException || e is ArgumentException || e is TargetInvocationException)
            {
                throw new RunRecordsUnavailableException(root, (e as TargetInvocationException)?.InnerException?.Message ?? e.Message);
            }

            RemoveEnded(root, folder);
            return folder;
        }

        // The folders of ended sessions (their lock is free), newest first; those past the limits go.
        private static void RemoveEnded(string root, string current)
        {
            var cutoff = DateTime.UtcNow.AddDays(-RetentionDays);
            var ended = new List<(string Folder, DateTime Changed)>();
            foreach (var folder in SafeFolders(root))
            {
                if (string.Equals(folder, current, StringComparison.Ordinal) || !File.Exists(Path.Combine(folder, SessionLockName)) || IsHeld(folder))
                {
                    continue;
                }

                ended.Add((folder, LastChange(folder)));
            }

            var kept = 0;
            foreach (var (folder, changed) in ended.OrderByDescending(e => e.Changed))
            {
                if (changed >= cutoff && kept < KeptSessions)
                {
                    kept++;
                    continue;
                }

                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    // Tried again when the next session starts.
                }
            }
        }

        private static bool IsHeld(string folder)
        {
            try
            {
                return ExclusiveFileLock.IsHeld(Path.Combine(folder, SessionLockName));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return true;
            }
        }

        private static IEnumerable<string> SafeFolders(string root)
        {
            try
            {
                return Directory.GetDirectories(root);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return Array.Empty<string>();
            }
        }

        private static DateTime LastChange(string folder)
        {
            try
            {
                return new DirectoryInfo(folder).EnumerateFiles().Select(f => f.LastWriteTimeUtc).DefaultIfEmpty(Directory.GetLastWriteTimeUtc(folder)).Max();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return DateTime.UtcNow;
            }
        }

        // Made, and on Linux and macOS made the owner's only, through File.SetUnixFileMode where the
        // runtime has it (.NET 7 and later: PowerShell 7.4 and later). Windows keeps the folder's ACL.
        private static void CreatePrivate(string folder)
        {
            Directory.CreateDirectory(folder);
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return;
            }

            var mode = Type.GetType("System.IO.UnixFileMode");
            var setMode = mode == null ? null : typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), mode });
            setMode?.Invoke(null, new[] { folder, Enum.ToObject(mode!, OwnerOnly) });
        }
    }

    /// <summary>The run records folder cannot be made or written: the run does not start.</summary>
    public sealed class RunRecordsUnavailableException : IOException
    {
        public RunRecordsUnavailableException(string folder, string reason)
            : base($"Run records cannot be kept in '{folder}': {reason} Set {RunFolder.PathVariable} to a folder you can write. Nothing was sent.")
        {
            Folder = folder;
        }

        /// <summary>The folder that could not be used.</summary>
        public string Folder { get; }
    }
}
