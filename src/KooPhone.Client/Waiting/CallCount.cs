using System.Threading;

namespace KooPhone.Client.Waiting
{
    /// <summary>A thread-safe count of API calls, for work that must report what it cost.</summary>
    internal sealed class CallCount
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Add(int calls) => Interlocked.Add(ref _value, calls);
    }
}
