using System;
using System.Collections.Generic;

namespace KooPhone.Client.Batching
{
    /// <summary>A batch whose call has ended: with the service's answer, or with the error that ended it.</summary>
    internal sealed class CompletedBatch<TItem, TResponse>
    {
        public CompletedBatch(IReadOnlyList<TItem> items, TResponse? response, Exception? error)
        {
            Items = items;
            Response = response;
            Error = error;
        }

        public IReadOnlyList<TItem> Items { get; }

        /// <summary>Set when the call succeeded.</summary>
        public TResponse? Response { get; }

        /// <summary>Set when the call failed; every item of the batch shares this error.</summary>
        public Exception? Error { get; }

        public bool Succeeded => Error == null;
    }
}
