using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// The file format of a run record: CSV with a header, one entry a line, times in invariant
    /// ISO 8601 UTC, so Import-Csv reads it as well as this class does. Appends are flushed to the
    /// operating system as they are written: what a run learned survives the process.
    /// </summary>
    internal sealed class RunRecordFile : IDisposable
    {
        private static readonly string[] Columns =
        {
            "RunId", "Operation", "InstanceId", "UserId", "Outcome", "Status", "TaskId", "JobId", "RequestId", "ErrorCode", "Message", "SubmittedAt", "At", "SettledBy",
        };

        // Records and journals written before SettledBy was added end at At; they are read as they are.
        private static readonly int OlderColumns = Columns.Length - 1;

        private readonly object _gate = new object();
        private readonly StreamWriter _writer;

        /// <summary>A new record, or with <paramref name="append"/> the end of an existing one (a journal kept across runs).</summary>
        public RunRecordFile(string path, bool append = false)
        {
            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            Directory.CreateDirectory(folder!);
            var continuing = append && File.Exists(path) && new FileInfo(path).Length > 0;
            _writer = new StreamWriter(new FileStream(path, continuing ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete), new UTF8Encoding(false));
            if (!continuing)
            {
                _writer.WriteLine(string.Join(",", Columns));
            }

            _writer.Flush();
        }

        public void Append(KooPhoneRunEntry entry)
        {
            var line = Line(entry);
            lock (_gate)
            {
                _writer.WriteLine(line);
            }
        }

        /// <summary>Hands what was appended to the operating system (not to the disk: a killed process loses nothing, a power cut may).</summary>
        public void Flush()
        {
            lock (_gate)
            {
                _writer.Flush();
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _writer.Dispose();
            }
        }

        /// <summary>
        /// Reads a record back, even one another process is still writing: a last line without its
        /// line break (half-written, or cut off by a killed process) is skipped, as are lines that
        /// are not entries. A run record is the session's own file; a journal, which outlives
        /// processes and crashes, is read by JournalContents, which reports such lines.
        /// </summary>
        public static IEnumerable<KooPhoneRunEntry> Read(string path)
        {
            using (var reader = OpenText(path))
            {
                // The first line is the header.
                foreach (var line in WholeLines.Of(reader).Skip(1))
                {
                    var entry = Parse(line);
                    if (entry != null)
                    {
                        yield return entry;
                    }
                }
            }
        }

        /// <summary>The file's text, readable while another process writes it.</summary>
        internal static StreamReader OpenText(string path) =>
            new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete), Encoding.UTF8);

        /// <summary>The header line, which every record and journal starts with.</summary>
        internal static string Header => string.Join(",", Columns);

        /// <summary>One entry as a line of the file, without its line break.</summary>
        internal static string Line(KooPhoneRunEntry entry) =>
            string.Join(",", new[]
            {
                entry.RunId.ToString(CultureInfo.InvariantCulture), entry.Operation, entry.InstanceId, entry.UserId, entry.Outcome.ToString(), entry.Status,
                entry.TaskId, entry.JobId, entry.RequestId, entry.ErrorCode, entry.Message, Time(entry.SubmittedAt), Time(entry.At),
                entry.SettledBy?.ToString(CultureInfo.InvariantCulture),
            }.Select(Quote));

        /// <summary>
        /// The entry a whole line holds, or null when it holds none: NUL bytes (what some file
        /// systems leave after a crash), too few or too many fields, an outcome or run id that
        /// does not read.
        /// </summary>
        internal static KooPhoneRunEntry? Parse(string line)
        {
            var fields = Split(line);
            if (line.IndexOf('\0') >= 0 || (fields.Count != Columns.Length && fields.Count != OlderColumns) || !Enum.TryParse<RunOutcome>(fields[4], out var outcome)
                || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var runId))
            {
                return null;
            }

            return new KooPhoneRunEntry
            {
                RunId = runId,
                Operation = fields[1] ?? "",
                InstanceId = fields[2] ?? "",
                UserId = fields[3],
                Outcome = outcome,
                Status = fields[5],
                TaskId = fields[6],
                JobId = fields[7],
                RequestId = fields[8],
                ErrorCode = fields[9],
                Message = fields[10],
                SubmittedAt = ParseTime(fields[11]),
                At = ParseTime(fields[12]) ?? default,
                SettledBy = fields.Count > OlderColumns && int.TryParse(fields[13], NumberStyles.None, CultureInfo.InvariantCulture, out var by) ? by : (int?)null,
            };
        }

        /// <summary>
        /// What a line cut off before its line break still says: its run, operation, instance
        /// and user, when all four were written whole (each followed by its comma) without NUL
        /// bytes, else null. Its submission time too, when that was written whole. Every field
        /// after the last comma may be cut, so nothing else is taken from it.
        /// </summary>
        internal static KooPhoneRunEntry? ParseCut(string line)
        {
            var fields = Split(line);
            var whole = fields.Count - 1;
            if (whole < 4 || fields.Take(4).Any(f => f != null && f.IndexOf('\0') >= 0) || string.IsNullOrEmpty(fields[2])
                || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var runId))
            {
                return null;
            }

            return new KooPhoneRunEntry
            {
                RunId = runId, Operation = fields[1] ?? "", InstanceId = fields[2]!, UserId = fields[3], Outcome = RunOutcome.Sent,
                SubmittedAt = whole > 11 ? ParseTime(fields[11]) : null,
            };
        }

        private static string? Time(DateTime? time) =>
            time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

        private static DateTime? ParseTime(string? text) =>
            DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time) ? time : (DateTime?)null;

        // Empty fields are written empty and read back as null; anything with a comma, a quote or a
        // line break is quoted, inner quotes doubled, and line breaks folded so a line is an entry.
        private static string Quote(string? field)
        {
            if (string.IsNullOrEmpty(field))
            {
                return "";
            }

            var text = field!.Replace("\r", " ").Replace("\n", " ");
            return text.IndexOfAny(new[] { ',', '"' }) < 0 ? text : "\"" + text.Replace("\"", "\"\"") + "\"";
        }

        private static List<string?> Split(string line)
        {
            var fields = new List<string?>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.Length == 0 ? null : field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            fields.Add(field.Length == 0 ? null : field.ToString());
            return fields;
        }
    }
}
