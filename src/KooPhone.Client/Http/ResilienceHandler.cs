using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Connection;
using Polly;
using Polly.Retry;

namespace KooPhone.Client.Http
{
    /// <summary>
    /// Outermost handler: one logical call, several attempts. A Polly pipeline caps the whole call
    /// (TotalTimeout) and retries what RetryClassifier allows for as long as the call's RetryBudget
    /// lasts (throttling by time, other failures by MaxRetryCount), after a jittered wait
    /// (RetryDelay). Each attempt first takes a slot of the context's AdaptiveConcurrencyLimiter,
    /// then is bounded by AttemptTimeout: waiting for a slot does not eat into the attempt's time.
    /// Every wait observes the caller's cancellation, so Ctrl+C ends it at once.
    /// The same HttpRequestMessage goes down the chain each time: same x-request-id, and the
    /// authentication handler below signs it afresh.
    /// </summary>
    internal sealed class ResilienceHandler : DelegatingHandler
    {
        private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new ResiliencePropertyKey<HttpRequestMessage>("KooPhone.Request");
        private static readonly ResiliencePropertyKey<CancellationToken> CallerTokenKey = new ResiliencePropertyKey<CancellationToken>("KooPhone.CallerToken");
        private static readonly ResiliencePropertyKey<RetryBudget> BudgetKey = new ResiliencePropertyKey<RetryBudget>("KooPhone.RetryBudget");
        private static readonly Random SharedRandom = new Random();

        private readonly KooPhoneConnectionOptions _options;
        private readonly AdaptiveConcurrencyLimiter _limiter;
        private readonly ResiliencePipeline<HttpResponseMessage> _call;
        private readonly ResiliencePipeline _attempt;

        public ResilienceHandler(KooPhoneConnectionOptions options, AdaptiveConcurrencyLimiter limiter)
        {
            _options = options;
            _limiter = limiter;
            // Back-off, Retry-After and both time limits run on the connection's clock, so tests can move it.
            var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.Time }.AddTimeout(options.TotalTimeout);
            // Polly refuses a retry strategy with no retries, so -MaxRetryCount 0 leaves it out.
            if (options.MaxRetryCount > 0)
            {
                builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    // The call's RetryBudget decides how many; Polly only runs the loop.
                    MaxRetryAttempts = int.MaxValue,
                    ShouldHandle = args => new ValueTask<bool>(BudgetOf(args.Context).TryRetry(
                        RequestOf(args.Context),
                        args.Outcome.Result,
                        args.Outcome.Exception,
                        args.Context.CancellationToken.IsCancellationRequested && CallerToken(args.Context).IsCancellationRequested,
                        options.Time.GetUtcNow())),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(BudgetOf(args.Context).NextDelay),
                    OnRetry = args =>
                    {
                        var request = RequestOf(args.Context);
                        var budget = BudgetOf(args.Context);
                        var reason = RetryReason.Describe(args.Outcome.Result, args.Outcome.Exception, options.AttemptTimeout);
                        RequestProperties.GetObserver(request)?.OnAttemptCompleted(budget.NextIsThrottled
                            ? RequestTrace.ForRetry(request, args.AttemptNumber + 2, null, args.RetryDelay, reason, ThrottleAllowance(budget))
                            : RequestTrace.ForRetry(request, args.AttemptNumber + 2, options.MaxRetryCount + 1 + budget.ThrottledRetries, args.RetryDelay, reason, null));
                        // The refused answer is dropped here; only the last one reaches the caller.
                        args.Outcome.Result?.Dispose();
                        return default;
                    },
                });
            }

            _call = builder.Build();
            _attempt = new ResiliencePipelineBuilder { TimeProvider = options.Time }.AddTimeout(options.AttemptTimeout).Build();
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(RequestKey, request);
            context.Properties.Set(CallerTokenKey, cancellationToken);
            context.Properties.Set(BudgetKey, new RetryBudget(_options, _options.Time.GetUtcNow(), NextRandom));
            var attempts = 0;
            try
            {
                return await _call.ExecuteAsync(
                    async (ctx, state) =>
                    {
                        using (var lease = await state.handler._limiter.AcquireAsync(ctx.CancellationToken).ConfigureAwait(false))
                        {
                            RequestProperties.SetAttempts(state.request, ++attempts);
                            var response = await state.handler._attempt.ExecuteAsync(
                                (s, token) => new ValueTask<HttpResponseMessage>(s.handler.SendWholeAsync(s.request, token)),
                                state,
                                ctx.CancellationToken).ConfigureAwait(false);
                            Report(lease, response);
                            return response;
                        }
                    },
                    context,
                    (request, handler: this)).ConfigureAwait(false);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        // A 429 lowers the context's pace; any other answer short of a server failure says the pace
        // was accepted. Server failures and broken connections say nothing about the pace.
        private static void Report(ConcurrencyLease lease, HttpResponseMessage response)
        {
            if (RetryClassifier.IsThrottled(response))
            {
                lease.Throttled();
            }
            else if ((int)response.StatusCode < 500)
            {
                lease.Accepted();
            }
        }

        private string ThrottleAllowance(RetryBudget budget) =>
            $"throttled {budget.ThrottledRetries} {(budget.ThrottledRetries == 1 ? "time" : "times")} so far; throttled attempts do not count against the {_options.MaxRetryCount + 1} attempts and go on within the call's {Duration(_options.TotalTimeout)} time limit";

        private static string Duration(TimeSpan span) =>
            span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} min" : $"{span.TotalSeconds:0.#} s";

        private static double NextRandom()
        {
            // System.Random is not thread-safe, and separate instances made at the same tick on
            // .NET Framework draw the same numbers: one shared, locked instance jitters every call.
            lock (SharedRandom)
            {
                return SharedRandom.NextDouble();
            }
        }

        // One attempt, its answer's body read whole within it. HttpClient would read the body only after
        // the handlers return, where no attempt timeout applies (the client's own Timeout is infinite):
        // a body that stalls after the headers would hang the call for good, and one cut off mid-way
        // would fail outside the retries. Here a stall ends at the attempt timeout and a cut body is a
        // broken connection like any other (retried when the call may be repeated, else OutcomeUnknown).
        private async Task<HttpResponseMessage> SendWholeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await BaseSend(request, cancellationToken).ConfigureAwait(false);
            try
            {
                if (response.Content != null)
                {
                    // netstandard2.0's LoadIntoBufferAsync takes no token; disposing the response ends the read.
                    using (cancellationToken.Register(r => ((HttpResponseMessage)r!).Dispose(), response))
                    {
                        await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
                    }
                }

                return response;
            }
            catch
            {
                response.Dispose();
                // A read ended by the time limit or Ctrl+C is reported as that, not as the disposal it caused.
                cancellationToken.ThrowIfCancellationRequested();
                throw;
            }
        }

        private Task<HttpResponseMessage> BaseSend(HttpRequestMessage request, CancellationToken cancellationToken) =>
            base.SendAsync(request, cancellationToken);

        private static HttpRequestMessage RequestOf(ResilienceContext context) => context.Properties.GetValue(RequestKey, null!);

        private static CancellationToken CallerToken(ResilienceContext context) => context.Properties.GetValue(CallerTokenKey, CancellationToken.None);

        private static RetryBudget BudgetOf(ResilienceContext context) => context.Properties.GetValue(BudgetKey, null!);
    }
}
