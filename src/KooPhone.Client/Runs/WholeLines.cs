using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// The lines of a text that end with a line break (its "\r" dropped). What follows the last
    /// break is not a whole line: the writer was killed or the disk filled while it was written,
    /// or it is being written now; it is handed to <c>cut</c>, when given, once the whole lines
    /// have been read. Lines a file system left holding NUL bytes after a crash are handed back
    /// as they are; the reader decides (RunRecordFile.Read skips them, JournalContents reports them).
    /// </summary>
    internal static class WholeLines
    {
        private const int BufferChars = 16 * 1024;

        public static IEnumerable<string> Of(TextReader reader, Action<string>? cut = null)
        {
            var buffer = new char[BufferChars];
            var pending = new StringBuilder();
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                var start = 0;
                int end;
                while ((end = Array.IndexOf(buffer, '\n', start, read - start)) >= 0)
                {
                    string line;
                    if (pending.Length == 0)
                    {
                        line = new string(buffer, start, end - start);
                    }
                    else
                    {
                        line = pending.Append(buffer, start, end - start).ToString();
                        pending.Clear();
                    }

                    yield return line.Length > 0 && line[line.Length - 1] == '\r' ? line.Substring(0, line.Length - 1) : line;
                    start = end + 1;
                }

                pending.Append(buffer, start, read - start);
            }

            if (pending.Length > 0)
            {
                cut?.Invoke(pending.ToString());
            }
        }
    }
}
