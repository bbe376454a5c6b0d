using System.Collections.Generic;

namespace KooPhone.Emulator.Admin;

/// <summary>
/// Thread-safe, bounded log of /v1 requests for tests to inspect. Entries are numbered when they
/// are appended (as the response starts, or as an unanswered request ends), so the order is append order and
/// "?since=N" never skips an entry that was appended after an earlier read.
/// </summary>
public sealed class RequestLog
{
    private readonly object gate = new();
    private readonly Queue<RequestLogEntry> entries = new();
    private readonly int limit;
    private long lastSequence;

    /// <summary>Keeps at most <paramref name="limit"/> newest entries (0 keeps none).</summary>
    public RequestLog(int limit) => this.limit = limit;

    /// <summary>Numbers and appends an entry, dropping the oldest beyond the limit.</summary>
    public void Append(RequestLogEntry entry)
    {
        lock (gate)
        {
            entry.Sequence = ++lastSequence;
            if (limit == 0)
            {
                return;
            }

            entries.Enqueue(entry);
            while (entries.Count > limit)
            {
                entries.Dequeue();
            }
        }
    }

    /// <summary>Entries with a sequence above <paramref name="since"/>, oldest first.</summary>
    public List<RequestLogEntry> Since(long since)
    {
        lock (gate)
        {
            var result = new List<RequestLogEntry>();
            foreach (RequestLogEntry entry in entries)
            {
                if (entry.Sequence > since)
                {
                    result.Add(entry);
                }
            }

            return result;
        }
    }

    /// <summary>Drops every entry; sequence numbers keep increasing.</summary>
    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }
}
