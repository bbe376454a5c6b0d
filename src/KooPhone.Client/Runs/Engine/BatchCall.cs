using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Reconciling;

namespace KooPhone.Client.Runs
{
    /// <summary>What a call's results are, which decides what a lost answer settled as done, or a journal entry, is written again as.</summary>
    internal enum ResultKind
    {
        /// <summary>Job results of a task (KooPhoneJobResult).</summary>
        Jobs,

        /// <summary>"Accepted", or the operation's own result objects: settled ids are written as KooPhoneActionResult.</summary>
        Actions,
    }

    /// <summary>
    /// One operation as a batch run carries it, declared once (<see cref="BatchCalls"/>): its
    /// descriptor paired with the API method that sends it, what an item acts on, and what an
    /// answer comes to per item. A test sends every declaration and checks that the request is
    /// the descriptor's.
    /// </summary>
    internal sealed class BatchCall<TItem, TResponse>
    {
        private readonly Func<KooPhoneApiClient, IReadOnlyList<TItem>, CancellationToken, Task<TResponse>> _send;
        private readonly Func<IReadOnlyList<TItem>, TResponse, IEnumerable<ItemResult>> _results;

        public BatchCall(
            KooPhoneOperation operation, ResultKind kind, Func<TItem, InstanceTarget> targetOf,
            Func<KooPhoneApiClient, IReadOnlyList<TItem>, CancellationToken, Task<TResponse>> send,
            Func<IReadOnlyList<TItem>, TResponse, IEnumerable<ItemResult>> results)
        {
            Operation = operation;
            Kind = kind;
            TargetOf = targetOf;
            _send = send;
            _results = results;
        }

        public KooPhoneOperation Operation { get; }

        public ResultKind Kind { get; }

        /// <summary>The instance (and user) an item acts on: what errors name, reconciliation reads and the run record keeps.</summary>
        public Func<TItem, InstanceTarget> TargetOf { get; }

        public Task<TResponse> SendAsync(KooPhoneApiClient api, IReadOnlyList<TItem> items, CancellationToken cancellationToken) => _send(api, items, cancellationToken);

        /// <summary>One result per item of an answered call, in the items' order.</summary>
        public IEnumerable<ItemResult> Results(IReadOnlyList<TItem> items, TResponse response) => _results(items, response);
    }
}
