using System;
using System.Collections.Generic;

namespace KooPhone.Client.Batching
{
    /// <summary>
    /// Some items of a batch and how they ended. A batch ends as one part when the service
    /// answered, and as several when its answer was lost and the instances' state split it into
    /// done, unknown and resent items.
    /// </summary>
    internal sealed class BatchPart<TItem, TResponse>
    {
        private BatchPart(BatchPartKind kind, IReadOnlyList<TItem> items, TResponse? response, Exception? error, IReadOnlyList<string>? evidence, DateTime submittedAt)
        {
            Kind = kind;
            Items = items;
            Response = response;
            Error = error;
            Evidence = evidence;
            SubmittedAt = submittedAt;
        }

        public BatchPartKind Kind { get; }

        public IReadOnlyList<TItem> Items { get; }

        /// <summary>Set for Answered parts only.</summary>
        public TResponse? Response { get; }

        /// <summary>What ended the call, for every kind but Answered (for Done, the failure whose answer was lost).</summary>
        public Exception? Error { get; }

        /// <summary>For Done parts, per item, the state that showed the call was carried out.</summary>
        public IReadOnlyList<string>? Evidence { get; }

        /// <summary>When the call that carried these items was sent.</summary>
        public DateTime SubmittedAt { get; }

        public static BatchPart<TItem, TResponse> Answered(IReadOnlyList<TItem> items, TResponse response, DateTime submittedAt) =>
            new BatchPart<TItem, TResponse>(BatchPartKind.Answered, items, response, null, null, submittedAt);

        public static BatchPart<TItem, TResponse> Failed(IReadOnlyList<TItem> items, Exception error, DateTime submittedAt) =>
            new BatchPart<TItem, TResponse>(BatchPartKind.Failed, items, default, error, null, submittedAt);

        public static BatchPart<TItem, TResponse> Done(IReadOnlyList<TItem> items, IReadOnlyList<string> evidence, Exception lost, DateTime submittedAt) =>
            new BatchPart<TItem, TResponse>(BatchPartKind.Done, items, default, lost, evidence, submittedAt);

        public static BatchPart<TItem, TResponse> Unknown(IReadOnlyList<TItem> items, Exception error, DateTime submittedAt) =>
            new BatchPart<TItem, TResponse>(BatchPartKind.Unknown, items, default, error, null, submittedAt);
    }
}
