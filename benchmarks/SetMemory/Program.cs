using System.Diagnostics;
using KooPhone.Client.Batching;

// One measurement in this process: `SetMemory <UInt64Set|HashSet> <count>` adds <count> distinct
// packed ids (8 characters like a44uhlf7, packed as SeenKeys packs them) to one set and prints a
// JSON line: the peak managed heap while the set grew (sampled every 1,024 adds, so the arrays a
// growing set has dropped but the collector not yet reclaimed count, as they do for the process),
// the managed memory the set keeps after a full collection, and the time taken.
var kind = args[0];
var count = int.Parse(args[1]);

// The ids are packed before the measurement, so the heap grows by the set alone.
var random = new Random(16);
const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
var ids = new ulong[count];
var chars = new char[8];
for (var i = 0; i < count; i++)
{
    for (var c = 0; c < chars.Length; c++)
    {
        chars[c] = alphabet[random.Next(alphabet.Length)];
    }

    PackedKey.TryPack(new string(chars), out ids[i]);
}

var baseline = GC.GetTotalMemory(forceFullCollection: true);
var peak = baseline;
var clock = Stopwatch.StartNew();
var added = 0;
object set;
if (kind == "UInt64Set")
{
    var ours = new UInt64Set();
    for (var i = 0; i < count; i++)
    {
        added += ours.Add(ids[i]) ? 1 : 0;
        if ((i & 1023) == 0) peak = Math.Max(peak, GC.GetTotalMemory(false));
    }

    set = ours;
}
else
{
    var theirs = new HashSet<ulong>();
    for (var i = 0; i < count; i++)
    {
        added += theirs.Add(ids[i]) ? 1 : 0;
        if ((i & 1023) == 0) peak = Math.Max(peak, GC.GetTotalMemory(false));
    }

    set = theirs;
}

clock.Stop();
peak = Math.Max(peak, GC.GetTotalMemory(false));
var kept = GC.GetTotalMemory(forceFullCollection: true) - baseline;
GC.KeepAlive(set);
GC.KeepAlive(ids);
Console.WriteLine($"{{\"Kind\":\"{kind}\",\"Count\":{count},\"Distinct\":{added},\"PeakMB\":{(peak - baseline) / 1048576.0:0.0},\"KeptMB\":{kept / 1048576.0:0.0},\"Milliseconds\":{clock.ElapsedMilliseconds}}}");
