using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// One holder at a time for a lock file, across processes and across the runspaces of one
    /// process: an operating-system lock that dies with its process, so a killed holder leaves
    /// nothing to clean up. The holder's description is written as text at the start of the file,
    /// where anyone may read it (Get-Content) while it is held; the lock itself covers one byte
    /// far beyond that text. The file is kept on release: deleting it would race with the next
    /// holder opening it.
    /// <para>Why a byte range and not FileShare.None: .NET on Linux and macOS turns FileShare.None
    /// into flock(LOCK_EX), which shuts out every reader of the file, the holder's text included.
    /// A byte-range lock (fcntl on Linux, LockFileEx on Windows) does not. On Linux such locks
    /// belong to the process, not to the open file, and closing ANY handle of the file in the
    /// process drops them; so this process never opens a lock file it holds (the held paths are
    /// kept here, and every open goes through one gate). macOS has no byte-range locks in .NET:
    /// there the file is opened with FileShare.None, and a refused holder cannot be named.</para>
    /// </summary>
    internal sealed class ExclusiveFileLock : IDisposable
    {
        // Far beyond any holder's text, so the locked byte never covers what readers read (Windows
        // locks are mandatory: a locked range cannot be read by another process).
        private const long LockedByte = 1L << 30;
        private const int MostHolderBytes = 4096;

        // A holder writes its text just after taking the lock, and empties it just before letting
        // go: a refused attempt that reads no text tries again a few times before it gives up.
        private const int EmptyHolderTries = 10;
        private static readonly TimeSpan EmptyHolderPause = TimeSpan.FromMilliseconds(50);

        private static readonly bool ByteRangeLocks = !RuntimeInformation.IsOSPlatform(OSPlatform.OSX);
        private static readonly object Gate = new object();
        private static readonly Dictionary<string, string> HeldHere = new Dictionary<string, string>(
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

        private FileStream? _stream;

        private ExclusiveFileLock(string path, FileStream stream)
        {
            Path = path;
            _stream = stream;
        }

        /// <summary>The lock file, as a full path.</summary>
        public string Path { get; }

        /// <summary>
        /// Takes the lock at <paramref name="lockPath"/> (creating the file, not its folder) and
        /// writes <paramref name="holder"/> into it; null when someone holds it already, with their
        /// text in <paramref name="currentHolder"/> (empty when they wrote none, or on macOS).
        /// Throws what opening the file throws (a missing folder, no right to write there).
        /// </summary>
        public static ExclusiveFileLock? TryAcquire(string lockPath, string holder, out string currentHolder)
        {
            var path = System.IO.Path.GetFullPath(lockPath);
            for (var attempt = 1; ; attempt++)
            {
                lock (Gate)
                {
                    if (HeldHere.TryGetValue(path, out var here))
                    {
                        currentHolder = here;
                        return null;
                    }

                    var stream = Open(path, FileMode.OpenOrCreate);
                    if (stream == null)
                    {
                        currentHolder = "";
                        return null;
                    }

                    if (TryLock(stream))
                    {
                        var hold = new ExclusiveFileLock(path, stream);
                        try
                        {
                            WriteHolder(stream, holder);
                        }
                        catch
                        {
                            hold.Release();
                            throw;
                        }

                        HeldHere.Add(path, holder);
                        currentHolder = holder;
                        return hold;
                    }

                    currentHolder = ReadHolder(stream);
                    stream.Dispose();
                }

                if (currentHolder.Length > 0 || attempt == EmptyHolderTries)
                {
                    return null;
                }

                Thread.Sleep(EmptyHolderPause);
            }
        }

        /// <summary>
        /// True while a live holder (in this process or another) holds the lock at
        /// <paramref name="lockPath"/>; false when nobody does, or there is no such file. A holder
        /// that was killed holds nothing. Never changes the file.
        /// </summary>
        public static bool IsHeld(string lockPath)
        {
            var path = System.IO.Path.GetFullPath(lockPath);
            lock (Gate)
            {
                if (HeldHere.ContainsKey(path))
                {
                    return true;
                }

                if (!File.Exists(path))
                {
                    return false;
                }

                FileStream? stream;
                try
                {
                    stream = Open(path, FileMode.Open);
                }
                catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
                {
                    return false;
                }

                if (stream == null)
                {
                    return true;
                }

                using (stream)
                {
                    return !TryLock(stream);
                }
            }
        }

        /// <summary>Lets go: the holder's text is emptied, the lock released, the file kept.</summary>
        public void Dispose()
        {
            lock (Gate)
            {
                if (_stream == null)
                {
                    return;
                }

                try
                {
                    Release();
                }
                finally
                {
                    HeldHere.Remove(Path);
                }
            }
        }

        // The open file, or null where FileShare.None stands for the lock (macOS) and someone holds it.
        private static FileStream? Open(string path, FileMode mode)
        {
            if (ByteRangeLocks)
            {
                return new FileStream(path, mode, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            }

            try
            {
                return new FileStream(path, mode, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (!(e is FileNotFoundException || e is DirectoryNotFoundException || e is PathTooLongException) && File.Exists(path))
            {
                return null;
            }
        }

        private static bool TryLock(FileStream stream)
        {
            if (!ByteRangeLocks)
            {
                return true;
            }

            try
            {
                stream.Lock(LockedByte, 1);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                // EACCES: how some systems answer fcntl for a range another process holds.
                return false;
            }
        }

        private static void WriteHolder(FileStream stream, string holder)
        {
            var text = Encoding.UTF8.GetBytes(holder + Environment.NewLine);
            stream.SetLength(0);
            stream.Position = 0;
            stream.Write(text, 0, Math.Min(text.Length, MostHolderBytes));
            stream.Flush();
        }

        private static string ReadHolder(FileStream stream)
        {
            try
            {
                var buffer = new byte[MostHolderBytes];
                stream.Position = 0;
                var length = 0;
                int read;
                while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
                {
                    length += read;
                }

                return Encoding.UTF8.GetString(buffer, 0, length).Trim('\0', ' ', '\r', '\n', '\t');
            }
            catch (IOException)
            {
                return "";
            }
        }

        private void Release()
        {
            var stream = _stream!;
            _stream = null;
            try
            {
                // Best effort: the text of a holder that has let go must not name it.
                stream.SetLength(0);
                if (ByteRangeLocks)
                {
                    stream.Unlock(LockedByte, 1);
                }
            }
            catch (IOException)
            {
                // Closing the file below releases the lock anyway.
            }
            finally
            {
                stream.Dispose();
            }
        }
    }
}
